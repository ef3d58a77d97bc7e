/**
 * The provider core: validate, plan, apply, read and import over plain values, with diagnostics out. It knows
 * nothing of gRPC or of the engine; the tfplugin6 server and the embedded engine are thin front ends over it,
 * so both behave identically. It also asserts the rules Terraform core enforces on a provider's answers.
 */
import { setMaxListeners } from "node:events";
import { Diagnostics } from "../framework/diagnostics";
import { AttributePath } from "../framework/path";
import { type PlanAction, planChange } from "../framework/plan";
import type { DataSourceDefinition } from "../framework/data-source";
import type { Logger, ProviderDefinition, ResourceContext, ResourceDefinition } from "../framework/resource";
import { dataSourcesOf, silentLogger } from "../framework/resource";
import { validateAttributes } from "../framework/validate";
import { type ObjectValue, type Value, isObject, isUnknown, isWhollyKnown, valuesEqual } from "../framework/value";
import { attributeEntries, type Attributes, isComputed } from "../framework/schema";
import { refuseWriteOnlyValues, stripWriteOnly, withWriteOnlyFrom } from "../framework/write-only";
import { graceSignal } from "../client/stop-signal";
import { apiScope, type CreateIntents } from "./create-intents";
import { describeFailure } from "./failure";
import { createRecorded, settleRecorded } from "./recorded-create";

export interface PlanResult {
  readonly action: PlanAction;
  readonly planned: ObjectValue | null;
  readonly requiresReplace: readonly AttributePath[];
  readonly changed: readonly AttributePath[];
  readonly diagnostics: Diagnostics;
}

export interface StateResult {
  readonly state: ObjectValue | null;
  readonly diagnostics: Diagnostics;
}

export interface ProviderCoreOptions {
  readonly env?: NodeJS.ProcessEnv;
  readonly log?: Logger;
  /**
   * How long a write in flight may still take after `stop()` (its answer, and the lost-answer lookup) before it is
   * cut. Bounds the wait of a Ctrl-C; Terraform records what finishes within it. Default 30 s.
   */
  readonly stopGraceMs?: number;
  /**
   * Where creates in flight are recorded, so that an object a killed run created is adopted by the next create of
   * it instead of failing "already exists". The tfplugin6 front end passes one; the engine keeps its own (keyed by
   * address, adopted at plan time).
   */
  readonly intents?: CreateIntents;
}

const DEFAULT_STOP_GRACE_MS = 30_000;

export class ProviderCore<Client> {
  private client: Client | null = null;
  private readonly stopper = stopController();
  /** Writes run under this: it aborts only `stopGraceMs` after the stop (see stop-signal). */
  private readonly writeSignal: AbortSignal;
  private readonly log: Logger;
  private readonly env: NodeJS.ProcessEnv;
  private readonly intents: CreateIntents | undefined;
  /** The configured client's ProviderDefinition.intentScope: its intents' keys carry it. */
  private intentScope: string | undefined;

  constructor(
    readonly definition: ProviderDefinition<Client>,
    options: ProviderCoreOptions = {},
  ) {
    this.log = options.log ?? silentLogger;
    this.env = options.env ?? process.env;
    this.intents = options.intents;
    this.writeSignal = graceSignal(this.stopper.signal, options.stopGraceMs ?? DEFAULT_STOP_GRACE_MS);
  }

  resource(typeName: string): ResourceDefinition<Client> | undefined {
    return this.definition.resources.find((r) => r.typeName === typeName);
  }

  get resourceTypes(): string[] {
    return this.definition.resources.map((r) => r.typeName);
  }

  dataSource(typeName: string): DataSourceDefinition<Client> | undefined {
    return dataSourcesOf(this.definition).find((d) => d.typeName === typeName);
  }

  get dataSourceTypes(): string[] {
    return dataSourcesOf(this.definition).map((d) => d.typeName);
  }

  /** The configuration-only rules of a data source. Never calls the API. */
  validateDataSourceConfig(typeName: string, config: Value): Diagnostics {
    const diags = new Diagnostics();
    const d = this.dataSource(typeName);
    if (!d) return diags.error("Unknown Data Source", `This provider has no data source "${typeName}". It has: ${this.dataSourceTypes.join(", ")}.`);
    const normalized = validateAttributes(d.attributes, config, diags);
    if (normalized) d.validateConfig?.(normalized, diags);
    return diags;
  }

