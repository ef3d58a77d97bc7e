/**
 * What `vaultbridge adopt` found, as declarations a stack can hold: each existing object with a stable, readable
 * resource name, its current non-secret values (as configuration: defaults and unset values left out), its import
 * id, and one variable per secret it needs when its credentials are sent — fed to the write-only twin, so the first
 * plan (with no secret at hand) imports and changes nothing.
 */
import { snakeToCamel } from "../framework/api-mapping";
import type { AttributePath } from "../framework/path";
import { type Attributes, defaultOf, isComputedOnly } from "../framework/schema";
import { type ObjectValue, type Value, isObject, valuesEqual } from "../framework/value";

/** A reference to a variable, in place of a value. */
export class VariableRef {
  constructor(readonly variable: string) {}
}

export type ConfigValue = string | number | boolean | VariableRef | { readonly [name: string]: ConfigValue };

export interface FoundObject {
  readonly provider: string;
  readonly type: string;
  readonly attributes: Attributes;
  readonly state: ObjectValue;
  readonly secrets: readonly AttributePath[];
}

export interface AdoptedResource {
  readonly provider: string;
  readonly type: string;
  /** The Terraform resource name (also the CDKTF construct id). */
  readonly name: string;
  readonly importId: string;
  readonly config: { readonly [name: string]: ConfigValue };
}

export interface AdoptedVariable {
  readonly name: string;
  readonly description: string;
}

export interface AdoptedStack {
  readonly providers: readonly string[];
  readonly resources: readonly AdoptedResource[];
  readonly variables: readonly AdoptedVariable[];
}

export function adoptedStack(found: readonly FoundObject[]): AdoptedStack {
  const sorted = [...found].sort((a, b) => cmp(a.type, b.type) || cmp(String(a.state.name), String(b.state.name)) || cmp(String(a.state.project_id ?? ""), String(b.state.project_id ?? "")) || cmp(String(a.state.id), String(b.state.id)));
  const taken = new Set<string>();
  const resources: AdoptedResource[] = [];
  const variables: AdoptedVariable[] = [];
  for (const o of sorted) {
    const name = unique(resourceName(String(o.state.name)), (n) => taken.has(`${o.type}.${n}`));
    taken.add(`${o.type}.${name}`);
    const config = configOf(o.attributes, o.state) as Record<string, ConfigValue>;
    for (const path of o.secrets) {
      const leaf = path.steps[path.steps.length - 1];
      const field = leaf?.kind === "attribute" ? leaf.name.replace(/_wo$/, "") : "secret";
      const variable = unique(`${name}_${field}`, (n) => variables.some((v) => v.name === n));
      variables.push({ name: variable, description: `${field} of ${o.type}.${name} ("${String(o.state.name)}"): write-only, sent only when its credentials are sent (change the *_wo_version to send it).` });
      setAt(config, path.steps.map((s) => (s.kind === "attribute" ? s.name : "")), new VariableRef(variable));
    }
    resources.push({ provider: o.provider, type: o.type, name, importId: String(o.state.id), config });
  }
  return { providers: [...new Set(resources.map((r) => r.provider))].sort(), resources, variables };
}

/** The configuration that reproduces `state`: configurable, non-secret, set, non-default values only. */
function configOf(attributes: Attributes, state: ObjectValue): { [name: string]: ConfigValue } {
  const out: Record<string, ConfigValue> = {};
  for (const [name, a] of Object.entries(attributes)) {
    if (isComputedOnly(a) || a.sensitive || a.writeOnly || a.configOnly) continue;
    const v: Value = state[name] ?? null;
    if (v === null || v === undefined) continue;
    if (a.kind === "nested") {
      if (isObject(v)) {
        const inner = configOf(a.attributes, v);
        if (a.required || Object.keys(inner).length > 0) out[name] = inner;
      }
      continue;
    }
    const d = defaultOf(a);
    if (d !== undefined && valuesEqual(d, v)) continue;
    if (typeof v === "string" || typeof v === "number" || typeof v === "boolean") out[name] = v;
  }
  return out;
}

/** `orders-db` → `orders_db`; a leading digit gets a prefix (Terraform names start with a letter or _). */
export function resourceName(objectName: string): string {
  const base = objectName.toLowerCase().replace(/[^a-z0-9_]+/g, "_").replace(/^_+|_+$/g, "") || "unnamed";
  return /^[a-z_]/.test(base) ? base : `c_${base}`;
}

/** The CDKTF property name of an attribute (`gateway_id` → `gatewayId`). */
export const propertyName = snakeToCamel;

function unique(base: string, taken: (n: string) => boolean): string {
  if (!taken(base)) return base;
  for (let i = 2; ; i++) if (!taken(`${base}_${i}`)) return `${base}_${i}`;
}

function setAt(obj: Record<string, ConfigValue>, path: readonly string[], value: ConfigValue): void {
  let cur: Record<string, ConfigValue> = obj;
  for (const step of path.slice(0, -1)) {
    const next = cur[step];
    if (next === undefined || typeof next !== "object" || next instanceof VariableRef) cur[step] = {};
    cur = cur[step] as Record<string, ConfigValue>;
  }
  cur[path[path.length - 1]] = value;
}

const cmp = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
