/**
 * Between attribute values (snake_case, every attribute present) and API objects (camelCase, absent = unset),
 * walking the declaration so no resource names an attribute twice.
 */
import { attributeEntries, type Attributes } from "./schema";
import { type ObjectValue, type Value, isObject, isUnknown } from "./value";

export function snakeToCamel(name: string): string {
  return name.replace(/_([a-z0-9])/g, (_, c: string) => c.toUpperCase());
}

export function apiNameOf(name: string, attributes: Attributes): string {
  return attributes[name]?.apiName ?? snakeToCamel(name);
}

/**
 * The API object for `value`: known, non-null attributes only (nested ones walked), keyed by API name.
 * `pick` limits the top-level attributes taken.
 */
export function toApi(attributes: Attributes, value: ObjectValue, pick: (name: string) => boolean = () => true): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [name, a] of attributeEntries(attributes)) {
    if (!pick(name)) continue;
    const v = value[name] ?? null;
    if (v === null || isUnknown(v)) continue;
    out[apiNameOf(name, attributes)] = a.kind === "nested" && isObject(v) ? toApi(a.attributes, v) : v;
  }
  return out;
}

/**
 * Attribute values from an API object: every attribute present, API values where the API has them (null
 * otherwise). `keep(name)` names the attributes whose value comes from `fallback` instead (secrets the API never
 * returns).
 */
export function fromApi(
  attributes: Attributes,
  api: Readonly<Record<string, unknown>>,
  fallback: Value = null,
  keep: (name: string) => boolean = () => false,
): ObjectValue {
  const out: Record<string, Value> = {};
  for (const [name, a] of attributeEntries(attributes)) {
    if (keep(name)) {
      out[name] = isObject(fallback) ? (fallback[name] ?? null) : null;
      continue;
    }
    const raw = api[apiNameOf(name, attributes)];
    if (a.kind === "nested") {
      out[name] = raw !== null && typeof raw === "object" && !Array.isArray(raw) ? fromApi(a.attributes, raw as Record<string, unknown>) : null;
    } else {
      out[name] = typeof raw === "string" || typeof raw === "number" || typeof raw === "boolean" ? raw : null;
    }
  }
  return out;
}

/**
 * The API field names of every sensitive attribute (nested ones walked) of the given declarations: what the API
 * clients look for in request bodies to learn the secrets they must redact from answers. A write-only twin is sent
 * under its secret's API name, so it is covered by that name.
 */
export function secretApiFields(...declarations: readonly Attributes[]): Set<string> {
  const fields = new Set<string>();
  const walk = (attributes: Attributes): void => {
    for (const [name, a] of attributeEntries(attributes)) {
      if (a.sensitive === true) fields.add(apiNameOf(name, attributes));
      if (a.kind === "nested") walk(a.attributes);
    }
  };
  for (const attributes of declarations) walk(attributes);
  return fields;
}
