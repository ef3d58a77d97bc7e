/**
 * `vaultbridge show | output | state list|show|rm | version`: Terraform's read-side commands over the engine's
 * state and saved plans, with the same output shapes (`show -json` is Terraform's JSON), never printing a secret.
 */
import { existsSync } from "node:fs";
import { join } from "node:path";
import { Diagnostics } from "../framework/diagnostics";
import { isObject, type Value } from "../framework/value";
import { KNOWN } from "../engine/engine";
import { priorState } from "../engine/plan-json";
import { renderPlan } from "../engine/render";
import { readSavedPlan } from "../engine/saved-plan";
import { loadStack } from "../engine/stack";
import type { StateDocument, StateInstance, StateResource } from "../engine/state-file";
import { localStore } from "../engine/state-store/local-store";
import { openStateStore } from "../engine/state-store/open-store";
import type { StateStore } from "../engine/state-store/state-store";
import { packageVersion } from "./package-version";
import { schemas } from "../engine/provider-cores";
import { planJson } from "./plan-document";

export interface InspectOptions {
  readonly dir?: string;
  readonly json?: boolean;
  readonly raw?: boolean;
  readonly lockTimeout?: string;
}

const out = (s: string): void => void process.stdout.write(s);
const err = (s: string): void => void process.stderr.write(s);

/** The stack's state store (its backend: local, pg or http; the workspace TF_WORKSPACE names). */
async function storeOf(dir: string | undefined): Promise<StateStore> {
  const folder = dir ?? ".";
  const stack = loadStack(folder, KNOWN, new Diagnostics());
  if (!stack) return localStore(join(folder, "terraform.tfstate"));
  return openStateStore(stack, process.env);
}

async function stateOf(dir: string | undefined): Promise<StateDocument> {
  const store = await storeOf(dir);
  try {
    return await store.read();
  } finally {
    await store.close();
  }
}

export async function runShow(planFile: string | undefined, o: InspectOptions): Promise<number> {
  if (planFile) {
    if (!existsSync(planFile)) return fail(`${planFile} does not exist: make one with vaultbridge plan -out=${planFile}.`);
    const p = readSavedPlan(planFile);
    out(o.json ? `${JSON.stringify(await planJson(p))}\n` : renderPlan(p));
    return 0;
  }
  const state = await stateOf(o.dir);
  if (o.json) {
    const doc = priorState(state, schemas, packageVersion()) ?? { format_version: "1.0", terraform_version: packageVersion(), values: { outputs: {}, root_module: {} } };
    out(`${JSON.stringify(doc)}\n`);
    return 0;
  }
  const instances = allInstances(state);
  if (instances.length === 0) out("The state file is empty. No resources are represented.\n");
  for (const i of instances) out(`${renderInstance(i)}\n`);
  const outputs = Object.entries(state.outputs);
  if (outputs.length) out(`\nOutputs:\n\n${outputs.map(([k, v]) => `${k} = ${v.sensitive ? "(sensitive value)" : JSON.stringify(v.value)}`).join("\n")}\n`);
  return 0;
}

/** Sensitive outputs are never printed (a deliberate difference from terraform, whose -json/-raw print them). */
export async function runOutput(name: string | undefined, o: InspectOptions): Promise<number> {
  const outputs = (await stateOf(o.dir)).outputs;
  if (name !== undefined) {
    const v = outputs[name];
    if (!v) return fail(`Output "${name}" not found: the state has ${Object.keys(outputs).length ? Object.keys(outputs).join(", ") : "no outputs"} (apply first?).`);
    if (v.sensitive) return fail(`Output "${name}" is sensitive: vaultbridge never prints a secret. Read it from where it comes from instead.`);
    if (o.raw) {
      if (typeof v.value !== "string" && typeof v.value !== "number" && typeof v.value !== "boolean") return fail(`Output "${name}" is not a string, number or bool: -raw cannot print it; use -json.`);
      out(String(v.value));
    } else out(`${JSON.stringify(v.value, null, o.json ? undefined : 2)}\n`);
    return 0;
  }
  if (o.json) {
    out(`${JSON.stringify(Object.fromEntries(Object.entries(outputs).map(([k, v]) => [k, { sensitive: v.sensitive === true, type: v.type, value: v.sensitive ? null : v.value }])))}\n`);
  } else {
    for (const [k, v] of Object.entries(outputs)) out(`${k} = ${v.sensitive ? "<sensitive>" : JSON.stringify(v.value)}\n`);
  }
  return 0;
}

export async function runStateList(filters: readonly string[], o: InspectOptions): Promise<number> {
  for (const i of allInstances(await stateOf(o.dir))) if (filters.length === 0 || filters.some((f) => i.address === f || i.address.startsWith(`${f}[`) || i.address.startsWith(`${f}.`))) out(`${i.address}\n`);
  return 0;
}

