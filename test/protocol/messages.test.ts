/** Protobuf messages through the static code (static.generated.ts), checked against hand-written wire bytes where it matters. */
import { decodeDynamicValue, encodeDynamicValue } from "../../src/protocol/cty-codec";
import {
  DiagnosticSeverity,
  type GetProviderSchemaResponse,
  ObjectNesting,
  type PlanResourceChangeRequest,
  type PlanResourceChangeResponse,
  decodeMessage,
  encodeMessage,
  StringKind,
  messageCodec,
} from "../../src/protocol/messages";
import { toProtoDiagnostic, toProtoPath } from "../../src/protocol/proto-diagnostics";
import { toProtoSchema } from "../../src/protocol/proto-schema";
import { AttributePath } from "../../src/framework/path";
import { postgresConnection } from "../../src/resources/app-connection/postgres";
import { UNKNOWN } from "../../src/framework/value";

const attrs = postgresConnection.attributes;
const typeName = postgresConnection.typeName;

describe("GetProviderSchema.Response", () => {
  const response: GetProviderSchemaResponse = {
    provider: toProtoSchema({}, 0, "The provider."),
    resource_schemas: { [typeName]: toProtoSchema(attrs, 2, postgresConnection.description) },
    server_capabilities: { get_provider_schema_optional: true },
    diagnostics: [toProtoDiagnostic({ severity: "warning", summary: "Heads Up", detail: "Just so you know." })],
  };
  const bytes = encodeMessage("tfplugin6.GetProviderSchema.Response", response);
  const decoded = decodeMessage("tfplugin6.GetProviderSchema.Response", bytes);

  test("decodes to what was encoded (defaults omitted, bytes as Buffers, int64 as numbers)", () => {
    const schema = decoded.resource_schemas![typeName];
    expect(schema.version).toBe(2);
    expect(schema.block!.version).toBe(2);
    expect(schema.block!.attributes!.map((a) => a.name)).toEqual(response.resource_schemas![typeName].block!.attributes!.map((a) => a.name));
    const credentials = schema.block!.attributes!.find((a) => a.name === "credentials")!;
    expect(credentials.nested_type!.nesting).toBe(ObjectNesting.SINGLE);
    const password = credentials.nested_type!.attributes!.find((a) => a.name === "password_wo")!;
    expect(password).toMatchObject({ optional: true, sensitive: true, write_only: true });
    expect(password.required).toBeUndefined(); // false: left off the wire, and omitted when decoding (defaults: false)
    expect(Buffer.isBuffer(password.type)).toBe(true);
    expect(password.type!.toString()).toBe('"string"');
    // repeated fields always come back as arrays; a field set on encode is sent even when it holds the default
    expect(decoded.provider).toEqual({ version: 0, block: { version: 0, attributes: [], block_types: [], description: "The provider.", description_kind: StringKind.MARKDOWN } });
    expect(decoded.server_capabilities).toEqual({ get_provider_schema_optional: true });
    expect(decoded.diagnostics).toEqual([{ severity: DiagnosticSeverity.WARNING, summary: "Heads Up", detail: "Just so you know." }]);
    expect(decoded.data_source_schemas).toEqual({});
  });

  test("re-encoding the decoded message gives the same bytes", () => {
    expect(encodeMessage("tfplugin6.GetProviderSchema.Response", decoded).equals(bytes)).toBe(true);
  });

  test("server_capabilities is field 6 with get_provider_schema_optional as field 2", () => {
    expect(encodeMessage("tfplugin6.GetProviderSchema.Response", { server_capabilities: { get_provider_schema_optional: true } }).toString("hex")).toBe("32021001");
  });
});

