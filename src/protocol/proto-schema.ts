/**
 * Attribute declarations as tfplugin6 `Schema` messages. The flags come from the same function as the
 * `terraform providers schema -json` document (framework/schema-json.ts), so the two never disagree: an
 * attribute with a default is optional and computed, one with no flag at all is optional.
 */
import { attributeToJson } from "../framework/schema-json";
import type { Attribute, Attributes } from "../framework/schema";
import { schemaAttributeTypeBytes } from "./cty-codec";
import { ObjectNesting, type Schema, type SchemaAttribute, type SchemaBlock, StringKind } from "./messages";

/** A resource's (or the provider's) schema: `version` is the schema version stored in state. */
export function toProtoSchema(attributes: Attributes, version: number, description: string): Schema {
  return { version, block: toProtoBlock(attributes, version, description) };
}

/** The top-level block: attributes sorted by name, descriptions in Markdown, no nested blocks. */
export function toProtoBlock(attributes: Attributes, version: number, description: string): SchemaBlock {
  return { version, attributes: toProtoAttributes(attributes), description, description_kind: StringKind.MARKDOWN };
}

function toProtoAttributes(attributes: Attributes): SchemaAttribute[] {
  return Object.keys(attributes)
    .sort()
    .map((name) => toProtoAttribute(name, attributes[name]));
}

/** Primitives carry `type` (cty type JSON); nested attributes carry `nested_type` with nesting SINGLE instead. */
export function toProtoAttribute(name: string, a: Attribute): SchemaAttribute {
  const flags = attributeToJson(a);
  return {
    name,
    ...(a.kind === "nested" || a.kind === "list"
      ? { nested_type: { attributes: toProtoAttributes(a.attributes), nesting: a.kind === "list" ? ObjectNesting.LIST : ObjectNesting.SINGLE } }
      : { type: schemaAttributeTypeBytes(a) }),
    description: a.description,
    description_kind: StringKind.MARKDOWN,
    // Only true flags are set: protobufjs writes any field that is present, and proto3 leaves defaults off the wire.
    ...(flags.required ? { required: true } : {}),
    ...(flags.optional ? { optional: true } : {}),
    ...(flags.computed ? { computed: true } : {}),
    ...(flags.sensitive ? { sensitive: true } : {}),
    ...(flags.write_only ? { write_only: true } : {}),
  };
}
