import type { PlanModifier } from "../schema";
import { valuesEqual } from "../value";

/** A change of this attribute destroys and re-creates the object (never on create or destroy). */
export function requiresReplace(): PlanModifier {
  return {
    description: "changing it forces a new resource (the API cannot change it)",
    forcesReplacement: true,
    modify({ prior, planned }, resp) {
      if (prior === undefined) return; // creating
      if (!valuesEqual(prior, planned)) resp.requiresReplace = true;
    },
  };
}
