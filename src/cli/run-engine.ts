/**
 * `vaultbridge plan | apply | destroy | import`: the embedded engine for people and pipelines. Run in the stack
 * folder like terraform (or where cdktf.json names the app: it synthesizes first). Exit codes follow terraform:
 * 1 on error; with --detailed-exitcode, 0 for no changes and 2 for changes.
 */
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { createInterface } from "node:readline/promises";
import { type ApplyResult, apply, type EngineOptions, type EnginePlan, hasChanges, importResource, plan, type ProgressEvent, releasePlan } from "../engine/engine";
import { renderPlan } from "../engine/render";
import { commandLineVars, parseBool, parseDuration } from "./engine-inputs";
import { planJson } from "./plan-document";
import { readSavedPlan, writeSavedPlan } from "../engine/saved-plan";
import type { Diagnostic } from "../framework/diagnostics";

export interface EngineCliOptions {
  readonly dir?: string;
  readonly stack?: string;
  readonly var?: string[];
  readonly varFile?: string[];
  readonly target?: string[];
  readonly replace?: string[];
  readonly refresh?: string;
  readonly refreshOnly?: boolean;
  readonly lockTimeout?: string;
  readonly json?: boolean;
  readonly detailedExitcode?: boolean;
  readonly out?: string;
  readonly destroy?: boolean;
  readonly autoApprove?: boolean;
  readonly parallelism?: string;
}

const out = (s: string): void => void process.stdout.write(s);
const err = (s: string): void => void process.stderr.write(s);

export async function runPlan(o: EngineCliOptions): Promise<number> {
  const dir = stackDir(o);
  if (!dir) return 1;
  const p = await plan(dir, await engineOptions(o));
  if (o.json) {
    printDiagnostics(p.diagnostics, err);
    out(`${JSON.stringify(await planJson(p))}\n`);
  } else {
    printDiagnostics(p.diagnostics);
    if (!errored(p.diagnostics)) out(renderPlan(p));
  }
  if (errored(p.diagnostics)) return 1;
  if (o.out) {
    writeSavedPlan(o.out, p);
    if (!o.json) out(`\nSaved the plan to: ${o.out} (it holds variable values, secrets included: keep it private)\nTo perform exactly these actions, run: vaultbridge apply ${o.out}\n`);
  }
  return o.detailedExitcode && hasChanges(p) ? 2 : 0;
}

export async function runApply(planFile: string | undefined, o: EngineCliOptions): Promise<number> {
  if (planFile && existsSync(planFile) && !existsSync(join(planFile, "cdk.tf.json"))) {
    const saved = readSavedPlan(planFile);
    return printApplyResult(saved, await applyWithInterrupts(saved, o), [], o);
  }
  const dir = planFile ?? stackDir(o);
  if (!dir) return 1;
  // As terraform apply: the state stays locked from this plan to its apply (released here if it is not applied).
  const p = await plan(dir, { ...(await engineOptions(o)), keepLock: true });
  try {
    return await confirmAndApply(p, o);
  } finally {
    await releasePlan(p);
  }
}

/** Shows the plan, asks (unless -auto-approve), and applies it; the exit code. */
async function confirmAndApply(p: EnginePlan, o: EngineCliOptions): Promise<number> {
  if (!o.json) {
    printDiagnostics(p.diagnostics);
    if (!errored(p.diagnostics)) out(renderPlan(p));
  }
  if (errored(p.diagnostics)) return o.json ? (printDiagnostics(p.diagnostics, err), out(`${JSON.stringify(await planJson(p))}\n`), 1) : 1;
  // The plan's own warnings (made here, not loaded from a saved plan): --json carries them with the result.
  const planned = p.diagnostics;
  if (!hasChanges(p) && p.drift.length === 0) return printApplyResult(p, { applied: 0, failed: 0, interrupted: false, outputs: p.outputs, diagnostics: [] }, planned, o);
  // Only changes ask; what refresh alone found changes no object, yet apply records it in the state (as terraform).
  if (hasChanges(p) && !o.autoApprove) {
    if (!process.stdin.isTTY) {
      err("Error: apply asks for confirmation, and stdin is not a terminal. Pass --auto-approve, or apply a saved plan (vaultbridge plan --out F; vaultbridge apply F).\n");
      return 1;
    }
    const rl = createInterface({ input: process.stdin, output: process.stdout });
    const answer = await rl.question(`\nDo you want to perform these actions?\n  Only 'yes' will be accepted to approve.\n\n  Enter a value: `);
    rl.close();
    if (answer.trim() !== "yes") {
      err("\nApply cancelled.\n");
      return 1;
    }
  }
  return printApplyResult(p, await applyWithInterrupts(p, o), planned, o);
}

