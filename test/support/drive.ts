/**
 * Drives the provider core the way Terraform does for one instance: refresh, plan, apply. Used by tests that
 * exercise whole lifecycles against the emulator.
 */
import { ProviderCore, type PlanResult } from "../../src/core/provider-core";
import type { Diagnostic } from "../../src/framework/diagnostics";
import type { ObjectValue, Value } from "../../src/framework/value";

export interface Step {
  readonly state: ObjectValue | null;
  readonly plan: PlanResult;
  readonly diagnostics: Diagnostic[];
}

export class Driver<C> {
  /** `providerConfig` is applied at the start of every plan, as Terraform configures once per graph walk. */
  constructor(
    readonly core: ProviderCore<C>,
    readonly type: string,
    readonly providerConfig: Value,
  ) {}

  async refresh(state: ObjectValue | null): Promise<{ state: ObjectValue | null; diagnostics: Diagnostic[] }> {
    if (state === null) return { state: null, diagnostics: [] };
    const r = await this.core.readResource(this.type, state);
    return { state: r.state, diagnostics: r.diagnostics.toArray() };
  }

  /** refresh + plan, like `terraform plan`. */
  async plan(state: ObjectValue | null, config: Value): Promise<Step> {
    this.assertOk(this.core.configure(this.providerConfig).toArray());
    const refreshed = await this.refresh(state);
    const plan = this.core.planResourceChange(this.type, refreshed.state, config);
    return { state: refreshed.state, plan, diagnostics: [...refreshed.diagnostics, ...plan.diagnostics.toArray()] };
  }

  /** refresh + plan + apply, like `terraform apply -auto-approve` (a replacement is delete then create). */
  async apply(state: ObjectValue | null, config: Value): Promise<Step> {
    const step = await this.plan(state, config);
    const errors = step.diagnostics.filter((d) => d.severity === "error");
    if (errors.length) throw new Error(`plan failed: ${errors.map((e) => `${String(e.path)}: ${e.detail}`).join("; ")}`);
    const { plan } = step;
    if (plan.action === "noop") return step;
    let prior = step.state;
    let planned = plan.planned;
    if (plan.action === "replace") {
      const del = await this.core.applyResourceChange(this.type, prior, null);
      this.assertOk(del.diagnostics.toArray());
      prior = null;
      planned = this.core.planResourceChange(this.type, null, config).planned;
    }
    const r = await this.core.applyResourceChange(this.type, prior, planned);
    this.assertOk(r.diagnostics.toArray());
    return { state: r.state, plan, diagnostics: [...step.diagnostics, ...r.diagnostics.toArray()] };
  }

  private assertOk(d: Diagnostic[]): void {
    const errors = d.filter((x) => x.severity === "error");
    if (errors.length) throw new Error(`apply failed: ${errors.map((e) => `${e.summary}: ${e.detail}`).join("; ")}`);
  }
}