  /** Reads a data source; its configuration must be wholly known (Terraform defers the read otherwise). */
  async readDataSource(typeName: string, config: Value): Promise<StateResult> {
    const diags = this.validateDataSourceConfig(typeName, config);
    const d = this.dataSource(typeName);
    const ctx = this.context(diags);
    if (!d || !ctx || diags.hasError()) return { state: null, diagnostics: diags };
    const normalized = validateAttributes(d.attributes, config, new Diagnostics());
    if (normalized === null) return { state: null, diagnostics: diags };
    try {
      return { state: await d.read(ctx, normalized, diags), diagnostics: diags };
    } catch (err) {
      diags.add(describeFailure(err, "read", `data source ${typeName}`));
      return { state: null, diagnostics: diags };
    }
  }

  validateProviderConfig(config: Value): Diagnostics {
    const diags = new Diagnostics();
    const normalized = validateAttributes(this.definition.attributes, config ?? {}, diags);
    if (normalized && !diags.hasError()) this.definition.validateConfig?.(normalized, diags);
    return diags;
  }

  configure(config: Value): Diagnostics {
    const diags = this.validateProviderConfig(config);
    if (diags.hasError()) return diags;
    if (!isWhollyKnown(config)) {
      return diags.error(
        "Provider Configuration Not Known",
        `The ${this.definition.name} provider's configuration depends on values known only after apply. Set it from variables or the environment instead.`,
      );
    }
    const normalized = validateAttributes(this.definition.attributes, config ?? {}, new Diagnostics());
    if (normalized === null) return diags;
    // A new client per configure: Terraform configures once per graph walk, and the shared list snapshot the
    // client keeps for bulk refresh must never outlive its walk.
    const previous = this.client;
    this.client = this.definition.configure(normalized, this.env, diags, this.log);
    const scope = this.client === null ? undefined : this.definition.intentScope?.(this.client);
    this.intentScope = scope === undefined ? undefined : apiScope(scope);
    if (previous && this.definition.close) void this.definition.close(previous).catch(() => undefined);
    return diags;
  }

  /**
   * Every plan-time rule that needs configuration alone. Never calls the API. `writeOnlyAllowed` is false for a
   * client that cannot handle write-only attributes: any write-only value is then refused.
   */
  validateResourceConfig(typeName: string, config: Value, writeOnlyAllowed = true): Diagnostics {
    const diags = new Diagnostics();
    const r = this.resource(typeName);
    if (!r) return diags.error("Unknown Resource Type", `This provider has no resource type "${typeName}". It has: ${this.resourceTypes.join(", ")}.`);
    const normalized = validateAttributes(r.attributes, config, diags);
    if (normalized && !writeOnlyAllowed) refuseWriteOnlyValues(r.attributes, normalized, diags);
    if (normalized) r.validateConfig?.(normalized, diags);
    return diags;
  }

  /**
   * Plans one resource instance. `prior` is the refreshed state (null to create); `config` null plans a delete.
   * The plan keeps every configured value, fills defaults, and marks what the server will compute unknown.
   */
  planResourceChange(typeName: string, prior: ObjectValue | null, config: Value, writeOnlyAllowed = true): PlanResult {
    const r = this.resource(typeName);
    if (config === null || !r) {
      const diags = r ? new Diagnostics() : this.validateResourceConfig(typeName, config);
      return { action: prior ? "delete" : "noop", planned: null, requiresReplace: [], changed: [], diagnostics: diags };
    }
    const diags = this.validateResourceConfig(typeName, config, writeOnlyAllowed);
    const normalized = validateAttributes(r.attributes, config, new Diagnostics());
    if (diags.hasError() || normalized === null) return { action: "noop", planned: null, requiresReplace: [], changed: [], diagnostics: diags };

    const change = planChange(r.attributes, prior, normalized, diags);
    let planned = change.planned;
    let requiresReplace = [...change.requiresReplace];
    if (r.modifyPlan && planned && change.action !== "noop") {
      const resp = { planned, requiresReplace };
      r.modifyPlan({ prior: change.action === "replace" ? null : prior, config: normalized, changed: change.changed }, resp, diags);
      planned = resp.planned;
      requiresReplace = resp.requiresReplace;
    }
    if (planned) assertPlanKeepsConfig(r.attributes, normalized, planned, diags);
    const action = change.action === "update" && requiresReplace.length > 0 ? "replace" : change.action;
    return { action, planned: diags.hasError() ? null : planned, requiresReplace, changed: change.changed, diagnostics: diags };
  }

