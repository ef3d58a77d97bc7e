/**
 * An adopted stack as HCL: `main.tf` (provider requirements, empty provider blocks reading the environment, one
 * import block and one resource per object) and `variables.tf` (one sensitive, ephemeral variable per secret,
 * default null). Laid out as `terraform fmt` lays it out.
 */
import { type AdoptedStack, type ConfigValue, VariableRef } from "./adopted-stack";

export function hclFiles(stack: AdoptedStack): Record<string, string> {
  const main: string[] = [
    "# Written by `vaultbridge adopt`: every object below already exists and is imported by the first apply.",
    "# Secrets are never read back from the APIs: each is a write-only attribute fed by a variable (variables.tf)",
    "# that defaults to null, so nothing is sent until you set it and bump the *_wo_version.",
    "",
    "terraform {",
    "  required_providers {",
    ...aligned(stack.providers.map((p) => [p, `{ source = "vaultbridge/${p}" }`]), "    "),
    "  }",
    "}",
    "",
    ...stack.providers.flatMap((p) => [`provider "${p}" {}`, ""]),
  ];
  for (const r of stack.resources) {
    main.push("import {", ...aligned([["to", `${r.type}.${r.name}`], ["id", quote(r.importId)]], "  "), "}", "");
    main.push(`resource "${r.type}" "${r.name}" {`, ...body(r.config, "  "), "}", "");
  }
  const variables = stack.variables.flatMap((v) => [
    `variable "${v.name}" {`,
    ...aligned(
      [
        ["description", quote(v.description)],
        ["type", "string"],
        ["sensitive", "true"],
        ["ephemeral", "true"],
        ["default", "null"],
      ],
      "  ",
    ),
    "}",
    "",
  ]);
  return { "main.tf": `${main.join("\n").trimEnd()}\n`, "variables.tf": variables.length ? `${variables.join("\n").trimEnd()}\n` : "# No secrets to declare.\n" };
}

/** Attribute lines of an object body; nested objects as `name = { … }`. */
function body(config: { readonly [name: string]: ConfigValue }, indent: string): string[] {
  const out: string[] = [];
  let group: [string, string][] = [];
  const flush = (): void => {
    out.push(...aligned(group, indent));
    group = [];
  };
  for (const [name, v] of Object.entries(config)) {
    if (typeof v === "object" && !(v instanceof VariableRef)) {
      flush();
      out.push(`${indent}${name} = {`, ...body(v, `${indent}  `), `${indent}}`);
    } else group.push([name, scalar(v)]);
  }
  flush();
  return out;
}

/** `key = value` lines with the `=` aligned, as `terraform fmt` aligns consecutive one-line attributes. */
function aligned(pairs: readonly [string, string][], indent: string): string[] {
  const width = Math.max(0, ...pairs.map(([k]) => k.length));
  return pairs.map(([k, v]) => `${indent}${k.padEnd(width)} = ${v}`);
}

function scalar(v: Exclude<ConfigValue, { readonly [name: string]: ConfigValue }> | VariableRef): string {
  if (v instanceof VariableRef) return `var.${v.variable}`;
  return typeof v === "string" ? quote(v) : String(v);
}

/** A quoted HCL string: JSON escapes, and template sequences made literal. */
function quote(s: string): string {
  return JSON.stringify(s).replace(/\$\{/g, "$${").replace(/%\{/g, "%%{");
}
