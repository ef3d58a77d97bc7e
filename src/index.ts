/**
 * vaultbridge as a library: the embedded engine's programmatic API (the CLI is built on it) and the emulator.
 *
 *   import { plan, apply, renderPlan } from "vaultbridge";
 *   const p = await plan("cdktf.out/stacks/main");
 *   console.log(renderPlan(p));
 *   if (hasChanges(p)) await apply(p);
 *
 * CDKTF bindings: `vaultbridge/infisical` and `vaultbridge/scrapengine`.
 */
export { apply, hasChanges, importResource, plan } from "./engine/engine";
export type { ApplyResult, Drift, EngineOptions, EnginePlan, InstanceChange, PlannedOutput, ProgressEvent } from "./engine/engine";
export { renderPlan } from "./engine/render";
export { planJson } from "./cli/plan-document";
export { readSavedPlan, writeSavedPlan } from "./engine/saved-plan";
export { startEmulator } from "./emulator";
export type { EmulatorOptions, RunningEmulator } from "./emulator";
export type { Diagnostic } from "./framework/diagnostics";
