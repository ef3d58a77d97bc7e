import type { Validator } from "../schema";

/** String length within [min, max] characters. Only the length is told, never the value. */
export function lengthBetween(min: number, max: number): Validator {
  return {
    description: `must be ${min}–${max} characters long`,
    validate({ value, path }, diags) {
      if (typeof value !== "string") return;
      if (value.length >= min && value.length <= max) return;
      diags.error("Invalid Attribute Value Length", `${path} must be ${min}–${max} characters long; the value has ${value.length}.`, path);
    },
  };
}
