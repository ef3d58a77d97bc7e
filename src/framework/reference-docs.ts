/**
 * Reference docs (Markdown) in the Terraform Registry's layout, as tfplugindocs writes them, generated from the
 * declarations: per provider `index.md`, `resources/<name>.md` and `data-sources/<name>.md`, where `<name>` is the
 * type without the provider's prefix (the Registry strips it). Each page has YAML front matter (`page_title`,
 * `subcategory`, `description`), Example Usage (HCL from the examples folder, tfplugindocs' convention), Argument
 * Reference and Attribute Reference (every attribute with its requirement, type, sensitivity, default, force-new flag
 * and the rules its validators enforce), and for resources the Import section (the id forms the declaration
 * accepts, an `import` block and the `terraform import` command).
 *
 * Examples live at `<provider>/provider/provider.tf`, `<provider>/resources/<type>/resource.tf` and
 * `<provider>/data-sources/<type>/data-source.tf` under the examples folder; a missing one is an error naming it.
 */
import type { ImportIdForm } from "./resource";
import { dataSourcesOf } from "./resource";
import type { SchemaSource } from "./schema-json";
import { type Attribute, type Attributes, defaultOf, describeRequirement } from "./schema";
import { writeOnlyPaths } from "./write-only";

type Declared = SchemaSource["resources"][number];
type ResourceDecl = Declared & { readonly importIds?: readonly ImportIdForm[] };
type ProviderDecl = SchemaSource & { readonly name: string; readonly resources: readonly ResourceDecl[]; readonly guide?: string };

/** Reads one example file, by its path under the examples folder (e.g. `infisical/provider/provider.tf`). */
export type ExampleReader = (path: string) => string;

export const exampleFiles = {
  provider: (provider: string) => `${provider}/provider/provider.tf`,
  resource: (provider: string, typeName: string) => `${provider}/resources/${typeName}/resource.tf`,
  dataSource: (provider: string, typeName: string) => `${provider}/data-sources/${typeName}/data-source.tf`,
};

/** The page's file under the docs folder: `<provider>/index.md`, `<provider>/resources/<name>.md`, … */
export const docFilesOf = {
  provider: (provider: string) => `${provider}/index.md`,
  resource: (provider: string, typeName: string) => `${provider}/resources/${shortName(provider, typeName)}.md`,
  dataSource: (provider: string, typeName: string) => `${provider}/data-sources/${shortName(provider, typeName)}.md`,
};

/** `infisical_app_connection_postgres` → `app_connection_postgres` (the Registry's file name). */
function shortName(provider: string, typeName: string): string {
  const prefix = `${provider}_`;
  if (!typeName.startsWith(prefix)) throw new Error(`${typeName} does not carry its provider's prefix ${prefix}`);
  return typeName.slice(prefix.length);
}

/** All pages of one provider, by file under the docs folder. */
export function providerPages(p: ProviderDecl, examples: ExampleReader): Record<string, string> {
  const out: Record<string, string> = { [docFilesOf.provider(p.name)]: providerDoc(p, examples) };
  for (const r of p.resources) out[docFilesOf.resource(p.name, r.typeName)] = resourceDoc(p.name, r, examples);
  for (const d of dataSourcesOf(p)) out[docFilesOf.dataSource(p.name, d.typeName)] = dataSourceDoc(p.name, d, examples);
  return out;
}

function frontMatter(pageTitle: string, description: string): string[] {
  return ["---", `page_title: ${JSON.stringify(pageTitle)}`, 'subcategory: ""', "description: |-", ...description.split("\n").map((l) => `  ${l}`), "---", ""];
}

function hcl(text: string): string[] {
  return ["```terraform", text.trimEnd(), "```"];
}

export function providerDoc(p: ProviderDecl, examples: ExampleReader): string {
  const lines = [
    ...frontMatter(`${p.name} Provider`, p.description),
    `# ${p.name} Provider`,
    "",
    p.description,
    "",
    `Source: \`${p.source}\`.`,
    "",
    "## Example Usage",
    "",
    ...hcl(examples(exampleFiles.provider(p.name))),
    "",
    "## Argument Reference",
    "",
    ...attributeList(p.attributes, "", () => true),
    "",
    // Hand-written guidance the declaration carries (e.g. every login method with a CI example).
    ...(p.guide ? [p.guide.trimEnd(), ""] : []),
    "## Resources",
    "",
    ...p.resources.map((r) => `- [\`${r.typeName}\`](resources/${shortName(p.name, r.typeName)}.md)`),
    "",
    "## Data Sources",
    "",
    ...dataSourcesOf(p).map((d) => `- [\`${d.typeName}\`](data-sources/${shortName(p.name, d.typeName)}.md)`),
    "",
  ];
  return `${lines.join("\n")}\n`;
}

