import type { Validator } from "../schema";

/**
 * An absolute http:// or https:// URL; `example` is shown in the message (a URL of the service configured). The
 * value itself is never quoted.
 */
export function isHttpUrl(example = "https://vault.example.com:8200"): Validator {
  return {
    description: "must be an http:// or https:// URL",
    validate({ value, path }, diags) {
      if (typeof value === "string" && isHttp(value)) return;
      diags.error("Invalid Attribute Value", `${path} must be an http:// or https:// URL with a host, such as ${example}.`, path);
    },
  };
}

export function isHttp(s: string): boolean {
  try {
    const u = new URL(s);
    return (u.protocol === "http:" || u.protocol === "https:") && u.hostname !== "";
  } catch {
    return false;
  }
}
