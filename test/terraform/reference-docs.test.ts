/**
 * The reference docs (docs/<provider>/…, the Terraform Registry's layout): every page has the Registry's front
 * matter and sections, every HCL block on a page passes `terraform validate` with the real providers (through the
 * mirror `provider install` writes), every example file is shown on a page, and every relative link in the README,
 * the example READMEs and the docs resolves.
 *
 * ASSUMPTION: dist/ is built (`npm run build`): terraform runs the bundled providers.
 */
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import { docFiles } from "../../src/cli/commands/docs";
import { cleanEnv, installProviders, remove, requireBuild, ROOT, tempDir, terraform } from "../examples/helpers";

let pages: Record<string, string>;
let work: string;
let cliConfig: string;

beforeAll(async () => {
  requireBuild();
  pages = await docFiles();
  work = tempDir("docs-validate");
  cliConfig = await installProviders(work);
}, 60_000);
afterAll(() => remove(work));

const kindOf = (file: string): "provider" | "resource" | "data source" => (file.endsWith("/index.md") ? "provider" : file.includes("/resources/") ? "resource" : "data source");

const SECTIONS = {
  provider: ["## Example Usage", "## Argument Reference", "## Resources", "## Data Sources"],
  resource: ["## Example Usage", "## Argument Reference", "## Attribute Reference", "## Import"],
  "data source": ["## Example Usage", "## Argument Reference", "## Attribute Reference"],
};

/** The ```terraform blocks of a page. */
const hclBlocks = (page: string): string[] => [...page.matchAll(/^```terraform\n([\s\S]*?)^```$/gm)].map((m) => m[1]);

test("one folder per provider: index.md, resources/ and data-sources/ named without the provider prefix", () => {
  expect(Object.keys(pages).sort()).toEqual([
    "infisical/data-sources/app_connection_azure_key_vault.md",
    "infisical/data-sources/app_connection_heroku.md",
    "infisical/data-sources/app_connection_postgres.md",
    "infisical/data-sources/app_connections.md",
    "infisical/index.md",
    "infisical/resources/app_connection_azure_key_vault.md",
    "infisical/resources/app_connection_heroku.md",
    "infisical/resources/app_connection_postgres.md",
    "scrapengine/data-sources/vault_integration.md",
    "scrapengine/data-sources/vault_integrations.md",
    "scrapengine/index.md",
    "scrapengine/resources/vault_integration.md",
  ]);
});

describe("every page has the Registry's front matter and sections", () => {
  test.each(Object.keys(SECTIONS))("%s pages", (kind) => {
    const files = Object.keys(pages).filter((f) => kindOf(f) === kind);
    expect(files.length).toBeGreaterThan(0);
    for (const file of files) {
      const page = pages[file];
      const front = /^---\npage_title: "([^"\n]+)"\nsubcategory: "[^"\n]*"\ndescription: \|-\n((?: {2}.*\n)+)---\n/.exec(page);
      expect([file, front !== null]).toEqual([file, true]);
      const headings = page.split("\n").filter((l) => /^## /.test(l));
      expect([file, headings.filter((h) => (SECTIONS[kind as keyof typeof SECTIONS] as string[]).includes(h))]).toEqual([file, SECTIONS[kind as keyof typeof SECTIONS]]);
      expect([file, hclBlocks(page).length > 0]).toEqual([file, true]);
    }
  });

  test("the Import sections name every id form, with an import block and the command", () => {
    const pg = pages["infisical/resources/app_connection_postgres.md"];
    for (const form of ["`<uuid>`", "`<name>`", "`<project_id>/<name>`"]) expect(pg).toContain(form);
    expect(pg).toMatch(/import \{\n {2}to = infisical_app_connection_postgres\.example\n {2}id = "[^"]+\/orders-db"\n\}/);
    expect(pg).toContain("terraform import infisical_app_connection_postgres.example orders-db");
    const vault = pages["scrapengine/resources/vault_integration.md"];
    expect(vault).toContain("`<id>`");
    expect(vault).toContain("terraform import scrapengine_vault_integration.example vault-prod");
  });
});

test("every HCL block of every page passes terraform validate", async () => {
  const env = cleanEnv({ TF_CLI_CONFIG_FILE: cliConfig, TF_IN_AUTOMATION: "1" });
  const failures: string[] = [];
  const files = Object.keys(pages);
  const validate = async (file: string): Promise<void> => {
    const dir = join(work, "validate", file.replace(/[/.]/g, "_"));
    mkdirSync(dir, { recursive: true });
    const hcl = hclBlocks(pages[file]).join("\n");
    writeFileSync(join(dir, "main.tf"), hcl);
    // Registry examples leave required_providers to the provider page; a module of its own needs it.
    if (!hcl.includes("required_providers")) {
      writeFileSync(join(dir, "versions.tf"), `terraform {\n  required_providers {\n    ${file.split("/")[0]} = { source = "vaultbridge/${file.split("/")[0]}" }\n  }\n}\n`);
    }
    const init = await terraform(["init", "-backend=false", "-input=false"], { cwd: dir, env });
    if (init.code !== 0) return void failures.push(`${file}: terraform init failed\n${init.stdout}${init.stderr}`);
    const result = await terraform(["validate", "-json"], { cwd: dir, env });
    const out = JSON.parse(result.stdout) as { valid: boolean; diagnostics: { summary: string; detail: string }[] };
    if (!out.valid || result.code !== 0) failures.push(`${file}:\n${out.diagnostics.map((d) => `  ${d.summary}: ${d.detail}`).join("\n")}\n--- main.tf\n${hcl}`);
  };
  // Two at a time: a core each.
  for (let i = 0; i < files.length; i += 2) await Promise.all(files.slice(i, i + 2).map(validate));
  expect(failures).toEqual([]);
}, 240_000);

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => join(e.parentPath, e.name));
}

test("every example file under examples/<provider>/ is the Example Usage of a page", () => {
  const shown = Object.values(pages).join("\n");
  const examples = ["infisical", "scrapengine"].flatMap((p) => filesUnder(join(ROOT, "examples", p)));
  expect(examples.length).toBeGreaterThanOrEqual(12);
  for (const file of examples) expect([relative(ROOT, file), shown.includes(readFileSync(file, "utf8").trimEnd())]).toEqual([relative(ROOT, file), true]);
});

test("every relative link in the README, the example READMEs and the docs resolves", () => {
  const docs = [join(ROOT, "README.md"), ...filesUnder(join(ROOT, "examples")).filter((f) => f.endsWith(".md")), ...filesUnder(join(ROOT, "docs"))];
  const broken: string[] = [];
  for (const file of docs) {
    for (const [, target] of readFileSync(file, "utf8").matchAll(/\]\(([^)\s#]+)(?:#[^)]*)?\)/g)) {
      if (/^[a-z]+:/.test(target)) continue;
      try {
        readdirSync(dirname(join(dirname(file), target)));
        readFileSync(join(dirname(file), target));
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code === "EISDIR") continue;
        broken.push(`${relative(ROOT, file)} → ${target}`);
      }
    }
  }
  expect(broken).toEqual([]);
});
