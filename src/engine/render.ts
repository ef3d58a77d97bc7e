/**
 * Plans for people (Terraform's layout: `+ ~ - -/+`, attribute-level changes, `(sensitive value)`, the reason a
 * replacement is forced, drift shown apart); for machines see plan-json.ts. Never prints a secret.
 */
import { type Value, isObject, isUnknown, valuesEqual } from "../framework/value";
import type { Drift, EnginePlan, InstanceChange } from "./engine";

const SYMBOL: Record<string, string> = { create: "  +", update: "  ~", delete: "  -", replace: "-/+", noop: "   " };
const VERB: Record<string, string> = { create: "will be created", update: "will be updated in-place", delete: "will be destroyed", replace: "must be replaced" };

export function renderPlan(p: EnginePlan): string {
  const lines: string[] = [];
  if (p.drift.length > 0) {
    lines.push("Note: Objects have changed outside of vaultbridge", "", "vaultbridge detected the following changes made outside of it since the last apply:", "");
    for (const d of p.drift) lines.push(...renderDrift(d, p.changes.find((c) => c.address === d.address)?.sensitive ?? []), "");
  }
  const changes = p.changes.filter((c) => c.action !== "noop" || c.importId !== undefined);
  if (changes.length === 0) {
    lines.push("No changes. Your infrastructure matches the configuration.");
    return `${lines.join("\n")}\n`;
  }
  lines.push("vaultbridge will perform the following actions:", "");
  for (const c of changes) lines.push(...renderChange(c), "");
  const imports = changes.filter((c) => c.importId !== undefined).length;
  const add = changes.filter((c) => c.action === "create" || c.action === "replace").length;
  const change = changes.filter((c) => c.action === "update").length;
  const destroy = changes.filter((c) => c.action === "delete" || c.action === "replace").length;
  lines.push(`Plan: ${imports > 0 ? `${imports} to import, ` : ""}${add} to add, ${change} to change, ${destroy} to destroy.`);
  return `${lines.join("\n")}\n`;
}

function renderChange(c: InstanceChange): string[] {
  const [type, name] = [c.type, c.address.slice(c.type.length + 1)];
  const header = c.action === "noop" ? [`  # ${c.address} will be imported`] : [`  # ${c.address} ${VERB[c.action]}`, ...(c.importId !== undefined ? [`  # (imported from ${JSON.stringify(c.importId)})`] : [])];
  const out = [...header, `${SYMBOL[c.action]} resource "${type}" "${name.replace(/\[\d+\]$/, "")}" {`];
  const body = renderObject(c.before, c.after, c.action, "", c.sensitive, new Set(c.requiresReplace), "      ", c.writeOnly ?? []);
  out.push(...body, "    }");
  return out;
}

function renderDrift(d: Drift, sensitive: readonly string[]): string[] {
  const type = d.address.split(".")[0];
  const name = d.address.slice(type.length + 1);
  if (d.gone) return [`  # ${d.address} has been deleted`, `  - resource "${type}" "${name}" {`, "    }"];
  return [`  # ${d.address} has changed`, `  ~ resource "${type}" "${name}" {`, ...renderObject(d.before, d.after, "update", "", sensitive, new Set(), "      "), "    }"];
}

function renderObject(
  before: Value,
  after: Value,
  action: string,
  path: string,
  sensitive: readonly string[],
  replace: Set<string>,
  indent: string,
  writeOnly: readonly string[] = [],
): string[] {
  const keys = [...new Set([...(isObject(before) ? Object.keys(before) : []), ...(isObject(after) ? Object.keys(after) : [])])].sort();
  const rows: { sym: string; key: string; text: string[] }[] = [];
  let hidden = 0;
  for (const k of keys) {
    const p = path ? `${path}.${k}` : k;
    if (writeOnly.includes(p)) {
      // Never in state or plan, so never compared: shown on create (as terraform does), hidden otherwise.
      if (action === "create") rows.push({ sym: "+", key: k, text: ["(write-only attribute)"] });
      else if (action !== "delete") hidden++;
      continue;
    }
    const b = isObject(before) ? (before[k] ?? null) : null;
    const a = isObject(after) ? (after[k] ?? null) : null;
    if (action === "create" && a === null) continue;
    if (action === "delete" && b === null) continue;
    const same = valuesEqual(b, a);
    if (same && action !== "create" && action !== "delete") {
      if (k === "id" || k === "name") rows.push({ sym: " ", key: k, text: [show(b, p, sensitive)] });
      else hidden++;
      continue;
    }
    const sym = action === "create" ? "+" : action === "delete" ? "-" : b === null ? "+" : a === null ? "-" : "~";
    if ((isObject(a) && !isUnknown(a)) || (isObject(b) && a === null)) {
      const nested = renderObject(b, a, action === "create" || action === "delete" ? action : b === null ? "create" : a === null ? "delete" : "update", p, sensitive, replace, `${indent}    `, writeOnly);
      rows.push({ sym, key: k, text: ["{", ...nested, `${indent}  }`] });
      continue;
    }
    const forced = replace.has(p) ? " # forces replacement" : "";
    const text = action === "create" ? show(a, p, sensitive) : action === "delete" ? `${show(b, p, sensitive)} -> null` : `${show(b, p, sensitive)} -> ${show(a, p, sensitive)}`;
    rows.push({ sym, key: k, text: [`${text}${forced}`] });
  }
  const width = Math.max(0, ...rows.map((r) => r.key.length));
  const out: string[] = [];
  for (const r of rows) {
    const [first, ...rest] = r.text;
    out.push(`${indent}${r.sym} ${r.key.padEnd(width)} = ${first}`, ...rest);
  }
  if (hidden > 0) out.push(`${indent}  # (${hidden} unchanged attribute${hidden === 1 ? "" : "s"} hidden)`);
  return out;
}

function show(v: Value, path: string, sensitive: readonly string[]): string {
  if (isUnknown(v)) return "(known after apply)";
  if (v === null) return "null";
  if (sensitive.includes(path)) return "(sensitive value)";
  return JSON.stringify(v);
}
