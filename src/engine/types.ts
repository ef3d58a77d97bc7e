/**
 * The engine's public shapes: options, plans (changes, drift, outputs), apply results, and whether a plan changes
 * anything.
 */
import { type Diagnostic } from "../framework/diagnostics";
import type { PlanAction } from "../framework/plan";
import { type Logger } from "../framework/resource";
import { type ObjectValue, type Value, valuesEqual } from "../framework/value";
import { type StateDocument } from "./state-file";

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
  /** Keep the state locked from this plan to its apply (as `terraform apply` does); see held-locks.ts. */
  readonly keepLock?: boolean;
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

export const hasChanges = (p: EnginePlan): boolean =>
  p.refreshOnly ? p.drift.length > 0 : p.changes.some((c) => c.action !== "noop" || c.importId !== undefined) || outputsChanged(p);

function outputsChanged(p: EnginePlan): boolean {
  const before = p.refreshed.outputs;
  return p.outputs.some((o) => !(o.name in before) || !valuesEqual(before[o.name].value as Value, o.value)) || Object.keys(before).some((n) => !p.outputs.some((o) => o.name === n));
}
