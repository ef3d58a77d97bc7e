/**
 * Between state-file instances and the core's values: attributes conformed to the current declaration (unknown
 * keys dropped, missing ones null — what UpgradeResourceState does for Terraform), and the sensitive paths
 * Terraform records beside them.
 */
import type { Attributes } from "../framework/schema";
import { type ObjectValue, type Value, isObject } from "../framework/value";

export function conform(attributes: Attributes, raw: unknown): ObjectValue {
  const src = raw !== null && typeof raw === "object" && !Array.isArray(raw) ? (raw as Record<string, unknown>) : {};
  const out: Record<string, Value> = {};
  for (const [name, a] of Object.entries(attributes)) {
    const v = src[name];
    if (a.kind === "nested") out[name] = v !== null && typeof v === "object" && !Array.isArray(v) ? conform(a.attributes, v) : null;
    else out[name] = typeof v === "string" || typeof v === "number" || typeof v === "boolean" ? v : null;
  }
  return out;
}

/** Terraform's `sensitive_attributes`: every sensitive attribute path of the declaration, as get_attr steps. */
export function sensitivePaths(attributes: Attributes, prefix: { type: "get_attr"; value: string }[] = []): { type: "get_attr"; value: string }[][] {
  const out: { type: "get_attr"; value: string }[][] = [];
  for (const name of Object.keys(attributes).sort()) {
    const a = attributes[name];
    const path = [...prefix, { type: "get_attr" as const, value: name }];
    if (a.sensitive) out.push(path);
    if (a.kind === "nested") out.push(...sensitivePaths(a.attributes, path));
  }
  return out;
}

/** Plain JSON for the state file (values are wholly known after apply). */
export function toStateJson(value: ObjectValue): Record<string, unknown> {
  return JSON.parse(JSON.stringify(value)) as Record<string, unknown>;
}

/** The cty type JSON of an output value, as Terraform records it in state. */
export function ctyTypeOfValue(v: Value): unknown {
  if (typeof v === "string") return "string";
  if (typeof v === "number") return "number";
  if (typeof v === "boolean") return "bool";
  if (Array.isArray(v)) return ["tuple", v.map(ctyTypeOfValue)];
  if (isObject(v)) return ["object", Object.fromEntries(Object.entries(v).map(([k, x]) => [k, ctyTypeOfValue(x)]))];
  return "dynamic";
}
