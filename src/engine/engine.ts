/**
 * The embedded engine: plans and applies a synthesized stack in-process through the same provider core that
 * Terraform drives over gRPC, keeping Terraform's state format and rules so users can move between the two.
 *
 * plan: load and check the stack (no API call when anything is refused or invalid) → refresh every instance in
 * state (one list call per API) → plan each instance in dependency order → orphans are deleted.
 * apply: lock the state, refuse a stale plan, then converge with bounded parallelism, writing the state
 * atomically after every operation; an interrupted run stops scheduling and keeps what finished.
 */
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { CreateIntents } from "../core/create-intents";
import { ProviderCore } from "../core/provider-core";
import { type Diagnostic, Diagnostics } from "../framework/diagnostics";
import { AttributePath } from "../framework/path";
import type { PlanAction } from "../framework/plan";
import { dataSourcesOf, type Logger, silentLogger, type ProviderDefinition } from "../framework/resource";
import { type ObjectValue, type Value, isObject, isUnknown, isWhollyKnown, valuesEqual } from "../framework/value";
import type { Attributes } from "../framework/schema";
import { writeOnlyPaths } from "../framework/write-only";
import { providers } from "../providers";
import { readDataSources } from "./data-sources";
import { checkEphemeralUse } from "./ephemeral";
import { evaluate, type Scope, variableValues } from "./evaluate";
import { loadStack, type KnownProviders, type Stack, type StackResource } from "./stack";
import { emptyState, readStateFile, type StateDocument, type StateInstance, type StateResource, writeStateFile } from "./state-file";
import { checkStateDocument } from "./state-checks";
import { localStore } from "./state-store/local-store";
import { BackendSettingsError, openStateStore } from "./state-store/open-store";
import type { StateStore } from "./state-store/state-store";
import { closest } from "./suggest";
import { conform, ctyTypeOfValue, sensitivePaths, toStateJson } from "./state-values";

export interface EngineOptions {
  /** `--var name=value` pairs (they beat TF_VAR_* and defaults). */
  readonly vars?: Readonly<Record<string, string>>;
  readonly env?: NodeJS.ProcessEnv;
  /** Operations in flight at once during apply (Terraform's default: 10). */
  readonly parallelism?: number;
  readonly log?: Logger;
  /** Plan the destruction of everything in state. */
  readonly destroy?: boolean;
  /** Progress of apply, one event per operation start and end. */
  readonly onProgress?: (event: ProgressEvent) => void;
  /** Aborting stops scheduling new operations; in-flight ones finish and are recorded. */
  readonly signal?: AbortSignal;
  /** Terraform's -target: plan only these resources (or instances) and what they depend on. */
  readonly targets?: readonly string[];
  /** Terraform's -replace: plan these instances as replaced although nothing forces it. */
  readonly replace?: readonly string[];
  /** Terraform's -refresh=false: plan from the state as it is, without reading the remote objects. */
  readonly refresh?: boolean;
  /** Terraform's -refresh-only: only bring the state up to date with the remote objects; change none. */
  readonly refreshOnly?: boolean;
  /** Terraform's -lock-timeout: how long to wait for a state lock another run holds. */
  readonly lockTimeoutMs?: number;
}

export interface ProgressEvent {
  readonly address: string;
  readonly action: "create" | "update" | "delete" | "replace" | "read";
  readonly phase: "start" | "done" | "failed";
  readonly elapsedMs?: number;
  readonly id?: string;
}

export interface InstanceChange {
  /** `type.name` or `type.name[i]`. */
  readonly address: string;
  readonly resource: string;
  readonly type: string;
  readonly index?: number;
  readonly providerKey: string;
  readonly constructPath: string;
  readonly action: PlanAction;
  /** Refreshed prior state (null to create). */
  readonly before: ObjectValue | null;
  /** Planned new state, with unknowns for what the server computes (null to delete). */
  readonly after: ObjectValue | null;
  readonly changed: readonly string[];
  readonly requiresReplace: readonly string[];
  readonly createBeforeDestroy: boolean;
  /** Resource addresses this instance depends on. */
  readonly dependencies: readonly string[];
  /** Attribute paths that are sensitive (for display). */
  readonly sensitive: readonly string[];
  /** Write-only attribute paths the configuration sets (shown as "(write-only attribute)", never stored). */
  readonly writeOnly?: readonly string[];
  /** Set when an `import` block brings this object into state with this plan (no API write for that). */
  readonly importId?: string;
  /** Terraform's action_reason when it is not implied (e.g. `replace_by_request` for -replace). */
  readonly actionReason?: string;
  /** A delete because the configuration no longer declares the instance. */
  readonly orphan?: boolean;
}

/** A change found by refresh that the configuration did not cause. */
export interface Drift {
  readonly address: string;
  readonly gone: boolean;
  readonly changed: readonly string[];
  readonly before: ObjectValue;
  readonly after: ObjectValue | null;
}

export interface PlannedOutput {
  readonly name: string;
  readonly value: Value;
  readonly sensitive: boolean;
}

