/**
 * Reference docs (Markdown, in the Terraform registry's layout) generated from the declarations: every
 * attribute with its requirement, sensitivity, default, force-new flag and the rules its validators enforce.
 */
import type { SchemaSource } from "./schema-json";
import { type Attribute, type Attributes, defaultOf, describeRequirement } from "./schema";

type ResourceDecl = SchemaSource["resources"][number];

export function resourceDoc(providerName: string, r: ResourceDecl): string {
  const lines = [
    `# ${r.typeName}`,
    "",
    r.description,
    "",
    `Provider: \`${providerName}\`.`,
    "",
    "## Arguments",
    "",
    ...attributeList(r.attributes, "", (a) => describeRequirement(a) !== "Read-Only"),
    "",
    "## Attributes set by the server",
    "",
    ...attributeList(r.attributes, "", (a) => describeRequirement(a) === "Read-Only"),
    "",
  ];
  return `${lines.join("\n")}\n`;
}

export function providerDoc(p: SchemaSource & { name: string }): string {
  const lines = [
    `# provider "${p.name}"`,
    "",
    p.description,
    "",
    `Source: \`${p.source}\`.`,
    "",
    "## Arguments",
    "",
    ...attributeList(p.attributes, "", () => true),
    "",
    "## Resources",
    "",
    ...p.resources.map((r) => `- [\`${r.typeName}\`](resources/${r.typeName}.md)`),
    "",
  ];
  return `${lines.join("\n")}\n`;
}

function attributeList(attributes: Attributes, indent: string, include: (a: Attribute) => boolean): string[] {
  const out: string[] = [];
  for (const [name, a] of Object.entries(attributes)) {
    if (!include(a)) continue;
    out.push(`${indent}- \`${name}\` (${facts(a).join(", ")}) — ${a.description}`);
    if (a.kind === "nested") out.push(...attributeList(a.attributes, `${indent}  `, () => true));
  }
  return out.length ? out : [`${indent}None.`];
}

function facts(a: Attribute): string[] {
  const out: string[] = [describeRequirement(a), a.kind === "nested" ? "Object" : a.kind === "bool" ? "Boolean" : a.kind === "number" ? "Number" : "String"];
  if (a.sensitive) out.push("Sensitive");
  const d = defaultOf(a);
  if (d !== undefined) out.push(`Default: \`${JSON.stringify(d)}\``);
  if (a.planModifiers?.some((m) => m.forcesReplacement)) out.push("Forces replacement");
  for (const v of a.validators ?? []) out.push(`Value ${v.description}`);
  return out;
}
