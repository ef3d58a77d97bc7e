/**
 * Attribute values as the provider core sees them: JSON-like plain values plus an explicit unknown.
 *
 * - null is JavaScript `null` (never `undefined`, `""` or `0`);
 * - unknown ("known after apply") is an `Unknown` instance, which may carry Terraform's refinements;
 * - objects always hold every attribute of their schema (null where empty).
 */

/** Refinements Terraform can attach to an unknown (tfplugin6 object wire format, extension 12). */
export interface Refinements {
  readonly notNull?: boolean;
  readonly stringPrefix?: string;
}

export class Unknown {
  constructor(readonly refinements: Refinements = {}) {}
}

/** The plain unknown; compare with `isUnknown`, never by identity. */
export const UNKNOWN: Unknown = new Unknown();

export type Primitive = string | number | boolean;
export type Value = null | Unknown | Primitive | readonly Value[] | ObjectValue;
export interface ObjectValue {
  readonly [name: string]: Value;
}

export function isUnknown(v: Value | undefined): v is Unknown {
  return v instanceof Unknown;
}

export function isObject(v: Value | undefined): v is ObjectValue {
  return typeof v === "object" && v !== null && !Array.isArray(v) && !(v instanceof Unknown);
}

/** True when the value holds no unknown anywhere inside. */
export function isWhollyKnown(v: Value): boolean {
  if (isUnknown(v)) return false;
  if (Array.isArray(v)) return v.every(isWhollyKnown);
  if (isObject(v)) return Object.values(v).every(isWhollyKnown);
  return true;
}

/** Deep equality; an unknown equals nothing, not even another unknown. */
export function valuesEqual(a: Value | undefined, b: Value | undefined): boolean {
  if (isUnknown(a) || isUnknown(b)) return false;
  if (a === undefined || b === undefined) return (a ?? null) === (b ?? null);
  if (a === null || b === null) return a === b;
  if (Array.isArray(a) || Array.isArray(b)) {
    if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length) return false;
    return a.every((x, i) => valuesEqual(x, b[i]));
  }
  if (isObject(a) || isObject(b)) {
    if (!isObject(a) || !isObject(b)) return false;
    // Every key of either side, without building their union (called per attribute of every plan).
    const own = (o: object, k: string): boolean => Object.prototype.hasOwnProperty.call(o, k);
    for (const k in a) if (own(a, k) && !valuesEqual(a[k] ?? null, b[k] ?? null)) return false;
    for (const k in b) if (own(b, k) && !own(a, k) && !valuesEqual(null, b[k] ?? null)) return false;
    return true;
  }
  return a === b;
}

/** Reads `obj[name]`, treating a missing key, a null or an unknown parent as null/unknown. */
export function attr(obj: Value | undefined, name: string): Value {
  if (isUnknown(obj)) return obj;
  if (!isObject(obj)) return null;
  return obj[name] ?? null;
}

export function asString(v: Value): string | null {
  return typeof v === "string" ? v : null;
}
export function asNumber(v: Value): number | null {
  return typeof v === "number" ? v : null;
}
export function asBoolean(v: Value): boolean | null {
  return typeof v === "boolean" ? v : null;
}

/**
 * The state after apply: every known planned value kept as planned (Terraform requires it), every unknown
 * filled from what the API returned.
 */
export function fillUnknowns(planned: Value, actual: Value): Value {
  if (isUnknown(planned)) return actual;
  if (isObject(planned) && isObject(actual)) {
    const out: Record<string, Value> = {};
    for (const k of Object.keys(planned)) out[k] = fillUnknowns(planned[k] ?? null, actual[k] ?? null);
    return out;
  }
  return planned;
}

/** A copy of `obj` with some top-level attributes replaced. */
export function withAttributes(obj: ObjectValue, changes: Readonly<Record<string, Value>>): ObjectValue {
  return { ...obj, ...changes };
}
