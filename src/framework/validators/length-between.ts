import type { Validator } from "../schema";

/** String length within [min, max] characters. Never echoes a sensitive value. */
export function lengthBetween(min: number, max: number): Validator {
  return {
    description: `must be ${min}–${max} characters long`,
    validate({ value, path, sensitive }, diags) {
      if (typeof value !== "string") return;
      if (value.length >= min && value.length <= max) return;
      const got = sensitive ? `the value has ${value.length}` : `"${value}" has ${value.length}`;
      diags.error("Invalid Attribute Value Length", `${path} must be ${min}–${max} characters long; ${got}.`, path);
    },
  };
}
