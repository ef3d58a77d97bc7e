/**
 * Write-only attributes (Terraform ≥ 1.11): a value that reaches the API from configuration and nowhere else —
 * never in planned state, new state, saved plans or the engine's files. Every sensitive field `F` of a declaration
 * gets a twin `F_wo` here, in one place, so schema, validation, request bodies, docs and bindings all follow.
 */
import { snakeToCamel } from "./api-mapping";
import { AttributePath } from "./path";
import type { Diagnostics } from "./diagnostics";
import { attributeEntries, type Attribute, type Attributes, attributeAt, number, string } from "./schema";
import { type ObjectValue, type Value, isObject } from "./value";

export const WRITE_ONLY_SUFFIX = "_wo";

export const twinName = (name: string): string => `${name}${WRITE_ONLY_SUFFIX}`;

/**
 * `attributes` with a write-only twin after every sensitive, configurable string `F`. `F` itself becomes optional:
 * which of the two must be set (exactly one where a secret is needed) is the resource's rule, not the schema's.
 * The twin carries `F`'s API name and validators, so a request body cannot tell them apart.
 */
export function withWriteOnlyTwins(attributes: Attributes): Attributes {
  const out: Record<string, Attribute> = {};
  for (const [name, a] of attributeEntries(attributes)) {
    if (a.kind !== "string" || a.sensitive !== true || a.computed === true || a.writeOnly === true) {
      out[name] = a;
      continue;
    }
    const { required: _required, ...rest } = a;
    out[name] = { ...rest, optional: true };
    out[twinName(name)] = string({
      optional: true,
      sensitive: true,
      writeOnly: true,
      apiName: a.apiName ?? snakeToCamel(name),
      validators: a.validators,
      description: `Write-only form of \`${name}\` (Terraform ≥ 1.11): sent to the API, never stored in state or plans; takes ephemeral values. Set \`${name}\` or \`${twinName(name)}\`, not both.`,
      writeOnlyTwinOf: name,
    });
  }
  return out;
}

/** The number users change to re-send write-only values, which Terraform cannot compare. */
export function writeOnlyVersion(sends: string): Attribute {
  return number({
    optional: true,
    configOnly: true,
    description: `Change this number to send the write-only ${sends} again: a changed write-only value alone plans nothing, because Terraform keeps no copy to compare with.`,
  });
}

/** The twins declared in `attributes` (one level), as `[F, F_wo]` pairs. */
export function twinPairs(attributes: Attributes): [string, string][] {
  return attributeEntries(attributes).flatMap(([name, a]) => (a.writeOnlyTwinOf ? [[a.writeOnlyTwinOf, name] as [string, string]] : []));
}

/** A copy of `value` with every write-only attribute null (what Terraform requires of planned and new state). */
export function stripWriteOnly(attributes: Attributes, value: ObjectValue): ObjectValue {
  const out: Record<string, Value> = {};
  for (const [name, a] of attributeEntries(attributes)) {
    const v = value[name] ?? null;
    if (a.writeOnly) out[name] = null;
    else if (a.kind === "nested" && isObject(v)) out[name] = stripWriteOnly(a.attributes, v);
    else out[name] = v;
  }
  return out;
}

/** `planned` with the write-only values taken from `config`: what apply sends (never what it stores). */
export function withWriteOnlyFrom(attributes: Attributes, planned: ObjectValue, config: Value): ObjectValue {
  if (!isObject(config)) return planned;
  const out: Record<string, Value> = { ...planned };
  for (const [name, a] of attributeEntries(attributes)) {
    const c = config[name] ?? null;
    const p = planned[name] ?? null;
    if (a.writeOnly) out[name] = c;
    else if (a.kind === "nested" && isObject(p)) out[name] = withWriteOnlyFrom(a.attributes, p, c);
  }
  return out;
}

/** Paths of every write-only attribute, nested ones included. */
export function writeOnlyPaths(attributes: Attributes, path: AttributePath = AttributePath.empty): AttributePath[] {
  return attributeEntries(attributes).flatMap(([name, a]) => {
    const at = path.isEmpty ? AttributePath.root(name) : path.atName(name);
    if (a.writeOnly) return [at];
    return a.kind === "nested" ? writeOnlyPaths(a.attributes, at) : [];
  });
}

/** True when any write-only attribute of `value` holds a value. */
export function hasWriteOnlyValue(attributes: Attributes, value: Value): boolean {
  if (!isObject(value)) return false;
  return attributeEntries(attributes).some(([name, a]) => {
    const v = value[name] ?? null;
    if (a.writeOnly) return v !== null;
    return a.kind === "nested" && hasWriteOnlyValue(a.attributes, v);
  });
}


/**
 * For a client that cannot handle write-only attributes (Terraform < 1.11): each write-only value set is an error,
 * rather than a secret that would silently be dropped.
 */
export function refuseWriteOnlyValues(attributes: Attributes, config: Value, diags: Diagnostics): void {
  for (const path of writeOnlyPaths(attributes)) {
    let v: Value = config;
    for (const step of path.steps) v = step.kind === "attribute" && isObject(v) ? (v[step.name] ?? null) : null;
    if (v === null) continue;
    const twin = attributeAt(attributes, path)?.writeOnlyTwinOf;
    diags.error(
      "Write-Only Attribute Not Supported By This Client",
      `${path} is write-only, which needs Terraform ≥ 1.11 or OpenTofu ≥ 1.11; this client does not support write-only attributes. Upgrade it${twin ? `, or set ${twin} instead (stored in state as a sensitive value)` : ""}.`,
      path,
    );
  }
}