export interface EnginePlan {
  readonly formatVersion: 1;
  readonly stackDir: string;
  readonly statePath: string;
  readonly lineage: string;
  readonly serial: number;
  /** Digest of the stack files: a saved plan is refused when the configuration changed since. */
  readonly configDigest: string;
  readonly destroy: boolean;
  /**
   * Variable values the plan was made with; a saved plan holds them (secrets included, like Terraform's) —
   * except ephemeral ones, which apply must be given again (see ephemeralVariables).
   */
  readonly variables: Record<string, Value>;
  /** Ephemeral variables set for this plan: names only, their values are never written anywhere. */
  readonly ephemeralVariables?: readonly string[];
  /** What the data sources read at plan time, by `data.type.name`: apply evaluates references to them from here. */
  readonly data?: Readonly<Record<string, Value>>;
  /** When the plan was made (ISO 8601). */
  readonly timestamp?: string;
  /** A -refresh-only plan: applying it records what refresh found and changes no object. */
  readonly refreshOnly?: boolean;
  readonly changes: readonly InstanceChange[];
  readonly drift: readonly Drift[];
  /** State after refresh: what apply starts from. */
  readonly refreshed: StateDocument;
  readonly outputs: readonly PlannedOutput[];
  readonly diagnostics: readonly Diagnostic[];
}

export interface ApplyResult {
  readonly applied: number;
  readonly failed: number;
  readonly interrupted: boolean;
  readonly outputs: readonly PlannedOutput[];
  readonly diagnostics: readonly Diagnostic[];
}

type AnyDefinition = ProviderDefinition<unknown>;
const DEFINITIONS: readonly AnyDefinition[] = Object.values(providers) as AnyDefinition[];
const schemaVersionOf = (type: string): number | undefined => {
  const r = DEFINITIONS.flatMap((d) => d.resources).find((x) => x.typeName === type);
  return r ? (r.version ?? 0) : undefined;
};
export const KNOWN: KnownProviders = Object.fromEntries(
  DEFINITIONS.map((d) => [d.name, { source: d.source, resourceTypes: d.resources.map((r) => r.typeName), dataSourceTypes: dataSourcesOf(d).map((x) => x.typeName) }]),
);

export const hasChanges = (p: EnginePlan): boolean =>
  p.refreshOnly ? p.drift.length > 0 : p.changes.some((c) => c.action !== "noop" || c.importId !== undefined) || outputsChanged(p);

function outputsChanged(p: EnginePlan): boolean {
  const before = p.refreshed.outputs;
  return p.outputs.some((o) => !(o.name in before) || !valuesEqual(before[o.name].value as Value, o.value)) || Object.keys(before).some((n) => !p.outputs.some((o) => o.name === n));
}

// ------------------------------------------------------------------------------------------------------ plan

export async function plan(stackDir: string, options: EngineOptions = {}): Promise<EnginePlan> {
  const diags = new Diagnostics();
  const env = options.env ?? process.env;
  const log = options.log ?? silentLogger;
  const stack = loadStack(stackDir, KNOWN, diags);
  const empty = (state?: StateDocument): EnginePlan => ({
    formatVersion: 1,
    stackDir,
    statePath: stack?.statePath ?? "",
    lineage: state?.lineage ?? "",
    serial: state?.serial ?? 0,
    configDigest: stack ? digest(stack) : "",
    destroy: options.destroy === true,
    variables: {},
    ephemeralVariables: [],
    changes: [],
    drift: [],
    refreshed: state ?? emptyState(),
    outputs: [],
    diagnostics: diags.toArray(),
  });
  if (!stack || diags.hasError()) return empty();

  const vars = variableValues(stack.variables, options.vars ?? {}, env);
  for (const name of vars.missing) diags.error("No Value for Required Variable", `var.${name} has no default: set it with --var ${name}=…, or TF_VAR_${name}.`);
  for (const e of vars.errors) diags.error("Invalid Variable Value", e);
  checkEphemeralUse(stack, attributesOfType, diags);
  if (diags.hasError()) return empty();

  // Everything that needs configuration alone is checked before any API call.
  const cores = makeCores(stack, vars.values, env, log, diags);
  const counts = new Map<string, number | undefined>();
  for (const r of stack.resources) counts.set(r.address, countOf(r, vars.values, diags));
  if (diags.hasError()) return empty();
  for (const r of stack.resources) {
    for (const index of indexes(counts.get(r.address))) {
      const config = evaluateConfig(r, index, { variables: vars.values, instance: () => undefined, countOf: (a) => counts.get(a) }, diags);
      const core = cores.get(r.provider);
      if (config && core) prefix(diags, r.constructPath, core.validateResourceConfig(r.type, config));
    }
  }
  for (const d of stack.dataSources) {
    const core = cores.get(d.provider);
    const config = evaluateConfig(d, undefined, { variables: vars.values, instance: () => undefined, countOf: (a) => counts.get(a) }, diags);
    if (config && core) prefix(diags, d.constructPath, core.validateDataSourceConfig(d.type, config));
  }
  if (diags.hasError()) return empty();

  for (const [key, core] of cores) prefix(diags, `provider.${key}`, core.configure(providerConfig(stack, key, vars.values)));
  if (diags.hasError()) return empty();

  const store = await openStore(stack, env, diags);
  if (!store) return empty();
  try {
    // Plans lock too (as terraform's do): a plan never reads a state an apply is halfway through writing.
    const lock = await store.lock(options.destroy ? "plan -destroy" : "plan", options.lockTimeoutMs ?? 0, diags);
    if (!lock) return empty();
    try {
      return await planLocked({ stack, options, variables: vars.values, counts, cores, diags, empty, log, env, store });
    } finally {
      await lock.release();
    }
  } finally {
    await store.close();
    await closeCores(cores);
  }
}

/** What planning one stack needs, in one place. */
interface PlanContext {
  readonly stack: Stack;
  readonly options: EngineOptions;
  readonly variables: Map<string, Value>;
  readonly counts: Map<string, number | undefined>;
  readonly cores: Map<string, ProviderCore<unknown>>;
  readonly diags: Diagnostics;
  readonly empty: (state?: StateDocument) => EnginePlan;
  readonly log: Logger;
  readonly env: NodeJS.ProcessEnv;
  readonly store: StateStore;
}

