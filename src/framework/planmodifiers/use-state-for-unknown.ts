import type { PlanModifier } from "../schema";
import { isUnknown } from "../value";

/** A computed value that never changes once set (id, created_at): keep the prior value instead of unknown. */
export function useStateForUnknown(): PlanModifier {
  return {
    description: "stays the same once set",
    modify({ prior, planned }, resp) {
      if (prior === undefined || prior === null) return; // creating, or never set
      if (isUnknown(planned)) resp.planned = prior;
    },
  };
}
