import type { Validator } from "../schema";

/**
 * No whitespace at either end: the server trims the value, so what it stores (and returns) would never equal the
 * configuration, and every plan would show a change. A plan may not normalise a configured value, so it is refused.
 */
export function trimmedByServer(): Validator {
  return {
    description: "must not start or end with whitespace (the server trims it)",
    validate({ value, path }, diags) {
      if (typeof value !== "string" || value === value.trim()) return;
      diags.error(
        "Value Would Never Converge",
        `${path} must not start or end with whitespace: the server trims it, so the stored value would never match the configuration and every plan would show a change. Write it without the surrounding whitespace (e.g. trimspace(...)).`,
        path,
      );
    },
  };
}