async function planLocked(ctx: PlanContext): Promise<EnginePlan> {
  const { stack, options, variables, counts, cores, diags, empty, log, env, store } = ctx;
  const stackDir = stack.dir;
  // Values of sensitive (and ephemeral) variables are never shown, whatever attribute they end up in.
  const secrets = stack.variables.filter((v) => v.sensitive || v.ephemeral).map((v) => variables.get(v.name)).filter((v): v is string => typeof v === "string" && v.length >= 4);
  const state = await store.read();
  checkStateDocument(state, store.description, schemaVersionOf, diags);
  if (diags.hasError()) return empty(state);
  const refreshed = structuredClone(state);
  await adoptIntents(stack, refreshed, cores, diags);
  const imported = await importBlocks(stack, refreshed, cores, variables, diags);
  const drift: Drift[] = [];
  const priorOf = new Map<string, ObjectValue>();
  const stateDeps = new Map<string, string[]>();

  // Refresh every instance in state, in parallel (reads share one list call per API).
  const tasks: (() => Promise<void>)[] = [];
  for (const res of refreshed.resources) {
    if (res.mode !== "managed") continue;
    const core = coreFor(cores, res, env, log);
    const def = core?.resource(res.type);
    if (!core || !def) {
      diags.error("Unsupported Resource In State", `${res.type}.${res.name} in ${stack.statePath} does not belong to vaultbridge's providers; run this stack with Terraform.`);
      continue;
    }
    for (const inst of res.instances) {
      const address = instanceAddress(res, inst);
      stateDeps.set(address, inst.dependencies ?? []);
      tasks.push(async () => {
        const before = conform(def.attributes, inst.attributes);
        if (options.refresh === false) {
          priorOf.set(address, before);
          return;
        }
        const r = await core.readResource(res.type, before);
        prefix(diags, address, r.diagnostics);
        if (r.diagnostics.hasError()) return;
        if (r.state === null) {
          drift.push({ address, gone: true, changed: [], before, after: null });
          inst.attributes = {};
          return;
        }
        const changed = diffLeaves(before, r.state);
        if (changed.length) drift.push({ address, gone: false, changed, before, after: r.state });
        inst.attributes = toStateJson(r.state);
        priorOf.set(address, r.state);
      });
    }
  }
  await runLimited(tasks, options.parallelism ?? 10);
  // Objects deleted outside leave state (and are planned for creation).
  for (const res of refreshed.resources) res.instances = res.instances.filter((i) => Object.keys(i.attributes).length > 0);
  refreshed.resources = refreshed.resources.filter((r) => r.instances.length > 0);
  if (diags.hasError()) return { ...empty(state), drift };

  const data = await readDataSources(stack, cores, { variables, countOf: (a: string) => counts.get(a) }, diags);
  if (diags.hasError()) return { ...empty(state), drift };

  // Plan every configured instance in dependency order; unknown references stay unknown.
  const changes: InstanceChange[] = [];
  const plannedValue = new Map<string, Value>();
  const scopeBase = { variables, countOf: (a: string) => counts.get(a), instance: (a: string) => (a.startsWith("data.") ? data.get(a) : plannedValue.get(a)) };
  const configured = new Set<string>();
  const scope = targetScope(stack, options.targets);
  if (scope) diags.warning("Resource Targeting Is In Effect", `Only ${[...(options.targets ?? [])].join(", ")} and what they depend on are planned: the plan may be incomplete. Use -target for exceptional situations, not routinely.`);
  const replaceRequested = new Set(options.replace ?? []);
  for (const r of topological(stack.resources)) {
    const core = cores.get(r.provider)!;
    for (const index of indexes(counts.get(r.address))) {
      const address = index === undefined ? r.address : `${r.address}[${index}]`;
      configured.add(address);
      const prior = priorOf.get(address) ?? null;
      if (options.destroy) continue;
      if ((scope && !scope.has(r.address)) || options.refreshOnly) {
        // Not planned: it keeps what the (refreshed) state says, and references to it read that.
        plannedValue.set(address, prior);
        if (options.refreshOnly && prior) changes.push(unchanged(address, r, index, prior, core));
        continue;
      }
      const evaluated = evaluateConfig(r, index, { ...scopeBase, countIndex: index }, diags);
      if (!evaluated) continue;
      const config = ignoreChanges(evaluated, prior, r);
      let p = core.planResourceChange(r.type, prior, config);
      let actionReason: string | undefined;
      if (replaceRequested.has(address) && prior && p.planned && !p.diagnostics.hasError()) {
        // -replace: planned as a new object (the create half of a replacement), whatever changed.
        const fresh = core.planResourceChange(r.type, null, config);
        p = { ...fresh, action: "replace", requiresReplace: [], changed: p.changed };
        actionReason = "replace_by_request";
      }
      prefix(diags, r.constructPath, p.diagnostics);
      if (p.diagnostics.hasError()) continue;
      const change: InstanceChange = {
        address,
        resource: r.address,
        type: r.type,
        index,
        providerKey: r.provider,
        constructPath: r.constructPath,
        action: p.action,
        before: prior,
        after: p.planned,
        changed: p.changed.map(String),
        requiresReplace: p.requiresReplace.map(String),
        createBeforeDestroy: r.lifecycle.createBeforeDestroy,
        dependencies: r.dependencies,
        sensitive: [...new Set([...sensitiveOf(core, r.type), ...pathsHolding(secrets, prior), ...pathsHolding(secrets, p.planned)])],
        writeOnly: writeOnlySet(core, r.type, config),
        ...(imported.has(address) ? { importId: imported.get(address) } : {}),
        ...(actionReason ? { actionReason } : {}),
      };
      if ((p.action === "replace" || p.action === "delete") && r.lifecycle.preventDestroy) {
        diags.error("Instance Cannot Be Destroyed", `${r.constructPath}: ${address} has lifecycle.prevent_destroy set, but the plan would ${p.action === "replace" ? `replace it (${change.requiresReplace.join(", ")} changed)` : "destroy it"}. Remove prevent_destroy or change the plan.`);
      }
      changes.push(change);
      plannedValue.set(address, p.planned ?? null);
    }
  }

  // Instances in state without configuration (or everything, when destroying) are deleted.
  for (const res of refreshed.resources) {
    for (const inst of res.instances) {
      const address = instanceAddress(res, inst);
      if (configured.has(address) && !options.destroy) continue;
      if (options.refreshOnly || (options.targets && !options.targets.some((t) => t === address || t === `${res.type}.${res.name}`))) continue;
      const core = coreFor(cores, res, env, log);
      const declared = stack.resources.find((r) => r.address === `${res.type}.${res.name}`);
      if (options.destroy && declared?.lifecycle.preventDestroy) {
        diags.error("Instance Cannot Be Destroyed", `${declared.constructPath}: ${address} has lifecycle.prevent_destroy set.`);
      }
      changes.push({
        address,
        resource: `${res.type}.${res.name}`,
        type: res.type,
        index: typeof inst.index_key === "number" ? inst.index_key : undefined,
        providerKey: providerKeyOf(res),
        constructPath: declared?.constructPath ?? address,
        action: "delete",
        before: priorOf.get(address) ?? null,
        after: null,
        changed: [],
        requiresReplace: [],
        createBeforeDestroy: false,
        dependencies: stateDeps.get(address) ?? [],
        sensitive: core ? sensitiveOf(core, res.type) : [],
        orphan: !options.destroy,
      });
    }
  }

  const outputs = options.destroy ? [] : evaluateOutputs(stack, { ...scopeBase }, diags);
  const ephemeral = stack.variables.filter((v) => v.ephemeral && variables.has(v.name)).map((v) => v.name);
  const result: EnginePlan = {
    formatVersion: 1,
    stackDir,
    statePath: stack.statePath,
    lineage: state.lineage,
    serial: state.serial,
    configDigest: digest(stack),
    destroy: options.destroy === true,
    variables: Object.fromEntries([...variables].filter(([name]) => !ephemeral.includes(name))),
    ephemeralVariables: ephemeral,
    data: Object.fromEntries(data),
    timestamp: new Date().toISOString(),
    ...(options.refreshOnly ? { refreshOnly: true } : {}),
    changes: diags.hasError() ? [] : changes,
    drift,
    refreshed,
    outputs,
    diagnostics: diags.toArray(),
  };
  // Kept beside the plan in memory only: an in-process apply of this plan needs no second copy of them.
  ephemeralValues.set(result, new Map(ephemeral.map((name) => [name, variables.get(name) ?? null])));
  return result;
}

