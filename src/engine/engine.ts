/**
 * The embedded engine: plans and applies a synthesized stack in-process through the same provider core that
 * Terraform drives over gRPC, keeping Terraform's state format and rules so users can move between the two. This
 * module is its public face; each step lives in a module of its own (plan, apply, import, the state book, the
 * providers' cores, the stack's configuration, scheduling).
 */
export type { ApplyResult, Drift, EngineOptions, EnginePlan, InstanceChange, PlannedOutput, ProgressEvent } from "./types";
export { hasChanges } from "./types";
export { plan } from "./plan";
export { apply } from "./apply";
export { importResource } from "./import";
export { releasePlan } from "./held-locks";
export { KNOWN } from "./provider-cores";