  /**
   * Carries out one planned change: create (prior null), delete (planned null) or update. `config` is the
   * configuration the plan came from: the only source of write-only values, which the resource sees merged into
   * the planned value and which never reach the state returned.
   */
  async applyResourceChange(typeName: string, prior: ObjectValue | null, planned: ObjectValue | null, config: Value = null): Promise<StateResult> {
    const diags = new Diagnostics();
    const r = this.resource(typeName);
    const ctx = this.context(diags, this.writeSignal);
    if (!r || !ctx) return { state: prior, diagnostics: diags.hasError() ? diags : diags.error("Unknown Resource Type", `No resource type "${typeName}".`) };
    const verb = planned === null ? "delete" : prior === null ? "create" : "update";
    if (this.stopper.signal.aborted) {
      return { state: prior, diagnostics: diags.error("Operation Cancelled", `The run is stopping: nothing was sent to ${verb} this ${r.typeName}.`) };
    }
    try {
      if (planned === null) {
        if (prior !== null) await r.delete(ctx, prior, diags);
        return { state: diags.hasError() ? prior : null, diagnostics: diags };
      }
      const normalized = config === null ? null : validateAttributes(r.attributes, config, new Diagnostics());
      const sending = withWriteOnlyFrom(r.attributes, planned, normalized);
      const result =
        prior === null
          ? await createRecorded({ resource: r, ctx, planned: sending, diags, intents: this.intents, scope: this.intentScope, unadoptable: (found) => this.unadoptable(r, found, planned) })
          : await r.update(ctx, prior, sending, diags);
      const state = result && stripWriteOnly(r.attributes, result);
      if (state) assertApplyKeepsPlan(r.attributes, planned, state, diags);
      return { state: state ?? (prior === null ? null : prior), diagnostics: diags };
    } catch (err) {
      diags.add(describeFailure(err, verb, r.typeName));
      // A failed create leaves nothing; a failed update or delete keeps the prior state.
      return { state: prior, diagnostics: diags };
    }
  }

  /** Refreshes one instance; a null state means the object is gone. */
  async readResource(typeName: string, state: ObjectValue): Promise<StateResult> {
    const diags = new Diagnostics();
    const r = this.resource(typeName);
    const ctx = this.context(diags);
    if (!r || !ctx) return { state, diagnostics: diags };
    settleRecorded(r, state, this.intents, this.intentScope, this.log);
    try {
      const fresh = await r.read(ctx, state, diags);
      return { state: fresh && stripWriteOnly(r.attributes, fresh), diagnostics: diags };
    } catch (err) {
      diags.add(describeFailure(err, "read", r.typeName));
      return { state, diagnostics: diags };
    }
  }

  async importResourceState(typeName: string, id: string): Promise<StateResult> {
    const diags = new Diagnostics();
    const r = this.resource(typeName);
    const ctx = this.context(diags);
    if (!r || !ctx) return { state: null, diagnostics: diags };
    if (!r.importState) return { state: null, diagnostics: diags.error("Import Not Supported", `${typeName} cannot be imported.`) };
    try {
      const found = await r.importState(ctx, id, diags);
      return { state: found && stripWriteOnly(r.attributes, found), diagnostics: diags };
    } catch (err) {
      diags.add(describeFailure(err, "import", r.typeName));
      return { state: null, diagnostics: diags };
    }
  }