/** Ephemeral variable values of plans made in this process (a saved plan file never holds them). */
const ephemeralValues = new WeakMap<EnginePlan, ReadonlyMap<string, Value>>();

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

// ------------------------------------------------------------------------------------------------------ apply

export async function apply(p: EnginePlan, options: EngineOptions = {}): Promise<ApplyResult> {
  const diags = new Diagnostics();
  if (p.diagnostics.some((d) => d.severity === "error")) {
    return { applied: 0, failed: 0, interrupted: false, outputs: [], diagnostics: [...p.diagnostics] };
  }
  const env = options.env ?? process.env;
  const log = options.log ?? silentLogger;
  const result = { applied: 0, failed: 0, interrupted: false };
  const stack = loadStack(p.stackDir, KNOWN, new Diagnostics());
  const store = stack ? await openStore(stack, env, diags) : localStore(p.statePath);
  if (!store) return { ...result, outputs: [], diagnostics: diags.toArray() };
  const lock = await store.lock(p.destroy ? "destroy" : "apply", options.lockTimeoutMs ?? 0, diags);
  if (!lock) {
    await store.close();
    return { ...result, outputs: [], diagnostics: diags.toArray() };
  }
  const cores = new Map<string, ProviderCore<unknown>>();
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
    const counts = new Map<string, number | undefined>();
    for (const r of stack.resources) counts.set(r.address, countOf(r, variables, diags));
    const byAddress = new Map(stack.resources.map((r) => [r.address, r]));
    const scope: Scope = { variables, countOf: (a) => counts.get(a), instance: (a) => (a.startsWith("data.") ? p.data?.[a] : book.value(a) ?? undefined) };

    const work = p.changes.filter((c) => c.action !== "noop");
    const done = new Set<string>();
    const failed = new Set<string>();
    const run = async (c: InstanceChange): Promise<void> => {
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
            await book.persist();
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
            await book.persist();
          }
          const creating = replaceNow || prior === null;
          const intent = creating ? book.intend(c, core, finalPlan.planned) : null;
          const res = await core.applyResourceChange(c.type, creating ? null : prior, finalPlan.planned, finalConfig);
          opDiags.addAll(res.diagnostics);
          if (res.state) {
            book.put(c, res.state, r, core);
            await book.persist();
            // Recorded in state now: the create intent for this address (ours, or an adopted one) is settled.
            book.fulfil({ address: c.address });
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

    // Creates and updates wait for what they depend on; deletes wait for the deletes of their dependents.
    const waitsFor = (c: InstanceChange): string[] => {
      if (c.action === "delete") {
        return work.filter((o) => o.action === "delete" && o !== c && o.dependencies.some((d) => d === c.resource || d.startsWith(`${c.resource}[`))).map((o) => o.address);
      }
      return work.filter((o) => o !== c && o.action !== "delete" && c.dependencies.includes(o.resource)).map((o) => o.address);
    };
    await schedule(work, waitsFor, run, done, failed, options.parallelism ?? 10, options.signal, () => {
      result.interrupted = true;
    });

    const outputs = p.destroy ? [] : evaluateOutputs(stack, scope, diags);
    book.setOutputs(outputs);
    await book.flush();
    return { ...result, outputs, diagnostics: diags.toArray() };
  } finally {
    await closeCores(cores);
    await lock.release();
    await store.close();
  }
}