describe("PlanResourceChange", () => {
  const config = { name: "prod-db", method: null, credentials: { host: "db", port: null, database: "app", username: "u", password: "p" } };

  test("a request as Terraform sends it, decoded from hand-written wire bytes", () => {
    const proposed = Buffer.from(encodeDynamicValue(attrs, config).msgpack!);
    const varint = (n: number): number[] => (n < 0x80 ? [n] : [(n & 0x7f) | 0x80, ...varint(n >>> 7)]);
    const field = (tag: number, payload: Buffer) => Buffer.concat([Buffer.from([tag, ...varint(payload.length)]), payload]);
    const wire = Buffer.concat([
      field(0x0a, Buffer.from(typeName)), // 1: type_name
      field(0x12, Buffer.from([0x0a, 0x01, 0xc0])), // 2: prior_state { msgpack: nil } (a create)
      field(0x1a, field(0x0a, proposed)), // 3: proposed_new_state
      field(0x22, field(0x0a, proposed)), // 4: config
      field(0x3a, Buffer.from([0x08, 0x01, 0x10, 0x01])), // 7: client_capabilities { deferral_allowed, write_only_attributes_allowed }
    ]);
    const req: PlanResourceChangeRequest = decodeMessage("tfplugin6.PlanResourceChange.Request", wire);
    expect(req.type_name).toBe(typeName);
    expect(req.prior_private).toBeUndefined();
    expect(req.client_capabilities).toEqual({ deferral_allowed: true, write_only_attributes_allowed: true });
    expect(decodeDynamicValue(attrs, req.prior_state)).toBeNull();
    const decodedConfig = decodeDynamicValue(attrs, req.config);
    expect(decodedConfig).toMatchObject({ name: "prod-db", credentials: { host: "db", port: null, password: "p", ssl_enabled: null } });
    expect(decodeDynamicValue(attrs, req.proposed_new_state)).toEqual(decodedConfig);
    expect(encodeMessage("tfplugin6.PlanResourceChange.Request", req).equals(wire)).toBe(true);
  });

  test("a response: planned state with unknowns, requires_replace paths, diagnostics", () => {
    const response: PlanResourceChangeResponse = {
      planned_state: encodeDynamicValue(attrs, { ...config, id: UNKNOWN, method: "username-and-password" }),
      requires_replace: [toProtoPath(AttributePath.root("method"))],
      diagnostics: [toProtoDiagnostic({ severity: "error", summary: "Bad", detail: "Worse.", path: AttributePath.of("credentials", "port") })],
    };
    const decoded = messageCodec("tfplugin6.PlanResourceChange.Response").decode(encodeMessage("tfplugin6.PlanResourceChange.Response", response));
    expect(Buffer.from(decoded.planned_state!.msgpack!).equals(Buffer.from(response.planned_state!.msgpack!))).toBe(true);
    expect(decoded.requires_replace).toEqual([{ steps: [{ attribute_name: "method", selector: "attribute_name" }] }]);
    // Nested paths reach Terraform as their top-level attribute (hashicorp/terraform#33491).
    expect(decoded.diagnostics![0].attribute!.steps!.map((s) => ("attribute_name" in s ? s.attribute_name : undefined))).toEqual(["credentials"]);
    expect(decoded.legacy_type_system).toBeUndefined();
  });
});

describe("codecs", () => {
  test("one codec per type, reused", () => {
    expect(messageCodec("plugin.Empty")).toBe(messageCodec("plugin.Empty"));
    expect(messageCodec("plugin.Empty").typeName).toBe("plugin.Empty");
    expect(encodeMessage("plugin.Empty", {}).length).toBe(0);
    expect(decodeMessage("plugin.Empty", new Uint8Array())).toEqual({});
  });

  test("StopProvider.Response keeps the protocol's capitalised Error field", () => {
    expect(decodeMessage("tfplugin6.StopProvider.Response", encodeMessage("tfplugin6.StopProvider.Response", { Error: "busy" }))).toEqual({ Error: "busy" });
  });

  test("UpgradeResourceState.Request: int64 version as a number, raw_state.json as a Buffer", () => {
    const req = decodeMessage(
      "tfplugin6.UpgradeResourceState.Request",
      encodeMessage("tfplugin6.UpgradeResourceState.Request", { type_name: typeName, version: 3, raw_state: { json: Buffer.from('{"name":"x"}') } }),
    );
    expect(req.version).toBe(3);
    expect(Buffer.isBuffer(req.raw_state!.json)).toBe(true);
    expect(req.raw_state!.flatmap).toEqual({});
  });

  test("malformed bytes throw", () => {
    expect(() => decodeMessage("tfplugin6.PlanResourceChange.Request", Buffer.from([0x7f]))).toThrow(/invalid wire type 7/); // unknown field 15, wire type 7
    expect(() => decodeMessage("tfplugin6.PlanResourceChange.Request", Buffer.from([0x22, 0x05, 0x0a, 0x03]))).toThrow(/index out of range/);
  });
});