  /** Every existing object of a type (for `vaultbridge adopt`), as state with secrets null; one list call per API. */
  async listExisting(typeName: string, filter: { readonly projectId?: string }): Promise<{ states: ObjectValue[]; diagnostics: Diagnostics }> {
    const diags = new Diagnostics();
    const r = this.resource(typeName);
    const ctx = this.context(diags);
    if (!r?.adoption || !ctx) return { states: [], diagnostics: diags };
    try {
      const states = await r.adoption.list(ctx, filter);
      return { states: states.map((s) => stripWriteOnly(r.attributes, s)), diagnostics: diags };
    } catch (err) {
      diags.add(describeFailure(err, "list", r.typeName));
      return { states: [], diagnostics: diags };
    }
  }

  /** Why an existing object cannot be brought to `planned` in place (the plan from it would replace it), or null. */
  private unadoptable(r: ResourceDefinition<Client>, found: ObjectValue, planned: ObjectValue): string | null {
    const plan = this.planResourceChange(r.typeName, found, planned);
    if (plan.diagnostics.hasError()) return plan.diagnostics.errors.map((d) => d.detail).join(" ");
    if (plan.action === "replace") return `it differs in ${plan.requiresReplace.map(String).join(", ")}, which cannot change in place`;
    return null;
  }

  /**
   * Terraform's StopProvider: ends reads, backoff waits and writes not yet sent at once. Writes in flight (the
   * server may be committing them) get `stopGraceMs` to finish or to be recovered by the lost-answer lookup, so
   * Terraform can record what they created.
   */
  stop(): void {
    this.stopper.abort();
  }

  async close(): Promise<void> {
    if (this.client && this.definition.close) await this.definition.close(this.client);
    this.client = null;
  }

  private context(diags: Diagnostics, signal: AbortSignal = this.stopper.signal): ResourceContext<Client> | null {
    if (this.client === null) {
      diags.error("Provider Not Configured", `The ${this.definition.name} provider was not configured before use; this is a bug in vaultbridge, please report it.`);
      return null;
    }
    return { client: this.client, signal, log: this.log };
  }
}

/** One signal shared by every in-flight call (hundreds at once in a bulk apply): no listener limit. */
function stopController(): AbortController {
  const c = new AbortController();
  setMaxListeners(0, c.signal);
  return c;
}

/** Terraform: "Provider produced invalid plan … does not match config value". */
function assertPlanKeepsConfig(attributes: Attributes, config: ObjectValue, planned: ObjectValue, diags: Diagnostics, path = AttributePath.empty): void {
  for (const [name, a] of attributeEntries(attributes)) {
    const at = path.isEmpty ? AttributePath.root(name) : path.atName(name);
    const c = config[name] ?? null;
    const p = planned[name] ?? null;
    if (a.writeOnly) {
      if (p !== null) bug(diags, `the plan holds a value for the write-only attribute ${at}`);
    } else if (a.kind === "nested" && isObject(c) && isObject(p)) assertPlanKeepsConfig(a.attributes, c, p, diags, at);
    else if (c !== null && !isUnknown(c) && !valuesEqual(c, p)) bug(diags, `the plan changed the configured value of ${at}`);
    else if (c === null && !isComputed(a) && p !== null && a.kind !== "nested") bug(diags, `the plan set ${at}, which is not configured`);
  }
}

/** Terraform: "Provider produced inconsistent result after apply", and no unknowns after apply. */
function assertApplyKeepsPlan(attributes: Attributes, planned: ObjectValue, state: ObjectValue, diags: Diagnostics, path = AttributePath.empty): void {
  for (const name of Object.keys(attributes)) {
    const at = path.isEmpty ? AttributePath.root(name) : path.atName(name);
    const p = planned[name] ?? null;
    const s = state[name] ?? null;
    const a = attributes[name];
    if (!isWhollyKnown(s)) bug(diags, `${at} is still unknown after apply`);
    else if (a.kind === "nested" && isObject(p) && isObject(s)) assertApplyKeepsPlan(a.attributes, p, s, diags, at);
    else if (isWhollyKnown(p) && !valuesEqual(p, s)) bug(diags, `apply changed the planned value of ${at}`);
  }
}

function bug(diags: Diagnostics, what: string): void {
  diags.error("Provider Produced Inconsistent Result", `${what}. This is a bug in vaultbridge, please report it.`);
}
