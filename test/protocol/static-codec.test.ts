/**
 * encodeMessage/decodeMessage over the static code (static.generated.ts): exact decoded shapes, hand-written wire
 * bytes, and agreement with protobufjs reflection (what the provider used before). The nested attribute goes
 * through tfplugin6.Schema.Object, whose class once shadowed the global `Object` (see pbjs-static-target.js).
 */
import type { IConversionOptions } from "protobufjs/light";
import {
  DeferredReason,
  DiagnosticSeverity,
  type GetProviderSchemaResponse,
  type MessageName,
  ObjectNesting,
  type PlanResourceChangeRequest,
  type PlanResourceChangeResponse,
  StringKind,
  decodeMessage,
  encodeMessage,
} from "../../src/protocol/messages";
import { protocolRoot } from "../support/protocol-root";

const str = (s: string) => Buffer.from(s);

const schemaResponse: GetProviderSchemaResponse = {
  resource_schemas: {
    example_thing: {
      version: 1,
      block: {
        attributes: [
          { name: "id", type: str('"string"'), computed: true },
          {
            name: "credentials",
            nested_type: {
              nesting: ObjectNesting.SINGLE,
              attributes: [
                { name: "host", type: str('"string"'), required: true },
                { name: "password_wo", type: str('"string"'), optional: true, sensitive: true, write_only: true },
              ],
            },
            required: true,
            description: "How to log in.",
            description_kind: StringKind.MARKDOWN,
          },
        ],
      },
    },
  },
  server_capabilities: { get_provider_schema_optional: true },
};

/** As decoded: defaults left off, bytes as Buffers, every repeated field an array and every map an object. */
const schemaDecoded = {
  resource_schemas: {
    example_thing: {
      version: 1,
      block: {
        attributes: [
          { name: "id", type: str('"string"'), computed: true },
          {
            name: "credentials",
            nested_type: {
              nesting: ObjectNesting.SINGLE,
              attributes: [
                { name: "host", type: str('"string"'), required: true },
                { name: "password_wo", type: str('"string"'), optional: true, sensitive: true, write_only: true },
              ],
            },
            required: true,
            description: "How to log in.",
            description_kind: StringKind.MARKDOWN,
          },
        ],
        block_types: [],
      },
    },
  },
  data_source_schemas: {},
  functions: {},
  ephemeral_resource_schemas: {},
  diagnostics: [],
  server_capabilities: { get_provider_schema_optional: true },
};

const planRequest: PlanResourceChangeRequest = {
  type_name: "example_thing",
  prior_state: { msgpack: Uint8Array.of(0xc0) },
  proposed_new_state: { msgpack: Uint8Array.of(0x81, 0xa2, 0x69, 0x64, 0xc0) },
  config: { msgpack: Uint8Array.of(0x80) },
  // protobufjs writes every field that is present, defaults too; only absent ones stay off the wire.
  prior_private: new Uint8Array(0),
  client_capabilities: { deferral_allowed: true, write_only_attributes_allowed: false },
};

const planRequestDecoded = {
  type_name: "example_thing",
  prior_state: { msgpack: Buffer.of(0xc0) },
  proposed_new_state: { msgpack: Buffer.of(0x81, 0xa2, 0x69, 0x64, 0xc0) },
  config: { msgpack: Buffer.of(0x80) },
  prior_private: Buffer.alloc(0),
  client_capabilities: { deferral_allowed: true, write_only_attributes_allowed: false },
};

const planResponse: PlanResourceChangeResponse = {
  planned_state: { msgpack: Uint8Array.of(0x81, 0xa2, 0x69, 0x64, 0xd4, 0x00, 0x00) },
  requires_replace: [{ steps: [{ attribute_name: "credentials" }, { attribute_name: "host" }] }, { steps: [{ element_key_int: 2 }] }],
  planned_private: str('{"v":1}'),
  diagnostics: [{ severity: DiagnosticSeverity.WARNING, summary: "Heads up", attribute: { steps: [{ element_key_string: "k" }] } }],
  deferred: { reason: DeferredReason.PROVIDER_CONFIG_UNKNOWN },
};