export async function runStateShow(address: string, o: InspectOptions): Promise<number> {
  const i = allInstances(await stateOf(o.dir)).find((x) => x.address === address);
  if (!i) return fail(`No instance found for the given address: ${address}. See vaultbridge state list.`);
  out(`${renderInstance(i)}\n`);
  return 0;
}

/** Forgets instances (the remote objects stay); the previous state is kept as the backup, under the lock. */
export async function runStateRm(addresses: readonly string[], o: InspectOptions & { dryRun?: boolean }): Promise<number> {
  const store = await storeOf(o.dir);
  const diags = new Diagnostics();
  const lock = await store.lock("state rm", 0, diags);
  for (const d of diags) err(`${d.severity === "error" ? "Error" : "Warning"}: ${d.summary}: ${d.detail}\n`);
  if (!lock) {
    await store.close();
    return 1;
  }
  try {
    const state = await store.read();
    if (state.resources.length === 0) return fail(`The state (${store.description}) is empty: nothing to remove.`);
    const present = new Set(allInstances(state).map((i) => i.address));
    const missing = addresses.filter((a) => ![...present].some((p) => p === a || p.startsWith(`${a}[`)));
    if (missing.length) return fail(`No instance found for ${missing.join(", ")}; nothing was removed. See vaultbridge state list.`);
    const removed: string[] = [];
    for (const r of state.resources) {
      r.instances = r.instances.filter((inst) => {
        const a = addressOf(r, inst);
        const gone = addresses.some((x) => a === x || a.startsWith(`${x}[`));
        if (gone) removed.push(a);
        return !gone;
      });
    }
    state.resources = state.resources.filter((r) => r.instances.length > 0);
    if (!o.dryRun) await store.write(state);
    for (const a of removed) out(`${o.dryRun ? "Would remove" : "Removed"} ${a}\n`);
    out(`${o.dryRun ? "Would have removed" : "Successfully removed"} ${removed.length} resource instance(s).\n`);
    return 0;
  } finally {
    await lock.release();
    await store.close();
  }
}

export function runVersion(o: InspectOptions): number {
  const version = packageVersion();
  const providers = Object.fromEntries(Object.values(KNOWN).map((p) => [p.source, version]));
  if (o.json) out(`${JSON.stringify({ vaultbridge_version: version, platform: `${process.platform}_${process.arch === "x64" ? "amd64" : process.arch}`, provider_selections: providers })}\n`);
  else out(`vaultbridge v${version}\non ${process.platform}_${process.arch === "x64" ? "amd64" : process.arch}\n${Object.keys(providers).map((s) => `+ provider ${s} v${version}`).join("\n")}\n`);
  return 0;
}

interface Instance {
  readonly address: string;
  readonly type: string;
  readonly name: string;
  readonly attributes: Record<string, unknown>;
}

function addressOf(r: StateResource, inst: StateInstance): string {
  const base = `${r.type}.${r.name}`;
  return inst.index_key === undefined ? base : typeof inst.index_key === "number" ? `${base}[${inst.index_key}]` : `${base}["${inst.index_key}"]`;
}

function allInstances(state: StateDocument): Instance[] {
  return state.resources
    .filter((r) => r.mode === "managed")
    .flatMap((r) => r.instances.map((inst) => ({ address: addressOf(r, inst), type: r.type, name: r.name, attributes: inst.attributes })))
    .sort((a, b) => (a.address < b.address ? -1 : 1));
}

/** One instance as terraform shows it, secrets as (sensitive value). */
function renderInstance(i: Instance): string {
  const attributes = schemas.resource(i.type) ?? {};
  const lines = [`# ${i.address}:`, `resource "${i.type}" "${i.name}" {`];
  const walk = (obj: Record<string, unknown>, attrs: typeof attributes, indent: string): void => {
    const keys = Object.keys(obj).filter((k) => obj[k] !== null).sort();
    const width = Math.max(0, ...keys.map((k) => k.length));
    for (const k of keys) {
      const a = attrs[k];
      const v = obj[k] as Value;
      if (a?.sensitive) lines.push(`${indent}${k.padEnd(width)} = (sensitive value)`);
      else if (isObject(v) && a && a.kind === "nested") {
        lines.push(`${indent}${k.padEnd(width)} = {`);
        walk(v as Record<string, unknown>, a.attributes, `${indent}    `);
        lines.push(`${indent}}`);
      } else lines.push(`${indent}${k.padEnd(width)} = ${JSON.stringify(v)}`);
    }
  };
  walk(i.attributes, attributes, "    ");
  lines.push("}");
  return lines.join("\n");
}

function fail(message: string): number {
  err(`Error: ${message}\n`);
  return 1;
}
