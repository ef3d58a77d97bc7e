import type { Validator } from "../schema";

/**
 * Not "": the server stores an empty value as unset, so it would come back null and every plan would show a
 * change (a replacement, where the attribute forces one). Leaving the attribute out says "none".
 */
export function notEmptyWhenSet(): Validator {
  return {
    description: "must not be empty; leave it unset for none",
    validate({ value, path }, diags) {
      if (value !== "") return;
      diags.error(
        "Value Would Never Converge",
        `${path} must not be empty: the server stores an empty value as unset, so every plan would show a change. Remove the attribute (or set it to null) for none.`,
        path,
      );
    },
  };
}
