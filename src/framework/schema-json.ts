/**
 * The declarations in the format of `terraform providers schema -json` (format 1.0): nested attributes stay
 * nested (`nested_type`, nesting "single"), so CDKTF keeps each field's required/optional flag.
 */
import { dataSourcesOf, type ProviderDefinition } from "./resource";
import { type Attribute, type Attributes, isComputed } from "./schema";

export interface JsonAttribute {
  type?: string;
  nested_type?: { attributes: Record<string, JsonAttribute>; nesting_mode: "single" | "list" };
  description: string;
  description_kind: "markdown";
  required?: true;
  optional?: true;
  computed?: true;
  sensitive?: true;
  write_only?: true;
}

export interface JsonBlock {
  attributes: Record<string, JsonAttribute>;
  description: string;
  description_kind: "markdown";
}

export interface ProviderSchemaDocument {
  format_version: "1.0";
  provider_schemas: Record<
    string,
    {
      provider: { version: 0; block: JsonBlock };
      resource_schemas: Record<string, { version: number; block: JsonBlock }>;
      data_source_schemas: Record<string, { version: number; block: JsonBlock }>;
    }
  >;
}

export function attributeToJson(a: Attribute): JsonAttribute {
  const out: JsonAttribute = { description: a.description, description_kind: "markdown" };
  if (a.kind === "nested" || a.kind === "list") out.nested_type = { attributes: attributesToJson(a.attributes), nesting_mode: a.kind === "list" ? "list" : "single" };
  else out.type = a.kind;
  if (a.required) out.required = true;
  if (a.optional || (!a.required && !a.computed) || (isComputed(a) && !a.computed)) out.optional = true;
  if (isComputed(a)) out.computed = true;
  if (a.sensitive) out.sensitive = true;
  if (a.writeOnly) out.write_only = true;
  return out;
}

export function attributesToJson(attributes: Attributes): Record<string, JsonAttribute> {
  const out: Record<string, JsonAttribute> = {};
  for (const name of Object.keys(attributes).sort()) out[name] = attributeToJson(attributes[name]);
  return out;
}

/** What the document needs of a provider: its declarations, not its client. */
type Declared = { readonly typeName: string; readonly description: string; readonly attributes: Attributes; readonly version?: number };

export type SchemaSource = Pick<ProviderDefinition<unknown>, "source" | "description" | "attributes"> & {
  readonly resources: readonly (Declared & { readonly dataSource?: Declared })[];
  readonly dataSources?: readonly Declared[];
};

export function providerSchemaDocument(p: SchemaSource): ProviderSchemaDocument {
  const resource_schemas: Record<string, { version: number; block: JsonBlock }> = {};
  for (const r of [...p.resources].sort((a, b) => a.typeName.localeCompare(b.typeName))) {
    resource_schemas[r.typeName] = {
      version: r.version ?? 0,
      block: { attributes: attributesToJson(r.attributes), description: r.description, description_kind: "markdown" },
    };
  }
  const data_source_schemas: Record<string, { version: number; block: JsonBlock }> = {};
  for (const d of dataSourcesOf(p).sort((a, b) => a.typeName.localeCompare(b.typeName))) {
    data_source_schemas[d.typeName] = { version: 0, block: { attributes: attributesToJson(d.attributes), description: d.description, description_kind: "markdown" } };
  }
  return {
    format_version: "1.0",
    provider_schemas: {
      [p.source]: {
        provider: { version: 0, block: { attributes: attributesToJson(p.attributes), description: p.description, description_kind: "markdown" } },
        resource_schemas,
        data_source_schemas,
      },
    },
  };
}
