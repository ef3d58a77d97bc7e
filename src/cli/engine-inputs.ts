/**
 * What the engine's commands take from Terraform's flags: variables (`-var` and `-var-file`, `.tfvars.json` or
 * HCL `.tfvars` parsed by a library, later files and then `-var` winning, as in terraform), and durations
 * (`-lock-timeout=30s`).
 */
import { readFileSync } from "node:fs";
import { z } from "zod";

const tfvarsJson = z.record(z.string(), z.unknown());

/** Variable values as the engine takes them from the command line: text, typed by the variable's declaration. */
export async function commandLineVars(varFiles: readonly string[] | undefined, pairs: readonly string[] | undefined): Promise<Record<string, string>> {
  const vars: Record<string, string> = {};
  for (const file of varFiles ?? []) {
    let text: string;
    try {
      text = readFileSync(file, "utf8");
    } catch (err) {
      throw new Error(`-var-file=${file}: cannot read it (${err instanceof Error ? err.message : String(err)})`);
    }
    const values = file.endsWith(".json") ? parseJsonVars(file, text) : await parseHclVars(file, text);
    for (const [k, v] of Object.entries(values)) vars[k] = typeof v === "string" ? v : JSON.stringify(v);
  }
  for (const pair of pairs ?? []) {
    const eq = pair.indexOf("=");
    if (eq <= 0) throw new Error(`-var takes name=value; got "${pair.split("=")[0]}…"`);
    vars[pair.slice(0, eq)] = pair.slice(eq + 1);
  }
  return vars;
}

function parseJsonVars(file: string, text: string): Record<string, unknown> {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (err) {
    throw new Error(`-var-file=${file}: not valid JSON (${err instanceof Error ? err.message : String(err)})`);
  }
  const parsed = tfvarsJson.safeParse(raw);
  if (!parsed.success) throw new Error(`-var-file=${file}: must be a JSON object of variable names to values`);
  return parsed.data;
}

/** HCL through @cdktf/hcl2json (Terraform's own HCL parser compiled to WebAssembly), loaded only when needed. */
async function parseHclVars(file: string, text: string): Promise<Record<string, unknown>> {
  const { parse } = await import("@cdktf/hcl2json");
  let raw: unknown;
  try {
    raw = await parse(file, text);
  } catch (err) {
    throw new Error(`-var-file=${file}: not valid HCL (${err instanceof Error ? err.message : String(err)})`);
  }
  const parsed = tfvarsJson.safeParse(raw);
  if (!parsed.success) throw new Error(`-var-file=${file}: must assign variables (name = value)`);
  return parsed.data;
}

/** `30s`, `1m30s`, `500ms`, `2h` (Go's duration syntax, as terraform takes it) in milliseconds. */
export function parseDuration(flag: string, text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  const units: Record<string, number> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000 };
  const parts = [...text.matchAll(/(\d+(?:\.\d+)?)(ms|s|m|h)/g)];
  if (text === "0") return 0;
  if (parts.length === 0 || parts.map((p) => p[0]).join("") !== text) throw new Error(`-${flag} takes a duration such as 30s, 2m or 1m30s; got "${text}"`);
  return Math.round(parts.reduce((sum, p) => sum + Number(p[1]) * units[p[2]], 0));
}

/** `-refresh=false`, `-lock=false`, `-input=false`: Terraform's boolean flags. */
export function parseBool(flag: string, text: string | boolean | undefined, fallback: boolean): boolean {
  if (text === undefined) return fallback;
  if (typeof text === "boolean") return text;
  if (text === "true") return true;
  if (text === "false") return false;
  throw new Error(`-${flag} takes true or false; got "${text}"`);
}
