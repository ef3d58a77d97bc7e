import type { PlanModifier } from "../schema";
import { AttributePath } from "../path";
import { isUnknown } from "../value";

/**
 * A computed value that the server recomputes only when one of `sources` changes (credentials_hash when
 * credentials are sent, rotation status when rotation changes): keep the prior value otherwise.
 * `sources` are attribute paths like "credentials" or "rotation".
 */
export function useStateUnlessChanged(...sources: string[]): PlanModifier {
  const watched = sources.map((s) => AttributePath.of(...s.split(".")));
  return {
    description: `changes only when ${sources.join(" or ")} changes`,
    modify({ prior, planned, changed }, resp) {
      if (prior === undefined || !isUnknown(planned)) return;
      if (!changed.some((c) => watched.some((w) => c.isWithin(w)))) resp.planned = prior;
    },
  };
}