/** The outcome of an apply, for people or (--json) as one JSON document, even when there was nothing to do. */
function printApplyResult(p: EnginePlan, result: ApplyResult, planned: readonly Diagnostic[], o: EngineCliOptions): number {
  if (o.json) {
    const diagnostics = [...planned, ...result.diagnostics].map(diagJson);
    out(`${JSON.stringify({ applied: result.applied, failed: result.failed, interrupted: result.interrupted, outputs: outputsJson(result), diagnostics })}\n`);
  } else {
    printDiagnostics(result.diagnostics);
    const adds = p.changes.filter((c) => c.action === "create" || c.action === "replace").length;
    const changes = p.changes.filter((c) => c.action === "update").length;
    const destroys = p.changes.filter((c) => c.action === "delete" || c.action === "replace").length;
    if (result.interrupted) err("\nApply interrupted: the state records every operation that finished. Run apply again to complete it.\n");
    else if (!errored(result.diagnostics)) {
      out(`\n${p.destroy ? `Destroy complete! Resources: ${destroys} destroyed.` : `Apply complete! Resources: ${adds} added, ${changes} changed, ${destroys} destroyed.`}\n`);
      if (result.outputs.length) {
        out("\nOutputs:\n\n");
        for (const o2 of result.outputs) out(`${o2.name} = ${o2.sensitive ? "<sensitive>" : JSON.stringify(o2.value)}\n`);
      }
    }
  }
  return errored(result.diagnostics) || result.interrupted || result.failed > 0 ? 1 : 0;
}

export async function runImport(address: string, id: string, o: EngineCliOptions): Promise<number> {
  const dir = stackDir(o);
  if (!dir) return 1;
  const diags = await importResource(dir, address, id, await engineOptions(o));
  if (o.json) {
    out(`${JSON.stringify({ address, id, imported: !errored(diags), diagnostics: diags.map(diagJson) })}\n`);
    return errored(diags) ? 1 : 0;
  }
  printDiagnostics(diags);
  if (errored(diags)) return 1;
  out(`${address}: Import prepared!\n\nImport successful! The resource is now managed by vaultbridge; secrets are not importable, so the next plan re-sends them from configuration.\n`);
  return 0;
}

/** Ctrl-C stops scheduling and lets in-flight operations finish and be recorded; a second one exits at once. */
async function applyWithInterrupts(p: EnginePlan, o: EngineCliOptions): Promise<ApplyResult> {
  const stop = new AbortController();
  let interrupts = 0;
  const onSignal = (): void => {
    interrupts++;
    if (interrupts === 1) {
      err("\nInterrupt received. Waiting for the operations in flight to finish and be recorded in the state...\n");
      stop.abort();
    } else {
      err("\nTwo interrupts received. Exiting immediately; the next plan recovers what was in flight.\n");
      process.exit(130);
    }
  };
  process.on("SIGINT", onSignal);
  process.on("SIGTERM", onSignal);
  try {
    return await apply(p, { ...(await engineOptions(o)), signal: stop.signal, onProgress: o.json ? undefined : progressLine });
  } finally {
    process.off("SIGINT", onSignal);
    process.off("SIGTERM", onSignal);
  }
}

