/**
 * plan: load and check the stack (no API call when anything is refused or invalid) → lock and read the state → adopt
 * interrupted creates and import blocks → refresh every instance (one list call per API) → read data sources → plan
 * each instance in dependency order (honouring -target, -replace, -refresh-only) → orphans are deleted.
 */
import { ProviderCore } from "../core/provider-core";
import { Diagnostics } from "../framework/diagnostics";
import { type Logger, silentLogger } from "../framework/resource";
import { type ObjectValue, type Value, isObject, valuesEqual } from "../framework/value";
import { readDataSources } from "./data-sources";
import { variableValues } from "./evaluate";
import { loadStack, type Stack, type StackResource } from "./stack";
import { emptyState, type StateDocument } from "./state-file";
import { checkStateDocument } from "./state-checks";
import type { StateStore } from "./state-store/state-store";
import { conform, toStateJson } from "./state-values";
import { checkEphemeralUse, ephemeralValues } from "./ephemeral";
import { countOf, digest, evaluateConfig, evaluateOutputs, ignoreChanges, indexes, topological } from "./configuration";
import { KNOWN, attributesOfType, closeCores, coreFor, instanceAddress, makeCores, openStore, prefix, providerConfig, providerKeyOf, schemaVersionOf, sensitiveOf, writeOnlySet } from "./provider-cores";
import { holdForApply } from "./held-locks";
import { runLimited } from "./scheduling";
import { adoptIntents, importBlocks } from "./state-adoption";
import type { Drift, EngineOptions, EnginePlan, InstanceChange } from "./types";

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
  let kept = false;
  try {
    // Plans lock too (as terraform's do): a plan never reads a state an apply is halfway through writing.
    // A plan that apply will carry on (keepLock) holds the lock as that apply, for whoever waits on it.
    const operation = options.keepLock ? (options.destroy ? "destroy" : "apply") : options.destroy ? "plan -destroy" : "plan";
    const lock = await store.lock(operation, options.lockTimeoutMs ?? 0, diags);
    if (!lock) return empty();
    try {
      const planned = await planLocked({ stack, options, variables: vars.values, counts, cores, diags, empty, log, env, store });
      if (options.keepLock && !planned.diagnostics.some((d) => d.severity === "error")) {
        holdForApply(planned, store, lock);
        kept = true;
      }
      return planned;
    } finally {
      if (!kept) await lock.release();
    }
  } finally {
    if (!kept) await store.close();
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
