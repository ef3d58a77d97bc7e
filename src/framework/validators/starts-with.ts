import type { Validator } from "../schema";

/** The string must start with a fixed prefix (safe for secrets: only the prefix is named). */
export function startsWith(prefix: string): Validator {
  return {
    description: `must start with "${prefix}"`,
    validate({ value, path }, diags) {
      if (typeof value === "string" && value.startsWith(prefix)) return;
      diags.error("Invalid Attribute Value", `${path} must start with "${prefix}".`, path);
    },
  };
}
