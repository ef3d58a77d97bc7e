/**
 * A stack's configuration as the planner reads it: counts, evaluated resource bodies, lifecycle.ignore_changes,
 * outputs, dependency order and the digest a saved plan is checked against.
 */
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { Diagnostics } from "../framework/diagnostics";
import { type ObjectValue, type Value, isObject } from "../framework/value";
import { evaluate, type Scope } from "./evaluate";
import { type Stack, type StackResource } from "./stack";
import type { PlannedOutput } from "./types";

export function countOf(r: StackResource, variables: ReadonlyMap<string, Value>, diags: Diagnostics): number | undefined {
  if (r.count === undefined) return undefined;
  const v = evaluate(r.count, { variables, instance: () => undefined, countOf: () => undefined });
  if (typeof v !== "number" || !Number.isInteger(v) || v < 0) {
    // The value is not quoted: it may come from a sensitive variable.
    diags.error("Invalid Count", `${r.constructPath}: count must be a whole number ≥ 0.`);
    return 0;
  }
  return v;
}

export const indexes = (count: number | undefined): (number | undefined)[] => (count === undefined ? [undefined] : Array.from({ length: count }, (_, i) => i));

export function evaluateConfig(r: Pick<StackResource, "config" | "constructPath">, index: number | undefined, scope: Scope, diags: Diagnostics): Value | null {
  try {
    return evaluate(r.config, { ...scope, countIndex: index });
  } catch (err) {
    diags.error("Invalid Reference", `${r.constructPath}: ${err instanceof Error ? err.message : String(err)}`);
    return null;
  }
}

/** lifecycle.ignore_changes: the prior value stands in for the configured one at each ignored path. */
export function ignoreChanges(config: Value, prior: ObjectValue | null, r: StackResource): Value {
  const ignore = r.lifecycle.ignoreChanges;
  if (!prior || !isObject(config) || (ignore !== "all" && ignore.length === 0)) return config;
  if (ignore === "all") return prior;
  let out: Value = config;
  for (const path of ignore) out = setAt(out, path.split("."), getAt(prior, path.split(".")));
  return out;
}

function getAt(v: Value, path: string[]): Value {
  let cur: Value = v;
  for (const p of path) cur = isObject(cur) ? (cur[p] ?? null) : null;
  return cur;
}

function setAt(v: Value, path: string[], value: Value): Value {
  if (path.length === 0) return value;
  const obj = isObject(v) ? v : {};
  return { ...obj, [path[0]]: setAt(obj[path[0]] ?? null, path.slice(1), value) };
}

export function evaluateOutputs(stack: Stack, scope: Scope, diags: Diagnostics): PlannedOutput[] {
  const out: PlannedOutput[] = [];
  for (const o of stack.outputs) {
    try {
      out.push({ name: o.name, value: evaluate(o.value, scope), sensitive: o.sensitive || refersToSensitive(o.value, stack) });
    } catch (err) {
      diags.error("Invalid Output", `output.${o.name}: ${err instanceof Error ? err.message : String(err)}`);
    }
  }
  return out;
}

function refersToSensitive(value: unknown, stack: Stack): boolean {
  const text = JSON.stringify(value);
  return stack.variables.some((v) => v.sensitive && text.includes(`var.${v.name}`));
}

/** Each item after what it depends on (resources, data sources); references outside `items` are skipped. */
export function topological<T extends { readonly address: string; readonly dependencies: readonly string[] }>(items: readonly T[]): T[] {
  const byAddress = new Map(items.map((r) => [r.address, r]));
  const out: T[] = [];
  const seen = new Set<string>();
  const visit = (r: T): void => {
    if (seen.has(r.address)) return;
    seen.add(r.address);
    for (const d of r.dependencies) {
      const dep = byAddress.get(d);
      if (dep) visit(dep);
    }
    out.push(r);
  };
  items.forEach(visit);
  return out;
}

export function digest(stack: Stack): string {
  const h = createHash("sha256");
  for (const f of stack.files) h.update(f).update(readFileSync(`${stack.dir}/${f}`));
  return h.digest("hex");
}