function progressLine(e: ProgressEvent): void {
  const noun = { create: "Creation", update: "Modifications", delete: "Destruction", replace: "Replacement", read: "Read" }[e.action];
  const verb = { create: "Creating...", update: "Modifying...", delete: "Destroying...", replace: "Replacing...", read: "Reading..." }[e.action];
  const secs = `${Math.round((e.elapsedMs ?? 0) / 1000)}s`;
  if (e.phase === "start") out(`${e.address}: ${verb}\n`);
  else if (e.phase === "done") out(`${e.address}: ${noun} complete after ${secs}${e.id && e.action !== "delete" ? ` [id=${e.id}]` : ""}\n`);
  else out(`${e.address}: ${noun} failed after ${secs}\n`);
}

function printDiagnostics(diags: readonly Diagnostic[], warnings: (s: string) => void = out): void {
  for (const d of diags) {
    const stream = d.severity === "error" ? err : warnings;
    stream(`\n${d.severity === "error" ? "Error" : "Warning"}: ${d.summary}\n\n  ${d.detail.replace(/\n/g, "\n  ")}\n`);
  }
}

const errored = (diags: readonly Diagnostic[]): boolean => diags.some((d) => d.severity === "error");
const diagJson = (d: Diagnostic) => ({ severity: d.severity, summary: d.summary, detail: d.detail });
const outputsJson = (r: ApplyResult) => Object.fromEntries(r.outputs.map((o) => [o.name, { sensitive: o.sensitive, value: o.sensitive ? null : o.value }]));

function parallelism(o: EngineCliOptions): number | undefined {
  if (o.parallelism === undefined) return undefined;
  const n = Number(o.parallelism);
  if (!Number.isInteger(n) || n < 1) throw new Error(`--parallelism must be a whole number ≥ 1; got "${o.parallelism}"`);
  return n;
}

/** The engine's options from Terraform's flags. */
async function engineOptions(o: EngineCliOptions): Promise<EngineOptions> {
  return {
    vars: await commandLineVars(o.varFile, o.var),
    destroy: o.destroy,
    parallelism: parallelism(o),
    targets: o.target,
    replace: o.replace,
    refresh: parseBool("refresh", o.refresh, true),
    refreshOnly: o.refreshOnly,
    lockTimeoutMs: parseDuration("lock-timeout", o.lockTimeout),
  };
}

/** The stack folder: --dir, the current folder when it holds *.tf.json, or the app cdktf.json names (synthesized). */
function stackDir(o: EngineCliOptions): string | null {
  const dir = resolve(o.dir ?? ".");
  if (readdirSync(dir).some((f) => f.endsWith(".tf.json"))) return dir;
  const cdktf = join(dir, "cdktf.json");
  if (!existsSync(cdktf)) return dir; // the engine reports "no stack found" with advice
  const config = JSON.parse(readFileSync(cdktf, "utf8")) as { app?: string; output?: string };
  if (!config.app) {
    err(`Error: ${cdktf} names no "app" to synthesize.\n`);
    return null;
  }
  if (!o.json) out(`Synthesizing the CDKTF app (${config.app})...\n`);
  const outdir = join(dir, config.output ?? "cdktf.out");
  // As cdktf-cli does: the app writes where cdktf.json says, whatever CDKTF_OUTDIR the shell had.
  const synth = spawnSync(config.app, { cwd: dir, shell: true, stdio: ["ignore", "inherit", "inherit"], env: { ...process.env, CHECKPOINT_DISABLE: "1", CDKTF_OUTDIR: outdir } });
  if (synth.status !== 0) {
    err(`Error: the CDKTF app failed (${synth.status === null ? `killed by ${synth.signal ?? "a signal"}` : `exit ${synth.status}`}); fix it and try again.\n`);
    return null;
  }
  const stacks = join(outdir, "stacks");
  const names = existsSync(stacks) ? readdirSync(stacks) : [];
  const chosen = o.stack ?? (names.length === 1 ? names[0] : undefined);
  if (!chosen || !names.includes(chosen)) {
    err(`Error: ${names.length === 0 ? `the app synthesized no stack into ${stacks}` : `choose a stack with --stack (one of: ${names.join(", ")})`}.\n`);
    return null;
  }
  return join(stacks, chosen);
}
