/** The `vaultbridge` command: one sub-command per file under ./commands. */
import { Command } from "commander";
import { registerAdoptCommand } from "./commands/adopt";
import { registerInspectCommands } from "./commands/inspect";
import { registerTerraformCommand } from "./commands/terraform";
import { packageVersion } from "./package-version";
import { normalizeTerraformFlags } from "./terraform-flags";
import { ignoreClosedPipes } from "./closed-pipes";
import { registerEmulatorCommand } from "./commands/emulator";
import { registerEngineCommands } from "./commands/engine";
import { registerProviderCommand } from "./commands/provider-install";
import { registerDocsCommand } from "./commands/docs";
import { registerSchemaCommand } from "./commands/schema";

export function buildProgram(): Command {
  const program = new Command("vaultbridge")
    .description("Infisical App Connections and ScrapEngine Vault integrations as code")
    .showHelpAfterError()
    .enablePositionalOptions()
    .configureHelp({ sortSubcommands: true });
  registerEmulatorCommand(program);
  registerEngineCommands(program);
  registerProviderCommand(program);
  registerSchemaCommand(program);
  registerDocsCommand(program);
  registerAdoptCommand(program);
  registerInspectCommands(program);
  registerTerraformCommand(program);
  program.version(packageVersion(), "-v, --version", "show the vaultbridge version");
  return program;
}

/** The commands that take Terraform's flag spelling (single dash, `-flag=value`). */
const TERRAFORM_LIKE = new Set(["plan", "apply", "destroy", "import", "show", "output", "state", "version", "-version"]);

export function main(argv: string[]): void {
  ignoreClosedPipes();
  let args = argv;
  try {
    if (TERRAFORM_LIKE.has(argv[2] ?? "")) args = [...argv.slice(0, 2), ...normalizeTerraformFlags(argv.slice(2))];
  } catch (err) {
    process.stderr.write(`Error: ${err instanceof Error ? err.message : String(err)}
`);
    process.exitCode = 1;
    return;
  }
  buildProgram()
    .parseAsync(args)
    .catch((err: unknown) => {
      process.stderr.write(`Error: ${err instanceof Error ? err.message : String(err)}\n`);
      process.exitCode = 1;
    });
}
