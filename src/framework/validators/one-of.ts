import type { Validator } from "../schema";

/** The value must be one of a fixed list; the error names every allowed value. */
export function oneOf(allowed: readonly string[]): Validator {
  const list = allowed.map((a) => `"${a}"`).join(", ");
  return {
    description: `must be one of: ${list}`,
    validate({ value, path }, diags) {
      if (typeof value === "string" && allowed.includes(value)) return;
      diags.error("Invalid Attribute Value", `${path} must be one of: ${list}.`, path);
    },
  };
}
