/**
 * Turns Terraform JSON values into the core's plain values within a scope: variables, count.index, and the
 * (planned or applied) values of other resource instances. A reference to something not known yet evaluates to
 * unknown, exactly as Terraform plans it; a template with an unknown part is unknown.
 */
import { UNKNOWN, type Value, attr, isObject, isUnknown } from "../framework/value";
import { VaultbridgeError } from "../framework/vaultbridge-error";
import { parseTemplate, type Reference } from "./expressions";

export interface Scope {
  readonly variables: ReadonlyMap<string, Value>;
  readonly countIndex?: number;
  /** The value of an instance (`type.name` or `type.name[0]`), planned or applied; undefined when unknown. */
  readonly instance: (address: string) => Value | undefined;
  /** Instance count of a resource (for `type.name[i]`), undefined for a single instance. */
  readonly countOf: (resource: string) => number | undefined;
}

export class EvaluationError extends VaultbridgeError {
  constructor(message: string) {
    super(message, "VB_EVALUATION");
  }
}

export function evaluate(value: unknown, scope: Scope): Value {
  if (value === null || value === undefined) return null;
  if (typeof value === "string") return evaluateString(value, scope);
  if (typeof value === "number" || typeof value === "boolean") return value;
  if (Array.isArray(value)) return value.map((v) => evaluate(v, scope));
  if (typeof value === "object") {
    const out: Record<string, Value> = {};
    for (const [k, v] of Object.entries(value as Record<string, unknown>)) if (k !== "//") out[k] = evaluate(v, scope);
    return out;
  }
  throw new EvaluationError(`unsupported value ${String(value)}`);
}

function evaluateString(s: string, scope: Scope): Value {
  const parts = parseTemplate(s);
  // A lone reference keeps its type (a number stays a number); anything mixed with text is a string.
  if (parts.length === 1 && typeof parts[0] !== "string") return resolve(parts[0], scope);
  let out = "";
  for (const p of parts) {
    if (typeof p === "string") {
      out += p;
      continue;
    }
    const v = resolve(p, scope);
    if (isUnknown(v)) return UNKNOWN;
    if (v === null) throw new EvaluationError(`${describe(p)} is null and cannot be inserted into "${s.slice(0, 80)}"`);
    if (typeof v === "object") throw new EvaluationError(`${describe(p)} is an object and cannot be inserted into a string`);
    out += String(v);
  }
  return out;
}

function resolve(ref: Reference, scope: Scope): Value {
  switch (ref.kind) {
    case "var": {
      const v = scope.variables.get(ref.name);
      if (v === undefined) throw new EvaluationError(`var.${ref.name} has no value`);
      return v;
    }
    case "count.index":
      if (scope.countIndex === undefined) throw new EvaluationError("count.index is used outside a resource with count");
      return scope.countIndex;
    case "resource": {
      const base = `${ref.type}.${ref.name}`;
      const count = scope.countOf(base);
      if (count !== undefined && ref.index === undefined) throw new EvaluationError(`${base} has count; refer to one instance, e.g. ${base}[0].${ref.attribute.join(".")}`);
      if (count !== undefined && ref.index !== undefined && ref.index >= count) throw new EvaluationError(`${base}[${ref.index}] does not exist (count = ${count})`);
      const instance = scope.instance(ref.index === undefined ? base : `${base}[${ref.index}]`);
      if (instance === undefined || isUnknown(instance)) return UNKNOWN;
      let v: Value = instance;
      for (const step of ref.attribute) {
        if (isUnknown(v)) return UNKNOWN;
        if (Array.isArray(v) && /^\d+$/.test(step)) {
          // A list element (data source lists): `connections.0` or `connections[0]`.
          if (Number(step) >= v.length) throw new EvaluationError(`${describe(ref)}: index ${step} is out of range (the list has ${v.length} elements)`);
          v = v[Number(step)];
          continue;
        }
        if (!isObject(v)) throw new EvaluationError(`${describe(ref)}: ${step} is not an attribute of ${base}`);
        if (!(step in v)) throw new EvaluationError(`${describe(ref)}: ${base} has no attribute "${step}"`);
        v = attr(v, step);
      }
      return v;
    }
  }
}

function describe(ref: Reference): string {
  if (ref.kind === "var") return `var.${ref.name}`;
  if (ref.kind === "count.index") return "count.index";
  return `${ref.type}.${ref.name}${ref.index === undefined ? "" : `[${ref.index}]`}.${ref.attribute.join(".")}`;
}

/** Values of the stack's variables: --var beats TF_VAR_*, which beats the default. Typed by the declaration. */
export function variableValues(
  declared: readonly { name: string; type?: string; default?: unknown; sensitive: boolean }[],
  cli: Readonly<Record<string, string>>,
  env: NodeJS.ProcessEnv,
): { values: Map<string, Value>; missing: string[]; errors: string[] } {
  const values = new Map<string, Value>();
  const missing: string[] = [];
  const errors: string[] = [];
  for (const v of declared) {
    const raw = cli[v.name] ?? env[`TF_VAR_${v.name}`];
    if (raw === undefined) {
      if (v.default === undefined) missing.push(v.name);
      else values.set(v.name, v.default as Value);
      continue;
    }
    const typed = convert(raw, v.type);
    if (typed === undefined) errors.push(`var.${v.name} must be a ${v.type}${v.sensitive ? "" : `; got "${raw}"`}`);
    else values.set(v.name, typed);
  }
  return { values, missing, errors };
}

function convert(raw: string, type: string | undefined): Value | undefined {
  if (type === undefined || type === "string" || type === "any") return raw;
  if (type === "number") return raw.trim() !== "" && Number.isFinite(Number(raw)) ? Number(raw) : undefined;
  if (type === "bool") return raw === "true" ? true : raw === "false" ? false : undefined;
  try {
    return JSON.parse(raw) as Value;
  } catch {
    return undefined;
  }
}

