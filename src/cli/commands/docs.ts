import { mkdirSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import type { Command } from "commander";
import type { ProviderDefinition } from "../../framework/resource";

/** docs/<provider>.md, docs/resources/<type>.md and docs/data-sources/<type>.md, generated from the declarations. */
export async function docFiles(): Promise<Record<string, string>> {
  const { providers } = await import("../../providers");
  const { dataSourcesOf } = await import("../../framework/resource");
  const { dataSourceDoc, providerDoc, resourceDoc } = await import("../../framework/reference-docs");
  const out: Record<string, string> = {};
  for (const p of Object.values(providers) as ProviderDefinition<unknown>[]) {
    out[`${p.name}.md`] = providerDoc(p);
    for (const r of p.resources) out[join("resources", `${r.typeName}.md`)] = resourceDoc(p.name, r);
    for (const d of dataSourcesOf(p)) out[join("data-sources", `${d.typeName}.md`)] = dataSourceDoc(p.name, d);
  }
  return out;
}

export function registerDocsCommand(program: Command): void {
  program
    .command("docs")
    .description("Write per-resource reference docs (Markdown) from the resource declarations")
    .option("--out <dir>", "folder to write into", "docs")
    .action(async (opts: { out: string }) => {
      for (const [file, text] of Object.entries(await docFiles())) {
        const path = join(opts.out, file);
        mkdirSync(dirname(path), { recursive: true });
        writeFileSync(path, text);
        process.stdout.write(`wrote ${path}\n`);
      }
    });
}
