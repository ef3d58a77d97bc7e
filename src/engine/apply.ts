/**
 * apply: lock the state, refuse a stale plan, ask again for ephemeral variables a saved plan never holds, then
 * converge with bounded parallelism, writing the state after every batch of finished operations; an interrupted run
 * stops scheduling and keeps what finished.
 */
import { ProviderCore } from "../core/provider-core";
import { Diagnostics } from "../framework/diagnostics";
import { AttributePath } from "../framework/path";
import { silentLogger } from "../framework/resource";
import { type Value, isObject, isUnknown, valuesEqual } from "../framework/value";
import { type Scope, variableValues } from "./evaluate";
import { loadStack, type Stack } from "./stack";
import { localStore } from "./state-store/local-store";
import { countOf, digest, evaluateConfig, evaluateOutputs, ignoreChanges } from "./configuration";
import { KNOWN, closeCores, newCore, openStore, prefix, providerConfig } from "./provider-cores";
import { ephemeralValues } from "./ephemeral";
import { takeHeld } from "./held-locks";
import { schedule } from "./scheduling";
import { type PendingCreate, StateBook } from "./state-book";
import type { ApplyResult, EngineOptions, EnginePlan, InstanceChange, ProgressEvent } from "./types";


/** The ephemeral values apply needs: this process's plan's, else given again (as Terraform asks for them). */
function ephemeralForApply(p: EnginePlan, stack: Stack, options: EngineOptions, env: NodeJS.ProcessEnv, diags: Diagnostics): Map<string, Value> {
  const out = new Map<string, Value>();
  const names = p.ephemeralVariables ?? [];
  const kept = ephemeralValues.get(p);
  const given = variableValues(stack.variables.filter((v) => names.includes(v.name)), options.vars ?? {}, env);
  for (const e of given.errors) diags.error("Invalid Variable Value", e);
  for (const name of names) {
    const v = kept?.get(name) ?? given.values.get(name);
    if (v === undefined) {
      diags.error("No Value for Ephemeral Variable", `var.${name} is ephemeral: its value was used to plan but is never saved, so apply needs it again. Set it with --var ${name}=… or TF_VAR_${name}.`);
    } else out.set(name, v);
  }
  return out;
}