export function resourceDoc(providerName: string, r: ResourceDecl, examples: ExampleReader): string {
  const lines = [
    ...frontMatter(`${r.typeName} Resource - ${providerName}`, r.description),
    `# ${r.typeName} (Resource)`,
    "",
    r.description,
    "",
    "## Example Usage",
    "",
    ...hcl(examples(exampleFiles.resource(providerName, r.typeName))),
    "",
    "## Argument Reference",
    "",
    ...attributeList(r.attributes, "", (a) => describeRequirement(a) !== "Read-Only"),
    "",
    ...writeOnlySection(r.attributes),
    "## Attribute Reference",
    "",
    "In addition to the arguments above, these attributes are set by the server:",
    "",
    ...attributeList(r.attributes, "", (a) => describeRequirement(a) === "Read-Only"),
    "",
    ...importSection(r),
  ];
  return `${lines.join("\n")}\n`;
}

export function dataSourceDoc(providerName: string, d: Declared, examples: ExampleReader): string {
  const lines = [
    ...frontMatter(`${d.typeName} Data Source - ${providerName}`, d.description),
    `# ${d.typeName} (Data Source)`,
    "",
    d.description,
    "",
    "## Example Usage",
    "",
    ...hcl(examples(exampleFiles.dataSource(providerName, d.typeName))),
    "",
    "## Argument Reference",
    "",
    ...attributeList(d.attributes, "", (a) => describeRequirement(a) !== "Read-Only"),
    "",
    "## Attribute Reference",
    "",
    ...attributeList(d.attributes, "", (a) => describeRequirement(a) === "Read-Only"),
    "",
  ];
  return `${lines.join("\n")}\n`;
}

/** How to keep this resource's secrets out of state, from its write-only twins (nothing when it has none). */
function writeOnlySection(attributes: Attributes): string[] {
  const pairs = writeOnlyPaths(attributes).map((p) => String(p));
  if (pairs.length === 0) return [];
  const version = Object.keys(attributes).find((n) => n.endsWith("_wo_version"));
  return [
    "### Write-only secrets",
    "",
    `Each secret can be given in a write-only form (${pairs.map((p) => `\`${p}\``).join(", ")}; Terraform ≥ 1.11 or OpenTofu ≥ 1.11, and the vaultbridge engine), as the example above does: the value is sent to the API and stored nowhere — not in state, not in plans or saved plans — and it may come from an ephemeral variable. Set a secret or its \`_wo\` form, not both; one of them is needed to create the object (an imported object needs neither until it is sent again).`,
    "",
    `Terraform keeps no copy of a write-only value, so a changed value alone plans nothing. Change \`${version}\` to send it again (any update that sends the credentials sends it too).`,
    "",
  ];
}

/** The Import section: the id forms, an `import` block and the CLI command (nothing for a resource without import). */
function importSection(r: ResourceDecl): string[] {
  const ids = r.importIds ?? [];
  if (ids.length === 0) return [];
  const version = Object.keys(r.attributes).find((n) => n.endsWith("_wo_version"));
  return [
    "## Import",
    "",
    "The import id is one of:",
    "",
    ...ids.map((f) => `- \`${f.format}\` — ${f.finds}, e.g. \`${f.example}\``),
    "",
    `Secrets are never returned by the API, so an import leaves them unset: the next plan sends the ones the configuration sets${version ? ` — except write-only ones while \`${version}\` is unset, which an import does not send` : ""}.`,
    "",
    "In Terraform 1.5 and later, with an `import` block (the engine, `vaultbridge plan`, honours it too):",
    "",
    ...hcl([`import {`, `  to = ${r.typeName}.example`, `  id = ${JSON.stringify(ids[ids.length - 1].example)}`, `}`].join("\n")),
    "",
    "Or with the `terraform import` command:",
    "",
    "```shell",
    ...ids.map((f) => `terraform import ${r.typeName}.example ${shellWord(f.example)}`),
    "```",
    "",
  ];
}

const shellWord = (s: string): string => (/^[\w./-]+$/.test(s) ? s : `'${s.replace(/'/g, `'\\''`)}'`);

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
