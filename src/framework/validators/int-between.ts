import type { Validator } from "../schema";

/** A whole number within [min, max]. Like every validator, never quotes the value (it may be sensitive). */
export function intBetween(min: number, max: number, unit = ""): Validator {
  const range = `${min}–${max}${unit ? ` ${unit}` : ""}`;
  return {
    description: `must be a whole number from ${range}`,
    validate({ value, path }, diags) {
      if (typeof value === "number" && Number.isInteger(value) && value >= min && value <= max) return;
      diags.error("Invalid Attribute Value", `${path} must be a whole number from ${range}.`, path);
    },
  };
}
