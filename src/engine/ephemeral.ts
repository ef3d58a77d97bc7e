/**
 * Ephemeral variables (Terraform 1.10 semantics): their values exist for one run only, so they may flow only where
 * nothing keeps them — write-only attributes and provider configuration. Anywhere else (a stored attribute, a
 * count, an output) is refused at plan, before any API call, naming the attribute path.
 */
import type { Diagnostics } from "../framework/diagnostics";
import type { Value } from "../framework/value";
import { type Attribute, type Attributes } from "../framework/schema";
import { parseTemplate, type Reference } from "./expressions";
import type { Stack } from "./stack";
import type { EnginePlan } from "./types";

/** The resource attributes by type, for the stack's resources. */
export type AttributesOf = (type: string) => Attributes | undefined;

export function checkEphemeralUse(stack: Stack, attributesOf: AttributesOf, diags: Diagnostics): void {
  const ephemeral = new Set(stack.variables.filter((v) => v.ephemeral).map((v) => v.name));
  if (ephemeral.size === 0) return;
  const refuse = (where: string, name: string, why: string): void => {
    diags.error(
      "Invalid Use Of Ephemeral Variable",
      `${where}: var.${name} is ephemeral, so its value may only be used in a write-only attribute (such as credentials.password_wo or secret_id_wo) or in provider configuration; ${why}.`,
    );
  };
  for (const r of stack.resources) {
    const attributes = attributesOf(r.type);
    if (!attributes) continue;
    walk(r.config, attributes, "", (path, attribute, names) => {
      for (const name of names) {
        if (!ephemeral.has(name)) continue;
        if (attribute?.writeOnly !== true) refuse(`${r.constructPath}.${path}`, name, `${path} is stored in state`);
      }
    });
    if (typeof r.count === "string") {
      for (const name of variablesIn(r.count)) if (ephemeral.has(name)) refuse(`${r.constructPath}.count`, name, "count decides what is kept in state");
    }
  }
  for (const o of stack.outputs) {
    for (const name of variablesInValue(o.value)) if (ephemeral.has(name)) refuse(`output.${o.name}`, name, "outputs are stored in state");
  }
}

/** Calls `visit` for each string leaf of `value`, with its attribute path and declaration. */
function walk(value: unknown, attributes: Attributes | undefined, path: string, visit: (path: string, attribute: Attribute | undefined, vars: string[]) => void): void {
  if (value === null || typeof value !== "object") {
    if (typeof value === "string") visit(path, undefined, variablesIn(value));
    return;
  }
  for (const [key, v] of Object.entries(value as Record<string, unknown>)) {
    if (key === "//") continue;
    const at = path ? `${path}.${key}` : key;
    const a = attributes?.[key];
    if (typeof v === "string") visit(at, a, variablesIn(v));
    else walk(v, a?.kind === "nested" ? a.attributes : undefined, at, visit);
  }
}

function variablesIn(s: string): string[] {
  try {
    return parseTemplate(s).flatMap((p: string | Reference) => (typeof p !== "string" && p.kind === "var" ? [p.name] : []));
  } catch {
    return []; // an unsupported expression is reported where the resource is read
  }
}

function variablesInValue(value: unknown): string[] {
  if (typeof value === "string") return variablesIn(value);
  if (value !== null && typeof value === "object") return Object.values(value as Record<string, unknown>).flatMap(variablesInValue);
  return [];
}

/** Ephemeral variable values of plans made in this process (a saved plan file never holds them). */
export const ephemeralValues = new WeakMap<EnginePlan, ReadonlyMap<string, Value>>();
