import type { Validator } from "../schema";

/** An absolute http:// or https:// URL. */
export function isHttpUrl(): Validator {
  return {
    description: "must be an http:// or https:// URL",
    validate({ value, path }, diags) {
      if (typeof value === "string" && isHttp(value)) return;
      diags.error("Invalid Attribute Value", `${path} must be an http:// or https:// URL with a host, such as https://vault.example.com:8200.`, path);
    },
  };
}

function isHttp(s: string): boolean {
  try {
    const u = new URL(s);
    return (u.protocol === "http:" || u.protocol === "https:") && u.hostname !== "";
  } catch {
    return false;
  }
}
