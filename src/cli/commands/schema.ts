import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { Command } from "commander";
import { providerSchemaDocument } from "../../framework/schema-json";
import { providers } from "../../providers";

/** The committed schema files, generated from the declarations. */
export function schemaFiles(): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, p] of Object.entries(providers)) out[`${name}.json`] = `${JSON.stringify(providerSchemaDocument(p), null, 2)}\n`;
  return out;
}

export function registerSchemaCommand(program: Command): void {
  program
    .command("schema")
    .description("Write schemas/<provider>.json (the `terraform providers schema -json` format) from the resource declarations")
    .option("--out <dir>", "folder to write into", "schemas")
    .action((opts: { out: string }) => {
      mkdirSync(opts.out, { recursive: true });
      for (const [file, text] of Object.entries(schemaFiles())) {
        writeFileSync(join(opts.out, file), text);
        process.stdout.write(`wrote ${join(opts.out, file)}\n`);
      }
    });
}
