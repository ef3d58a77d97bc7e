import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import type { Command } from "commander";
import type { ProviderDefinition } from "../../framework/resource";

/** This package's examples folder (the HCL shown as Example Usage). */
const EXAMPLES = join(__dirname, "..", "..", "..", "examples");

/**
 * The reference docs of both providers, by file under the docs folder, in the Terraform Registry's layout per provider
 * (`<provider>/index.md`, `<provider>/resources/<name>.md`, `<provider>/data-sources/<name>.md`), generated from the
 * declarations and the HCL examples under `examplesDir` (see src/framework/reference-docs.ts).
 */
export async function docFiles(examplesDir = EXAMPLES): Promise<Record<string, string>> {
  const { providers } = await import("../../providers");
  const { providerPages } = await import("../../framework/reference-docs");
  const examples = (path: string): string => {
    const file = join(examplesDir, path);
    if (!existsSync(file)) throw new Error(`${file} is missing: every provider, resource and data source has an example (Example Usage of its docs page).`);
    return readFileSync(file, "utf8");
  };
  const out: Record<string, string> = {};
  for (const p of Object.values(providers) as ProviderDefinition<unknown>[]) Object.assign(out, providerPages(p, examples));
  return out;
}

export function registerDocsCommand(program: Command): void {
  program
    .command("docs")
    .description("Write the reference docs (Markdown, the Terraform Registry's layout, one folder per provider) from the resource declarations and examples/")
    .option("--out <dir>", "folder to write into", "docs")
    .option("--examples <dir>", "the examples folder (Example Usage)", EXAMPLES)
    .action(async (opts: { out: string; examples: string }) => {
      const files = await docFiles(resolve(opts.examples));
      // Each provider's folder is written as a whole, so a removed resource leaves no page behind.
      for (const provider of new Set(Object.keys(files).map((f) => f.split("/")[0]))) rmSync(join(opts.out, provider), { recursive: true, force: true });
      for (const [file, text] of Object.entries(files)) {
        const path = join(opts.out, file);
        mkdirSync(dirname(path), { recursive: true });
        writeFileSync(path, text);
        process.stdout.write(`wrote ${relative(process.cwd(), path) || path}\n`);
      }
    });
}
