/**
 * The generic planner: from prior state and configuration to a planned new state, with Terraform's rules:
 * planned values keep every configured value; defaults fill unset optional attributes; computed attributes
 * keep their prior value when nothing changes and become unknown otherwise, unless a plan modifier says more;
 * a change to a `requiresReplace` attribute plans a replacement, where every computed value is unknown;
 * write-only attributes are null in every plan (and so never compared).
 */
import type { Diagnostics } from "./diagnostics";
import { AttributePath } from "./path";
import { attributeEntries, type Attribute, type Attributes, defaultOf, isComputedOnly, type PlanModifierResponse } from "./schema";
import { type ObjectValue, UNKNOWN, type Value, attr, isObject, isUnknown, valuesEqual } from "./value";

export type PlanAction = "create" | "update" | "replace" | "noop" | "delete";

export interface PlannedChange {
  readonly action: PlanAction;
  readonly planned: ObjectValue | null;
  /** Configurable attribute paths whose value changes. */
  readonly changed: readonly AttributePath[];
  /** The changed paths that force replacement. */
  readonly requiresReplace: readonly AttributePath[];
}

export function planChange(
  attributes: Attributes,
  prior: ObjectValue | null,
  config: ObjectValue | null,
  diags: Diagnostics,
): PlannedChange {
  if (config === null) return { action: prior ? "delete" : "noop", planned: null, changed: [], requiresReplace: [] };

  const proposed = propose(attributes, prior ?? undefined, config) as ObjectValue;
  if (prior === null) {
    const planned = modify(attributes, undefined, config, proposed, [], [], AttributePath.empty, diags) as ObjectValue;
    return { action: "create", planned, changed: diffPaths(attributes, null, planned), requiresReplace: [] };
  }

  const changed = diffPaths(attributes, prior, proposed);
  if (changed.length === 0) return { action: "noop", planned: prior, changed, requiresReplace: [] };

  // Something changes: computed values the server may recompute are unknown unless a modifier knows better.
  const withUnknowns = unknownComputed(attributes, config, proposed) as ObjectValue;
  const replace: AttributePath[] = [];
  const planned = modify(attributes, prior, config, withUnknowns, changed, replace, AttributePath.empty, diags) as ObjectValue;
  if (replace.length > 0) {
    const fresh = unknownComputed(attributes, config, proposed) as ObjectValue;
    return { action: "replace", planned: fresh, changed, requiresReplace: replace };
  }
  return { action: "update", planned, changed, requiresReplace: [] };
}

/** Configured values, defaults for unset ones, prior values for computed ones (unknown when there is none). */
function propose(attributes: Attributes, prior: Value | undefined, config: Value): Value {
  if (isUnknown(config)) return config;
  const out: Record<string, Value> = {};
  for (const [name, a] of attributeEntries(attributes)) {
    const c = attr(config, name);
    const p = prior === undefined ? undefined : attr(prior, name);
    out[name] = proposeAttribute(a, p, c);
  }
  return out;
}

function proposeAttribute(a: Attribute, prior: Value | undefined, config: Value): Value {
  // Terraform requires null for a write-only attribute in every planned state; apply reads it from config.
  if (a.writeOnly) return null;
  if (isUnknown(config)) return config;
  if (config !== null) return a.kind === "nested" ? propose(a.attributes, prior, config) : config;
  const d = defaultOf(a);
  if (d !== undefined) return d;
  if (a.computed) return prior === undefined ? UNKNOWN : prior;
  return null;
}

/** Computed attributes left unset in configuration become unknown (framework semantics on any change). */
function unknownComputed(attributes: Attributes, config: Value, proposed: Value): Value {
  if (!isObject(proposed)) return proposed;
  const out: Record<string, Value> = {};
  for (const [name, a] of attributeEntries(attributes)) {
    const c = attr(config, name);
    const p = proposed[name] ?? null;
    if (a.kind === "nested" && isObject(p)) out[name] = unknownComputed(a.attributes, c, p);
    else out[name] = a.computed && c === null && defaultOf(a) === undefined ? UNKNOWN : p;
  }
  return out;
}

/** Runs each attribute's plan modifiers, depth first; collects the paths that force replacement. */
function modify(
  attributes: Attributes,
  prior: Value | undefined,
  config: Value,
  planned: Value,
  changed: readonly AttributePath[],
  replace: AttributePath[],
  path: AttributePath,
  diags: Diagnostics,
): Value {
  if (!isObject(planned)) return planned;
  const out: Record<string, Value> = {};
  for (const [name, a] of attributeEntries(attributes)) {
    const at = path.isEmpty ? AttributePath.root(name) : path.atName(name);
    const p = prior === undefined ? undefined : attr(prior, name);
    let value = planned[name] ?? null;
    if (a.kind === "nested" && isObject(value)) value = modify(a.attributes, p, attr(config, name), value, changed, replace, at, diags);
    for (const m of a.planModifiers ?? []) {
      const resp: PlanModifierResponse = {};
      const before = diags.errors.length;
      m.modify({ path: at, config: attr(config, name), prior: p, planned: value, changed }, resp, diags);
      if (resp.planned !== undefined) value = resp.planned;
      if (resp.requiresReplace && !replace.some((r) => r.equals(at))) replace.push(at);
      if (diags.errors.length > before) break;
    }
    out[name] = value;
  }
  return out;
}

/** Leaf paths of configurable attributes whose values differ between `a` and `b`. */
export function diffPaths(attributes: Attributes, a: Value, b: Value, path: AttributePath = AttributePath.empty): AttributePath[] {
  const out: AttributePath[] = [];
  for (const [name, at] of attributeEntries(attributes)) {
    // Computed-only values are not the user's change; write-only values are never in state to compare.
    if (isComputedOnly(at) || at.writeOnly) continue;
    const p = path.isEmpty ? AttributePath.root(name) : path.atName(name);
    const x = attr(a, name);
    const y = attr(b, name);
    if (at.kind === "nested" && isObject(x) && isObject(y)) out.push(...diffPaths(at.attributes, x, y, p));
    else if (!valuesEqual(x, y)) out.push(p);
  }
  return out;
}
