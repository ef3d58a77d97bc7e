import type { Validator } from "../schema";

/** A UUID such as 3c90c3cc-0d44-4b50-8888-8dd25736052a (any version). */
export const UUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A UUID such as 3c90c3cc-0d44-4b50-8888-8dd25736052a. */
export function isUuid(): Validator {
  return {
    description: "must be a UUID (e.g. 3c90c3cc-0d44-4b50-8888-8dd25736052a)",
    validate({ value, path }, diags) {
      if (typeof value === "string" && UUID_PATTERN.test(value)) return;
      diags.error("Invalid Attribute Value", `${path} must be a UUID such as 3c90c3cc-0d44-4b50-8888-8dd25736052a.`, path);
    },
  };
}
