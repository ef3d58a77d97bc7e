/**
 * Saved plans (`plan --out F`, `apply F`): the plan as JSON, unknowns marked, written owner-only because it
 * holds the variable values the plan was made with (secrets included, as Terraform's plan files do).
 */
import { readFileSync, writeFileSync } from "node:fs";
import { VaultbridgeError } from "../framework/vaultbridge-error";
import { UNKNOWN, Unknown } from "../framework/value";
import type { EnginePlan } from "./engine";

const MARK = "$unknown";
const KIND = "vaultbridge-plan";

export function writeSavedPlan(path: string, plan: EnginePlan): void {
  const doc = { kind: KIND, plan: { ...plan, diagnostics: plan.diagnostics.map((d) => ({ ...d, path: d.path ? String(d.path) : undefined })) } };
  const text = JSON.stringify(doc, (_k, v: unknown) => (v instanceof Unknown ? { [MARK]: true } : v));
  writeFileSync(path, text, { mode: 0o600 });
}

export function readSavedPlan(path: string): EnginePlan {
  let doc: { kind?: unknown; plan?: EnginePlan };
  try {
    doc = JSON.parse(readFileSync(path, "utf8"), (_k, v: unknown) =>
      v !== null && typeof v === "object" && !Array.isArray(v) && (v as Record<string, unknown>)[MARK] === true ? UNKNOWN : v,
    ) as typeof doc;
  } catch (err) {
    throw new VaultbridgeError(`${path} is not a saved vaultbridge plan (${err instanceof Error ? err.message : String(err)})`, "VB_PLAN_FILE");
  }
  if (doc.kind !== KIND || !doc.plan || doc.plan.formatVersion !== 1) {
    throw new VaultbridgeError(`${path} is not a saved vaultbridge plan (make one with vaultbridge plan --out ${path})`, "VB_PLAN_FILE");
  }
  return { ...doc.plan, diagnostics: doc.plan.diagnostics.map((d) => ({ ...d, path: undefined })) };
}