const planResponseDecoded = {
  planned_state: { msgpack: Buffer.of(0x81, 0xa2, 0x69, 0x64, 0xd4, 0x00, 0x00) },
  requires_replace: [
    {
      steps: [
        { attribute_name: "credentials", selector: "attribute_name" },
        { attribute_name: "host", selector: "attribute_name" },
      ],
    },
    { steps: [{ element_key_int: 2, selector: "element_key_int" }] },
  ],
  planned_private: str('{"v":1}'),
  diagnostics: [{ severity: DiagnosticSeverity.WARNING, summary: "Heads up", attribute: { steps: [{ element_key_string: "k", selector: "element_key_string" }] } }],
  deferred: { reason: DeferredReason.PROVIDER_CONFIG_UNKNOWN },
};

const cases: [MessageName, object, object][] = [
  ["tfplugin6.GetProviderSchema.Response", schemaResponse, schemaDecoded],
  ["tfplugin6.PlanResourceChange.Request", planRequest, planRequestDecoded],
  ["tfplugin6.PlanResourceChange.Response", planResponse, planResponseDecoded],
];

/** Encodes and decodes through any message name (the typed helpers want the name's own message type). */
const encode = (name: MessageName, message: object): Buffer => encodeMessage(name, message as never);
const decode = (name: MessageName, bytes: Uint8Array): unknown => decodeMessage(name, bytes);

describe.each(cases)("%s", (name, message, decoded) => {
  test("decodes to exactly the expected shape", () => {
    expect(decode(name, encode(name, message))).toStrictEqual(decoded);
  });

  test("re-encoding the decoded message gives the same bytes", () => {
    const bytes = encode(name, message);
    expect(encode(name, decode(name, bytes) as object).equals(bytes)).toBe(true);
  });

  test("encodes and decodes as protobufjs reflection does", () => {
    const type = protocolRoot().lookupType(name);
    const options: IConversionOptions = { longs: Number, enums: Number, defaults: false, arrays: true, objects: true, oneofs: true };
    const reflected = Buffer.from(type.encode(type.fromObject(message)).finish());
    expect(encode(name, message).equals(reflected)).toBe(true);
    expect(decode(name, reflected)).toStrictEqual(type.toObject(type.decode(reflected), options));
  });
});

describe("wire bytes", () => {
  test("a nested attribute: Schema.Attribute.nested_type is field 10, Schema.Object.nesting field 3", () => {
    const response: GetProviderSchemaResponse = { provider: { block: { attributes: [{ name: "c", nested_type: { nesting: ObjectNesting.SINGLE } }] } } };
    // provider (1) { block (2) { attributes (2) { name (1) "c", nested_type (10) { nesting (3) SINGLE } } } }
    const hex = "0a0b" + "1209" + "1207" + "0a0163" + "5202" + "1801";
    expect(encodeMessage("tfplugin6.GetProviderSchema.Response", response).toString("hex")).toBe(hex);
    expect(decodeMessage("tfplugin6.GetProviderSchema.Response", Buffer.from(hex, "hex")).provider).toStrictEqual({
      block: { attributes: [{ name: "c", nested_type: { attributes: [], nesting: ObjectNesting.SINGLE } }], block_types: [] },
    });
  });

  test("a PlanResourceChange.Response: requires_replace (2) holds AttributePath steps, element_key_int (3) a varint", () => {
    const hex = "1204" + "0a02" + "1805";
    expect(encodeMessage("tfplugin6.PlanResourceChange.Response", { requires_replace: [{ steps: [{ element_key_int: 5 }] }] }).toString("hex")).toBe(hex);
  });

  test("an unknown message name fails loudly", () => {
    expect(() => encode("tfplugin6.NoSuchMessage" as MessageName, {})).toThrow("no protobuf message type tfplugin6.NoSuchMessage");
  });
});
