import type { Validator } from "../schema";

/** The string must match a pattern; `explanation` says in words what the pattern allows. */
export function matches(pattern: RegExp, explanation: string): Validator {
  return {
    description: explanation,
    validate({ value, path }, diags) {
      if (typeof value !== "string" || pattern.test(value)) return;
      diags.error("Invalid Attribute Value Match", `${path} ${explanation}.`, path);
    },
  };
}
