/**
 * Schema-level validation of a configuration: shape (every attribute present, no unsupported argument, types),
 * required attributes, read-only attributes, and every validator. Unknown values are left to plan time.
 */
import { Diagnostics } from "./diagnostics";
import { AttributePath } from "./path";
import { attributeEntries, type Attribute, type Attributes, isComputedOnly } from "./schema";
import { type ObjectValue, type Value, isObject, isUnknown } from "./value";

/**
 * Checks `config` against `attributes` and returns it normalized (every attribute present, null where unset).
 * Reports problems into `diags` with attribute paths; returns null when the shape is unusable.
 */
export function validateAttributes(
  attributes: Attributes,
  config: Value,
  diags: Diagnostics,
  path: AttributePath = AttributePath.empty,
): ObjectValue | null {
  if (!isObject(config)) {
    diags.error("Invalid Configuration", `${path.isEmpty ? "The configuration" : String(path)} must be an object.`, path.isEmpty ? undefined : path);
    return null;
  }
  for (const name in config) {
    if (Object.prototype.hasOwnProperty.call(config, name) && !(name in attributes)) {
      const at = path.isEmpty ? AttributePath.root(name) : path.atName(name);
      const known = Object.keys(attributes).join(", ");
      diags.error("Unsupported Argument", `An argument named "${at}" is not expected here. Allowed: ${known}.`, at);
    }
  }
  const out: Record<string, Value> = {};
  for (const [name, attribute] of attributeEntries(attributes)) {
    const at = path.isEmpty ? AttributePath.root(name) : path.atName(name);
    out[name] = validateAttribute(attribute, config[name] ?? null, at, diags);
  }
  return out;
}

function validateAttribute(attribute: Attribute, value: Value, path: AttributePath, diags: Diagnostics): Value {
  if (isUnknown(value)) return value;
  if (value === null) {
    if (attribute.required) {
      diags.error("Missing Required Argument", `The argument "${path}" is required, but no definition was found.`, path);
    }
    return null;
  }
  if (isComputedOnly(attribute)) {
    diags.error("Invalid Configuration for Read-Only Attribute", `"${path}" is set by the server and cannot be configured; remove it.`, path);
    return value;
  }
  if (attribute.kind === "nested") {
    return validateAttributes(attribute.attributes, value, diags, path) ?? value;
  }
  if (attribute.kind === "list") return value; // read-only results: refused above when configured
  const expected = attribute.kind === "bool" ? "boolean" : attribute.kind;
  if (typeof value !== expected) {
    diags.error("Incorrect Attribute Value Type", `"${path}" must be a ${attribute.kind}.`, path);
    return value;
  }
  for (const v of attribute.validators ?? []) {
    v.validate({ value: value as string | number | boolean, path }, diags);
  }
  return value;
}
