/**
 * `apply` without a saved plan plans and applies in one run, as `terraform apply` does: the state stays locked from
 * the plan to the apply, so no other runner can change it in between (its plan would otherwise be stale). A plan
 * made with `keepLock` holds its store and lock here until `apply` takes them or `releasePlan` lets them go.
 */
import type { HeldLock, StateStore } from "./state-store/state-store";
import type { EnginePlan } from "./types";

const held = new WeakMap<EnginePlan, { readonly store: StateStore; readonly lock: HeldLock }>();

export function holdForApply(p: EnginePlan, store: StateStore, lock: HeldLock): void {
  held.set(p, { store, lock });
}

/** The store and lock a plan holds, handed over (once) to its apply. */
export function takeHeld(p: EnginePlan): { readonly store: StateStore; readonly lock: HeldLock } | undefined {
  const h = held.get(p);
  held.delete(p);
  return h;
}

/** Lets go of what a `keepLock` plan holds, when it will not be applied (e.g. the confirmation was declined). */
export async function releasePlan(p: EnginePlan): Promise<void> {
  const h = takeHeld(p);
  if (!h) return;
  await h.lock.release();
  await h.store.close();
}
