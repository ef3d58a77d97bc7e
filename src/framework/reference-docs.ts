/**
 * Reference docs (Markdown, in the Terraform registry's layout) generated from the declarations: every
 * attribute with its requirement, sensitivity, default, force-new flag and the rules its validators enforce.
 */
import { dataSourcesOf } from "./resource";
import type { SchemaSource } from "./schema-json";
import { type Attribute, type Attributes, defaultOf, describeRequirement } from "./schema";
import { writeOnlyPaths } from "./write-only";

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
    ...writeOnlySection(r.typeName, r.attributes),
    "## Attributes set by the server",
    "",
    ...attributeList(r.attributes, "", (a) => describeRequirement(a) === "Read-Only"),
    "",
  ];
  return `${lines.join("\n")}\n`;
}

/** How to keep this resource's secrets out of state, from its write-only twins (nothing when it has none). */
function writeOnlySection(typeName: string, attributes: Attributes): string[] {
  const pairs = writeOnlyPaths(attributes).map((p) => String(p));
  if (pairs.length === 0) return [];
  const version = Object.keys(attributes).find((n) => n.endsWith("_wo_version"));
  const first = pairs[0];
  const [parent, leaf] = first.includes(".") ? first.split(".") : [null, first];
  const assignment = parent ? `  ${parent} = {\n    # …\n    ${leaf} = var.secret\n  }` : `  ${leaf} = var.secret`;
  return [
    "## Write-only secrets",
    "",
    `Each secret can be given in a write-only form (${pairs.map((p) => `\`${p}\``).join(", ")}; Terraform ≥ 1.11 or OpenTofu ≥ 1.11, and the vaultbridge engine): the value is sent to the API and stored nowhere — not in state, not in plans or saved plans — and it may come from an ephemeral variable. Set a secret or its \`_wo\` form, not both; one of them is needed to create the object (an imported object needs neither until it is sent again).`,
    "",
    `Terraform keeps no copy of a write-only value, so a changed value alone plans nothing. Change \`${version}\` to send it again (any update that sends the credentials sends it too).`,
    "",
    "```hcl",
    'variable "secret" {',
    "  type      = string",
    "  sensitive = true",
    "  ephemeral = true",
    "}",
    "",
    `resource "${typeName}" "example" {`,
    "  # …",
    assignment,
    `  ${version} = 1 # bump to send the secret again`,
    "}",
    "```",
    "",
  ];
}

export function dataSourceDoc(providerName: string, d: ResourceDecl): string {
  const lines = [
    `# ${d.typeName} (data source)`,
    "",
    d.description,
    "",
    `Provider: \`${providerName}\`.`,
    "",
    "## Arguments",
    "",
    ...attributeList(d.attributes, "", (a) => describeRequirement(a) !== "Read-Only"),
    "",
    "## Attributes",
    "",
    ...attributeList(d.attributes, "", (a) => describeRequirement(a) === "Read-Only"),
    "",
  ];
  return `${lines.join("\n")}\n`;
}

export function providerDoc(p: SchemaSource & { name: string; guide?: string }): string {
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
    ...(p.guide ? [p.guide.trimEnd(), ""] : []),
    "## Resources",
    "",
    ...p.resources.map((r) => `- [\`${r.typeName}\`](resources/${r.typeName}.md)`),
    "",
    "## Data sources",
    "",
    ...dataSourcesOf(p).map((d) => `- [\`${d.typeName}\`](data-sources/${d.typeName}.md)`),
    "",
  ];
  return `${lines.join("\n")}\n`;
}

function attributeList(attributes: Attributes, indent: string, include: (a: Attribute) => boolean): string[] {
  const out: string[] = [];
  for (const [name, a] of Object.entries(attributes)) {
    if (!include(a)) continue;
    out.push(`${indent}- \`${name}\` (${facts(a).join(", ")}) — ${a.description}`);
    if (a.kind === "nested" || a.kind === "list") out.push(...attributeList(a.attributes, `${indent}  `, () => true));
  }
  return out.length ? out : [`${indent}None.`];
}

function facts(a: Attribute): string[] {
  const out: string[] = [describeRequirement(a), a.kind === "nested" ? "Object" : a.kind === "list" ? "List of Object" : a.kind === "bool" ? "Boolean" : a.kind === "number" ? "Number" : "String"];
  if (a.writeOnly) out.push("Write-only");
  else if (a.sensitive) out.push("Sensitive");
  const d = defaultOf(a);
  if (d !== undefined) out.push(`Default: \`${JSON.stringify(d)}\``);
  if (a.planModifiers?.some((m) => m.forcesReplacement)) out.push("Forces replacement");
  for (const v of a.validators ?? []) out.push(`Value ${v.description}`);
  return out;
}