export async function apply(p: EnginePlan, options: EngineOptions = {}): Promise<ApplyResult> {
  const diags = new Diagnostics();
  if (p.diagnostics.some((d) => d.severity === "error")) {
    return { applied: 0, failed: 0, interrupted: false, outputs: [], diagnostics: [...p.diagnostics] };
  }
  const env = options.env ?? process.env;
  const log = options.log ?? silentLogger;
  const result = { applied: 0, failed: 0, interrupted: false };
  const stack = loadStack(p.stackDir, KNOWN, new Diagnostics());
  // A plan made in this run may still hold the lock (apply without a saved plan): it is carried on, not retaken.
  const kept = takeHeld(p);
  const store = kept?.store ?? (stack ? await openStore(stack, env, diags) : localStore(p.statePath));
  if (!store) return { ...result, outputs: [], diagnostics: diags.toArray() };
  const lock = kept?.lock ?? (await store.lock(p.destroy ? "destroy" : "apply", options.lockTimeoutMs ?? 0, diags));
  if (!lock) {
    await store.close();
    return { ...result, outputs: [], diagnostics: diags.toArray() };
  }
  const cores = new Map<string, ProviderCore<unknown>>();
  let opened: StateBook | undefined;
  try {
    const current = await store.read();
    if (!stack || digest(stack) !== p.configDigest || current.serial !== p.serial || (p.serial > 0 && current.lineage !== p.lineage)) {
      diags.error(
        "Saved Plan Is Stale",
        `The plan was made for state serial ${p.serial} and a configuration that ${stack && digest(stack) === p.configDigest ? "still matches" : "has changed since"}; the state is now at serial ${current.serial}. Plan again.`,
      );
      return { ...result, outputs: [], diagnostics: diags.toArray() };
    }
    const variables = new Map([...Object.entries(p.variables), ...ephemeralForApply(p, stack, options, env, diags)]);
    if (diags.hasError()) return { ...result, outputs: [], diagnostics: diags.toArray() };
    const needed = new Set(p.changes.filter((c) => c.action !== "noop").map((c) => c.providerKey));
    for (const key of needed) {
      const core = newCore(key, env, log);
      if (!core) continue;
      prefix(diags, `provider.${key}`, core.configure(providerConfig(stack, key, variables)));
      cores.set(key, core);
    }
    if (diags.hasError()) return { ...result, outputs: [], diagnostics: diags.toArray() };

    const book = new StateBook(p.statePath, { ...p.refreshed, serial: current.serial, lineage: current.lineage || p.lineage }, store);
    opened = book;
    const counts = new Map<string, number | undefined>();
    for (const r of stack.resources) counts.set(r.address, countOf(r, variables, diags));
    const byAddress = new Map(stack.resources.map((r) => [r.address, r]));
    const scope: Scope = { variables, countOf: (a) => counts.get(a), instance: (a) => (a.startsWith("data.") ? p.data?.[a] : book.value(a) ?? undefined) };

    const work = p.changes.filter((c) => c.action !== "noop");
    const done = new Set<string>();
    const failed = new Set<string>();
    // The creates not yet started, in the order the scheduler starts them, for intents reserved ahead.
    const begun = new Set<string>();
    const creates = work.filter((c) => c.action === "create" || c.action === "replace");
    let cursor = 0;
    const upcoming = (n: number): PendingCreate[] => {
      const out: PendingCreate[] = [];
      while (out.length < n && cursor < creates.length) {
        const o = creates[cursor++];
        const importId = o.after && !begun.has(o.address) ? cores.get(o.providerKey)?.resource(o.type)?.importIdOf?.(o.after) : null;
        if (typeof importId === "string") out.push({ address: o.address, type: o.type, providerKey: o.providerKey, importId });
      }
      return out;
    };
    const run = async (c: InstanceChange): Promise<void> => {
      begun.add(c.address);
      const core = cores.get(c.providerKey)!;
      const r = byAddress.get(c.resource);
      const started = Date.now();
      const progress = (phase: ProgressEvent["phase"], id?: string) =>
        options.onProgress?.({ address: c.address, action: c.action === "noop" ? "update" : c.action === "create" ? "create" : c.action, phase, elapsedMs: phase === "start" ? undefined : Date.now() - started, id });
      progress("start");
      const opDiags = new Diagnostics();
      try {
        if (c.action === "delete") {
          const res = await core.applyResourceChange(c.type, book.value(c.address) ?? c.before, null);
          opDiags.addAll(res.diagnostics);
          if (!res.diagnostics.hasError()) {
            book.remove(c.address);
            await book.checkpoint();
          }
        } else {
          // Re-plan with the final configuration: references to what was just created are known now.
          const config = r ? evaluateConfig(r, c.index, { ...scope, countIndex: c.index }, opDiags) : null;
          if (!r || !config) throw new Error(`no configuration for ${c.address}`);
          const prior = book.value(c.address);
          const replaceNow = c.action === "replace";
          const finalConfig = ignoreChanges(config, prior, r);
          const finalPlan = core.planResourceChange(c.type, replaceNow ? null : prior, finalConfig);
          opDiags.addAll(finalPlan.diagnostics);
          if (finalPlan.planned && c.after) checkFinalPlan(c, c.after, finalPlan.planned, opDiags);
          if (opDiags.hasError() || !finalPlan.planned) throw new Error("final plan failed");
          if (replaceNow && !c.createBeforeDestroy && prior) {
            const del = await core.applyResourceChange(c.type, prior, null);
            opDiags.addAll(del.diagnostics);
            if (del.diagnostics.hasError()) throw new Error("delete failed");
            book.remove(c.address);
            // Written before the create goes out: a state still holding the deleted object would make the next run
            // take the new object's intent for settled.
            await book.persist();
          }
          const creating = replaceNow || prior === null;
          // Durable before the create goes out (in a remote state, with intents reserved for the next creates).
          const intent = creating ? await book.intend(c, core, finalPlan.planned, upcoming) : null;
          const res = await core.applyResourceChange(c.type, creating ? null : prior, finalPlan.planned, finalConfig);
          opDiags.addAll(res.diagnostics);
          if (res.state) {
            book.put(c, res.state, r, core);
            // In the working state now: the create intent for this address (ours, or an adopted one) is settled
            // once a write holds it.
            book.fulfil({ address: c.address });
            await book.checkpoint();
          } else if (intent) book.fulfil(intent); // nothing was created
          if (res.diagnostics.hasError()) throw new Error("apply failed");
          if (replaceNow && c.createBeforeDestroy && prior) {
            const del = await core.applyResourceChange(c.type, prior, null);
            opDiags.addAll(del.diagnostics);
          }
        }
        prefix(diags, c.constructPath, opDiags);
        done.add(c.address);
        result.applied++;
        progress("done", typeof book.value(c.address)?.id === "string" ? String(book.value(c.address)?.id) : undefined);
      } catch (err) {
        if (!opDiags.hasError()) opDiags.error(`Unable to ${c.action} ${c.address}`, err instanceof Error ? err.message : String(err));
        prefix(diags, c.constructPath, opDiags);
        failed.add(c.address);
        result.failed++;
        progress("failed");
      }
    };

    // Creates and updates wait for what they depend on; deletes wait for the deletes of their dependents. Both
    // looked up by resource, so that 10,000 instances of one resource cost 10,000 look-ups, not 10,000².
    const changesOf = new Map<string, InstanceChange[]>();
    const deletesDependingOn = new Map<string, InstanceChange[]>();
    const add = (m: Map<string, InstanceChange[]>, key: string, c: InstanceChange): void => void (m.get(key) ?? m.set(key, []).get(key)!).push(c);
    for (const o of work) {
      if (o.action !== "delete") add(changesOf, o.resource, o);
      else for (const d of new Set(o.dependencies.map((x) => x.replace(/\[[^\]]*\]$/, "")))) add(deletesDependingOn, d, o);
    }
    const waitsFor = (c: InstanceChange): string[] => {
      if (c.action === "delete") return (deletesDependingOn.get(c.resource) ?? []).filter((o) => o !== c).map((o) => o.address);
      return [...new Set(c.dependencies)].flatMap((d) => changesOf.get(d) ?? []).filter((o) => o !== c).map((o) => o.address);
    };
    await schedule(work, waitsFor, run, done, failed, options.parallelism ?? 10, options.signal, () => {
      result.interrupted = true;
    });

    const outputs = p.destroy ? [] : evaluateOutputs(stack, scope, diags);
    book.dropReservations();
    book.setOutputs(outputs);
    await book.flush();
    return { ...result, outputs, diagnostics: diags.toArray() };
  } finally {
    opened?.close();
    await closeCores(cores);
    await lock.release();
    await store.close();
  }
}

/** Terraform's rule at apply: the final plan may only fill in values the saved plan left unknown. */
function checkFinalPlan(c: InstanceChange, saved: Value, final: Value, diags: Diagnostics, path = AttributePath.empty): void {
  if (!isObject(saved) || !isObject(final)) return;
  for (const [k, v] of Object.entries(saved)) {
    const at = path.isEmpty ? AttributePath.root(k) : path.atName(k);
    const f = final[k] ?? null;
    if (isUnknown(v) || isUnknown(f)) continue;
    if (isObject(v)) checkFinalPlan(c, v, f, diags, at);
    else if (!valuesEqual(v, f)) {
      diags.error("Inconsistent Final Plan", `${c.address}: ${at} was planned as one value and is now another; the configuration or the remote object changed since the plan. Plan again.`, at);
    }
  }
}
