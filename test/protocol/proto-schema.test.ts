/** Declarations as tfplugin6 Schema messages, checked on a real resource and against the JSON schema document. */
import { attributesToJson } from "../../src/framework/schema-json";
import type { Attributes } from "../../src/framework/schema";
import { ObjectNesting, type SchemaAttribute, StringKind } from "../../src/protocol/messages";
import { toProtoSchema } from "../../src/protocol/proto-schema";
import { postgresConnection } from "../../src/resources/app-connection/postgres";

const schema = toProtoSchema(postgresConnection.attributes, postgresConnection.version ?? 0, postgresConnection.description);
const block = schema.block!;
/** The four flags, false where unset (proto3 leaves false off the message). */
const flags = (a: SchemaAttribute) => ({ required: a.required === true, optional: a.optional === true, computed: a.computed === true, sensitive: a.sensitive === true });
const byName = (list: readonly SchemaAttribute[] | undefined, name: string): SchemaAttribute => {
  const found = list?.find((a) => a.name === name);
  if (!found) throw new Error(`no attribute ${name}`);
  return found;
};

describe("toProtoSchema (infisical_app_connection_postgres)", () => {
  test("the block: version, Markdown description, attributes sorted by name, no nested blocks", () => {
    expect(schema.version).toBe(postgresConnection.version ?? 0);
    expect(block).toMatchObject({ version: schema.version, description: postgresConnection.description, description_kind: StringKind.MARKDOWN });
    const names = block.attributes!.map((a) => a.name!);
    expect(names).toEqual([...Object.keys(postgresConnection.attributes)].sort());
    expect(block.block_types).toBeUndefined();
  });

  test("credentials is a nested attribute (nesting SINGLE, no type), its fields sorted", () => {
    const credentials = byName(block.attributes, "credentials");
    expect(flags(credentials)).toEqual({ required: true, optional: false, computed: false, sensitive: false });
    expect(credentials.description_kind).toBe(StringKind.MARKDOWN);
    expect(credentials.type).toBeUndefined();
    expect(credentials.nested_type!.nesting).toBe(ObjectNesting.SINGLE);
    const fields = credentials.nested_type!.attributes!;
    expect(fields.map((a) => a.name)).toEqual(["database", "host", "password", "password_wo", "port", "ssl_certificate", "ssl_enabled", "ssl_reject_unauthorized", "username"]);
  });

  test("password is an optional sensitive string with a write-only twin; port (default 5432) is optional + computed", () => {
    const fields = byName(block.attributes, "credentials").nested_type!.attributes;
    const password = byName(fields, "password");
    expect(flags(password)).toEqual({ required: false, optional: true, computed: false, sensitive: true });
    expect(password.write_only).toBeUndefined();
    expect(Buffer.from(password.type!).toString()).toBe('"string"');
    const twin = byName(fields, "password_wo");
    expect(flags(twin)).toEqual({ required: false, optional: true, computed: false, sensitive: true });
    expect(twin.write_only).toBe(true);
    expect(flags(byName(block.attributes, "credentials_wo_version"))).toEqual({ required: false, optional: true, computed: false, sensitive: false });
    const port = byName(fields, "port");
    expect(flags(port)).toEqual({ required: false, optional: true, computed: true, sensitive: false });
    expect(Buffer.from(port.type!).toString()).toBe('"number"');
    expect(Buffer.from(byName(fields, "ssl_enabled").type!).toString()).toBe('"bool"');
  });

  test("computed-only and defaulted top-level attributes", () => {
    expect(flags(byName(block.attributes, "id"))).toEqual({ required: false, optional: false, computed: true, sensitive: false });
    expect(flags(byName(block.attributes, "is_platform_managed_credentials"))).toEqual({ required: false, optional: true, computed: true, sensitive: false });
    expect(flags(byName(block.attributes, "method"))).toEqual({ required: false, optional: true, computed: true, sensitive: false });
    expect(flags(byName(block.attributes, "description"))).toEqual({ required: false, optional: true, computed: false, sensitive: false });
  });

  test("flags and nesting agree with the `providers schema -json` document, attribute for attribute", () => {
    const fromProto = (attrs: readonly SchemaAttribute[]): unknown =>
      Object.fromEntries(
        attrs.map((a) => [
          a.name,
          {
            ...(a.nested_type ? { nested_type: { attributes: fromProto(a.nested_type.attributes ?? []), nesting_mode: "single" } } : { type: JSON.parse(Buffer.from(a.type!).toString()) }),
            description: a.description,
            description_kind: "markdown",
            ...(a.required ? { required: true } : {}),
            ...(a.optional ? { optional: true } : {}),
            ...(a.computed ? { computed: true } : {}),
            ...(a.sensitive ? { sensitive: true } : {}),
            ...(a.write_only ? { write_only: true } : {}),
          },
        ]),
      );
    const declared: Attributes = postgresConnection.attributes;
    expect(fromProto(block.attributes!)).toEqual(attributesToJson(declared));
  });
});
