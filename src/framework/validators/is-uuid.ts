import type { Validator } from "../schema";

/** A UUID such as 3c90c3cc-0d44-4b50-8888-8dd25736052a (any version). */
export const UUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * A UUID such as 3c90c3cc-0d44-4b50-8888-8dd25736052a. `lowercase` where the server keeps it in a UUID column and
 * answers it in lowercase: an uppercase one would then show as a change on every plan.
 */
export function isUuid(options: { readonly lowercase?: boolean } = {}): Validator {
  const lowercase = options.lowercase === true;
  return {
    description: `must be a ${lowercase ? "lowercase " : ""}UUID (e.g. 3c90c3cc-0d44-4b50-8888-8dd25736052a)`,
    validate({ value, path }, diags) {
      if (typeof value === "string" && UUID_PATTERN.test(value) && (!lowercase || value === value.toLowerCase())) return;
      const why = lowercase ? " in lowercase (the server stores it in lowercase, so any other spelling would show as a change on every plan)" : "";
      diags.error("Invalid Attribute Value", `${path} must be a UUID such as 3c90c3cc-0d44-4b50-8888-8dd25736052a${why}.`, path);
    },
  };
}
