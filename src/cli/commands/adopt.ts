import type { Command } from "commander";

interface AdoptCliOptions {
  readonly projectId?: string;
  readonly format: string;
  readonly out: string;
  readonly force?: boolean;
}

/** `vaultbridge adopt`: existing connections and vault integrations, written as a stack that imports them. */
export function registerAdoptCommand(program: Command): void {
  program
    .command("adopt")
    .description("Write a stack that imports every existing App Connection and vault integration the credentials (INFISICAL_*, SCRAPENGINE_*) can see")
    .option("--project-id <id>", "only the App Connections of this Infisical project")
    .option("--format <format>", "hcl (main.tf, variables.tf, import blocks) or cdktf (a CDKTF app using importFrom)", "hcl")
    .option("--out <dir>", "folder to write into", "adopted")
    .option("--force", "write into a folder that is not empty")
    .action(async (o: AdoptCliOptions) => {
      if (o.format !== "hcl" && o.format !== "cdktf") {
        process.stderr.write(`Error: --format must be hcl or cdktf (got "${o.format}").\n`);
        process.exitCode = 1;
        return;
      }
      const { adopt } = await import("../../adopt/adopt");
      const r = await adopt({ out: o.out, format: o.format, projectId: o.projectId, force: o.force });
      for (const line of r.summary) process.stderr.write(`  ${line}\n`);
      for (const d of r.diagnostics) process.stderr.write(`${d.severity === "error" ? "Error" : "Warning"}: ${d.summary}: ${d.detail}\n`);
      if (!r.stack) {
        process.exitCode = 1;
        return;
      }
      const secrets = r.stack.variables.length;
      process.stdout.write(
        `Adopted ${r.stack.resources.length} object${r.stack.resources.length === 1 ? "" : "s"} (${secrets} secret variable${secrets === 1 ? "" : "s"}, all null until you set them): ${r.files.join(", ")}\n` +
          (o.format === "hcl"
            ? `Next: cd ${o.out} && terraform init && terraform plan   (imports only, no change)\n`
            : `Next: cd ${o.out} && npm install && npx vaultbridge plan   (imports only, no change)\n`),
      );
    });
}