// ------------------------------------------------------------------------------------------------------ import

/** `vaultbridge import <address> <id>`: finds the object and records it in state (secrets come from config later). */
export async function importResource(stackDir: string, address: string, id: string, options: EngineOptions = {}): Promise<readonly Diagnostic[]> {
  const diags = new Diagnostics();
  const env = options.env ?? process.env;
  const log = options.log ?? silentLogger;
  const stack = loadStack(stackDir, KNOWN, diags);
  if (!stack || diags.hasError()) return diags.toArray();
  const m = /^([^.[]+)\.([^.[]+)(?:\[(\d+)\])?$/.exec(address);
  const r = m ? stack.resources.find((x) => x.type === m[1] && x.name === m[2]) : undefined;
  if (!m || !r) {
    const typo = closest(address.replace(/\[\d+\]$/, ""), stack.resources.map((x) => x.address));
    diags.error("Resource Not In Configuration", typo ? `${address} is not declared in the stack: did you mean ${typo}?` : `${address} is not declared in the stack; declare it first, then import (as with terraform import).`);
    return diags.toArray();
  }
  const vars = variableValues(stack.variables, options.vars ?? {}, env);
  const core = newCore(r.provider, env, log);
  if (!core) return diags.error("Unknown Provider", `No provider configuration "${r.provider}".`).toArray();
  prefix(diags, `provider.${r.provider}`, core.configure(providerConfig(stack, r.provider, vars.values)));
  if (diags.hasError()) return diags.toArray();
  const store = await openStore(stack, env, diags);
  const lock = store ? await store.lock("import", options.lockTimeoutMs ?? 0, diags) : null;
  if (!store || !lock) {
    await core.close();
    await store?.close();
    return diags.toArray();
  }
  try {
    const state = await store.read();
    checkStateDocument(state, store.description, schemaVersionOf, diags);
    if (diags.hasError()) return diags.toArray();
    const book = new StateBook(stack.statePath, state, store);
    if (book.value(address)) {
      diags.error("Resource Already Managed", `${address} is already in the state; remove it from the state first to import another object there.`);
      return diags.toArray();
    }
    const imported = await core.importResourceState(r.type, id);
    diags.addAll(imported.diagnostics);
    if (!imported.state) return diags.toArray();
    const read = await core.readResource(r.type, imported.state);
    diags.addAll(read.diagnostics);
    if (!read.state) return diags.error("Cannot Import Non-Existent Remote Object", `${id} disappeared while importing.`).toArray();
    const index = m[3] === undefined ? undefined : Number(m[3]);
    book.put({ address, resource: r.address, type: r.type, index, providerKey: r.provider }, read.state, r, core);
    await book.flush();
    return diags.toArray();
  } finally {
    await core.close();
    await lock.release();
    await store.close();
  }
}

// ------------------------------------------------------------------------------------------------------ helpers

/** The working state during apply: instances by address, written atomically after every change. */
class StateBook {
  private doc: StateDocument;
  private readonly intents: CreateIntents;
  private pending: Promise<void> | null = null;
  private writing: Promise<void> = Promise.resolve();

  /** `store` is where flush writes (absent for a book that only assembles a state in memory). */
  constructor(
    path: string,
    start: StateDocument,
    private readonly store?: StateStore,
  ) {
    this.doc = structuredClone(start);
    this.intents = intentsBeside(path);
  }

  value(address: string): ObjectValue | null {
    const hit = this.find(address);
    return hit ? (hit.inst.attributes as ObjectValue) : null;
  }

  put(c: Pick<InstanceChange, "address" | "resource" | "type" | "index" | "providerKey">, state: ObjectValue, r: StackResource, core: ProviderCore<unknown>): void {
    const [type, name] = c.resource.split(".");
    let res = this.doc.resources.find((x) => x.type === type && x.name === name && x.mode === "managed");
    if (!res) {
      res = { mode: "managed", type, name, provider: providerAddress(core.definition.source, c.providerKey), instances: [] };
      if (c.index !== undefined) res.each = "list";
      this.doc.resources.push(res);
    }
    const def = core.resource(c.type);
    const inst: StateInstance = {
      schema_version: def?.version ?? 0,
      attributes: toStateJson(state),
      sensitive_attributes: def ? sensitivePaths(def.attributes) : [],
      dependencies: [...r.dependencies].sort(),
      ...(c.index !== undefined ? { index_key: c.index } : {}),
      ...(r.lifecycle.createBeforeDestroy ? { create_before_destroy: true } : {}),
    };
    const i = res.instances.findIndex((x) => (x.index_key ?? undefined) === c.index);
    if (i >= 0) res.instances[i] = inst;
    else res.instances.push(inst);
    res.instances.sort((a, b) => Number(a.index_key ?? 0) - Number(b.index_key ?? 0));
  }

  snapshot(): StateDocument {
    return structuredClone(this.doc);
  }

  remove(address: string): void {
    const hit = this.find(address);
    if (!hit) return;
    hit.res.instances = hit.res.instances.filter((x) => x !== hit.inst);
    this.doc.resources = this.doc.resources.filter((r) => r.instances.length > 0);
  }

  setOutputs(outputs: readonly PlannedOutput[]): void {
    this.doc.outputs = Object.fromEntries(
      outputs.filter((o) => isWhollyKnown(o.value) && o.value !== null).map((o) => [o.name, { value: o.value, type: ctyTypeOfValue(o.value), ...(o.sensitive ? { sensitive: true } : {}) }]),
    );
  }

  /** Records that a create is about to be sent, so a killed run can be recovered (see adoptIntents). */
  intend(c: InstanceChange, core: ProviderCore<unknown>, planned: ObjectValue): { address: string } | null {
    const importId = core.resource(c.type)?.importIdOf?.(planned);
    if (!importId) return null;
    this.intents.record(c.address, { type: c.type, providerKey: c.providerKey, importId });
    return { address: c.address };
  }

  fulfil(intent: { address: string }): void {
    this.intents.settle(intent.address);
  }

  /** Writes the state now (the first write of a run also keeps the previous file as the backup). */
  flush(): Promise<void> {
    // Writes go one after another (a store's write is async); each takes the state as it is when it starts.
    const write = this.writing.then(async () => {
      if (!this.store) return;
      const written = await this.store.write(this.doc);
      this.doc.serial = written.serial;
      this.doc.terraform_version = written.terraform_version;
    });
    this.writing = write.catch(() => undefined);
    return write;
  }

  /**
   * Persists every change made so far; operations that finish in the same turn share one write (a state of 1000
   * instances costs ~10 ms to write). Resolves once written: an operation counts as done only then.
   */
  persist(): Promise<void> {
    this.pending ??= new Promise((resolve, reject) =>
      setImmediate(() => {
        this.pending = null;
        this.flush().then(resolve, reject);
      }),
    );
    return this.pending;
  }

  private find(address: string): { res: StateResource; inst: StateInstance } | null {
    for (const res of this.doc.resources) {
      for (const inst of res.instances) if (instanceAddress(res, inst) === address) return { res, inst };
    }
    return null;
  }
}

/**
 * A run killed between sending a create and recording its result leaves the object on the server and an intent
 * beside the state. Before refreshing, each such object is looked up by name and adopted into the state, so the
 * next apply completes the stack without a duplicate. An intent whose address the state records is only settled.
 */
async function adoptIntents(stack: Stack, state: StateDocument, cores: Map<string, ProviderCore<unknown>>, diags: Diagnostics): Promise<void> {
  const intents = intentsBeside(stack.statePath).all();
  if (intents.size === 0) return;
  const book = new StateBook(stack.statePath, state);
  for (const [address, intent] of intents) {
    const r = stack.resources.find((x) => address === x.address || address.startsWith(`${x.address}[`));
    // Recorded in state already: the run died after writing the state and before settling the intent.
    if (book.value(address)) {
      book.fulfil({ address });
      continue;
    }
    const providerKey = intent.providerKey;
    const core = providerKey === undefined ? undefined : cores.get(providerKey);
    if (!r || !core || providerKey === undefined) continue;
    const found = await core.importResourceState(intent.type, intent.importId);
    if (!found.state) continue;
    const index = /\[(\d+)\]$/.exec(address)?.[1];
    book.put({ address, resource: r.address, type: intent.type, index: index === undefined ? undefined : Number(index), providerKey }, found.state, r, core);
    diags.warning("Adopted An Interrupted Create", `${r.constructPath}: ${address} was being created when an earlier run stopped; the object it created (${intent.importId}) is adopted instead of created again.`);
  }
  Object.assign(state, book.snapshot());
}

/**
 * `import` blocks: each target not yet in state is looked up by its import id and read into `state` (the refreshed
 * state apply starts from), so the plan treats it as existing — an import, then whatever update the configuration
 * asks for. Nothing is written to the API for the import itself. Returns the imported addresses and their ids.
 */
async function importBlocks(stack: Stack, state: StateDocument, cores: Map<string, ProviderCore<unknown>>, variables: ReadonlyMap<string, Value>, diags: Diagnostics): Promise<Map<string, string>> {
  const imported = new Map<string, string>();
  if (stack.imports.length === 0) return imported;
  const book = new StateBook(stack.statePath, state);
  for (const i of stack.imports) {
    const r = stack.resources.find((x) => x.address === i.to.replace(/\[\d+\]$/, ""));
    const core = r ? cores.get(r.provider) : undefined;
    if (!r || !core || book.value(i.to)) continue; // already managed: the import block has nothing left to do
    const id = evaluate(i.id, { variables, instance: () => undefined, countOf: () => undefined });
    if (typeof id !== "string" || id.trim() === "") {
      diags.error("Invalid Import Id", `import block for ${i.to}: the id must be a non-empty string known at plan time.`);
      continue;
    }
    const found = await core.importResourceState(r.type, id);
    prefix(diags, `${r.constructPath} (import ${JSON.stringify(id)})`, found.diagnostics);
    if (!found.state) continue;
    const read = await core.readResource(r.type, found.state);
    prefix(diags, r.constructPath, read.diagnostics);
    if (!read.state) continue;
    const index = /\[(\d+)\]$/.exec(i.to)?.[1];
    book.put({ address: i.to, resource: r.address, type: r.type, index: index === undefined ? undefined : Number(index), providerKey: r.provider }, read.state, r, core);
    imported.set(i.to, id);
  }
  Object.assign(state, book.snapshot());
  return imported;
}

/** The engine's intents, keyed by address, beside the state (`terraform.tfstate.intents.json`). */
function intentsBeside(statePath: string): CreateIntents {
  return new CreateIntents(`${statePath}.intents.json`);
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

function makeCores(stack: Stack, variables: ReadonlyMap<string, Value>, env: NodeJS.ProcessEnv, log: Logger, diags: Diagnostics): Map<string, ProviderCore<unknown>> {
  const cores = new Map<string, ProviderCore<unknown>>();
  const keys = new Set([...stack.providers.map((p) => p.key), ...stack.resources.map((r) => r.provider)]);
  for (const key of keys) {
    const core = newCore(key, env, log);
    if (!core) {
      const name = key.split(".")[0];
      const typo = closest(name, DEFINITIONS.map((d) => d.name));
      diags.error("Unknown Provider Configuration", `Resources refer to provider "${key}", which is not one of vaultbridge's (${DEFINITIONS.map((d) => d.name).join(", ")}).${typo ? ` Did you mean "${typo}"?` : ""}`);
      continue;
    }
    if (key.includes(".") && !stack.providers.some((p) => p.key === key)) {
      diags.error("Unknown Provider Configuration", `Resources refer to provider "${key}", but no provider block declares that alias.`);
      continue;
    }
    prefix(diags, `provider.${key}`, core.validateProviderConfig(providerConfig(stack, key, variables)));
    cores.set(key, core);
  }
  return cores;
}

function newCore(key: string, env: NodeJS.ProcessEnv, log: Logger): ProviderCore<unknown> | null {
  const def = DEFINITIONS.find((d) => d.name === key.split(".")[0]);
  return def ? new ProviderCore(def, { env, log }) : null;
}

function providerConfig(stack: Stack, key: string, variables: ReadonlyMap<string, Value>): Value {
  const pc = stack.providers.find((p) => p.key === key);
  return pc ? evaluate(pc.config, { variables, instance: () => undefined, countOf: () => undefined }) : {};
}

function coreFor(cores: Map<string, ProviderCore<unknown>>, res: StateResource, env: NodeJS.ProcessEnv, log: Logger): ProviderCore<unknown> | null {
  const key = providerKeyOf(res);
  const existing = cores.get(key);
  if (existing) return existing;
  const core = newCore(key, env, log);
  if (core) {
    core.configure({});
    cores.set(key, core);
  }
  return core;
}

/** `provider["registry.terraform.io/vaultbridge/infisical"].eu` → `infisical.eu`. */
function providerKeyOf(res: StateResource): string {
  const m = /^provider\["[^"]*\/([^"/]+)"\](?:\.(.+))?$/.exec(res.provider);
  return m ? (m[2] ? `${m[1]}.${m[2]}` : m[1]) : res.provider;
}

function providerAddress(source: string, key: string): string {
  const alias = key.split(".")[1];
  return `provider["${source}"]${alias ? `.${alias}` : ""}`;
}

function instanceAddress(res: StateResource, inst: StateInstance): string {
  const base = `${res.type}.${res.name}`;
  return inst.index_key === undefined ? base : typeof inst.index_key === "number" ? `${base}[${inst.index_key}]` : `${base}["${inst.index_key}"]`;
}

function countOf(r: StackResource, variables: ReadonlyMap<string, Value>, diags: Diagnostics): number | undefined {
  if (r.count === undefined) return undefined;
  const v = evaluate(r.count, { variables, instance: () => undefined, countOf: () => undefined });
  if (typeof v !== "number" || !Number.isInteger(v) || v < 0) {
    // The value is not quoted: it may come from a sensitive variable.
    diags.error("Invalid Count", `${r.constructPath}: count must be a whole number ≥ 0.`);
    return 0;
  }
  return v;
}

const indexes = (count: number | undefined): (number | undefined)[] => (count === undefined ? [undefined] : Array.from({ length: count }, (_, i) => i));

function evaluateConfig(r: Pick<StackResource, "config" | "constructPath">, index: number | undefined, scope: Scope, diags: Diagnostics): Value | null {
  try {
    return evaluate(r.config, { ...scope, countIndex: index });
  } catch (err) {
    diags.error("Invalid Reference", `${r.constructPath}: ${err instanceof Error ? err.message : String(err)}`);
    return null;
  }
}

/** lifecycle.ignore_changes: the prior value stands in for the configured one at each ignored path. */
function ignoreChanges(config: Value, prior: ObjectValue | null, r: StackResource): Value {
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

function evaluateOutputs(stack: Stack, scope: Scope, diags: Diagnostics): PlannedOutput[] {
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

/** The stack's state store; a backend that cannot be opened is a diagnostic naming it (never its password). */
async function openStore(stack: Stack, env: NodeJS.ProcessEnv, diags: Diagnostics): Promise<StateStore | null> {
  try {
    return await openStateStore(stack, env);
  } catch (err) {
    if (!(err instanceof BackendSettingsError) && !(err instanceof Error)) throw err;
    diags.error("State Backend Unavailable", `${err.message}.`);
    return null;
  }
}

/** The resources a -target plan covers: the targets and, transitively, what they depend on. Null without -target. */
function targetScope(stack: Stack, targets: readonly string[] | undefined): Set<string> | null {
  if (!targets || targets.length === 0) return null;
  const byAddress = new Map(stack.resources.map((r) => [r.address, r]));
  const scope = new Set<string>();
  const visit = (a: string): void => {
    const r = byAddress.get(a);
    if (!r || scope.has(a)) return;
    scope.add(a);
    r.dependencies.forEach(visit);
  };
  for (const t of targets) visit(t.replace(/\[\d+\]$/, ""));
  return scope;
}

/** A no-op change for an instance a -refresh-only plan leaves as refresh found it. */
function unchanged(address: string, r: StackResource, index: number | undefined, prior: ObjectValue, core: ProviderCore<unknown>): InstanceChange {
  return {
    address,
    resource: r.address,
    type: r.type,
    index,
    providerKey: r.provider,
    constructPath: r.constructPath,
    action: "noop",
    before: prior,
    after: prior,
    changed: [],
    requiresReplace: [],
    createBeforeDestroy: r.lifecycle.createBeforeDestroy,
    dependencies: r.dependencies,
    sensitive: sensitiveOf(core, r.type),
  };
}

function attributesOfType(type: string): Attributes | undefined {
  for (const d of DEFINITIONS) for (const r of d.resources) if (r.typeName === type) return r.attributes;
  return undefined;
}

/** The write-only attribute paths `config` sets (a known or unknown value, never null). */
function writeOnlySet(core: ProviderCore<unknown>, type: string, config: Value): string[] {
  const def = core.resource(type);
  if (!def) return [];
  return writeOnlyPaths(def.attributes).filter((path) => {
    let v: Value = config;
    for (const step of path.steps) v = step.kind === "attribute" && isObject(v) ? (v[step.name] ?? null) : null;
    return v !== null;
  }).map(String);
}

function sensitiveOf(core: ProviderCore<unknown>, type: string): string[] {
  const def = core.resource(type);
  return def ? sensitivePaths(def.attributes).map((p) => p.map((s) => s.value).join(".")) : [];
}

/** Attribute paths whose value contains one of `secrets` (so the renderer shows "(sensitive value)"). */
function pathsHolding(secrets: readonly string[], v: Value, path = ""): string[] {
  if (secrets.length === 0 || v === null) return [];
  if (isObject(v)) return Object.entries(v).flatMap(([k, x]) => pathsHolding(secrets, x, path ? `${path}.${k}` : k));
  return typeof v === "string" && secrets.some((s) => v.includes(s)) ? [path] : [];
}

function diffLeaves(a: Value, b: Value, path = ""): string[] {
  if (isObject(a) && isObject(b)) {
    return [...new Set([...Object.keys(a), ...Object.keys(b)])].flatMap((k) => diffLeaves(a[k] ?? null, b[k] ?? null, path ? `${path}.${k}` : k));
  }
  return valuesEqual(a, b) ? [] : [path];
}

function topological(resources: readonly StackResource[]): StackResource[] {
  const byAddress = new Map(resources.map((r) => [r.address, r]));
  const out: StackResource[] = [];
  const seen = new Set<string>();
  const visit = (r: StackResource): void => {
    if (seen.has(r.address)) return;
    seen.add(r.address);
    for (const d of r.dependencies) {
      const dep = byAddress.get(d);
      if (dep) visit(dep);
    }
    out.push(r);
  };
  resources.forEach(visit);
  return out;
}

function prefix(diags: Diagnostics, where: string, from: Iterable<Diagnostic>): void {
  for (const d of from) diags.add({ ...d, detail: `${where}: ${d.detail}` });
}

function digest(stack: Stack): string {
  const h = createHash("sha256");
  for (const f of stack.files) h.update(f).update(readFileSync(`${stack.dir}/${f}`));
  return h.digest("hex");
}

async function closeCores(cores: Map<string, ProviderCore<unknown>>): Promise<void> {
  await Promise.all([...cores.values()].map((c) => c.close()));
}

async function runLimited(tasks: (() => Promise<void>)[], limit: number): Promise<void> {
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < tasks.length) await tasks[next++]();
  };
  await Promise.all(Array.from({ length: Math.min(limit, tasks.length) }, worker));
}

/** Runs `work` respecting `waitsFor`, at most `limit` at once; dependents of failures are skipped. */
async function schedule(
  work: readonly InstanceChange[],
  waitsFor: (c: InstanceChange) => string[],
  run: (c: InstanceChange) => Promise<void>,
  done: Set<string>,
  failed: Set<string>,
  limit: number,
  signal: AbortSignal | undefined,
  onInterrupt: () => void,
): Promise<void> {
  const pending = new Set(work);
  const running = new Set<Promise<void>>();
  const waits = new Map(work.map((c) => [c, waitsFor(c)]));
  while (pending.size > 0 || running.size > 0) {
    if (signal?.aborted) {
      onInterrupt();
      pending.clear();
    }
    for (const c of [...pending]) {
      if (running.size >= limit) break;
      const deps = waits.get(c) ?? [];
      if (deps.some((d) => failed.has(d))) {
        pending.delete(c);
        failed.add(c.address);
        continue;
      }
      if (deps.every((d) => done.has(d))) {
        pending.delete(c);
        const p = run(c).finally(() => running.delete(p));
        running.add(p);
      }
    }
    if (running.size === 0) {
      if (pending.size > 0) for (const c of pending) failed.add(c.address);
      break;
    }
    await Promise.race(running);
  }
}
