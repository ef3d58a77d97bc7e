/** The `vaultbridge` command: one sub-command per file under ./commands. */
import { Command } from "commander";
import { registerAdoptCommand } from "./commands/adopt";
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
    .configureHelp({ sortSubcommands: true });
  registerEmulatorCommand(program);
  registerEngineCommands(program);
  registerProviderCommand(program);
  registerSchemaCommand(program);
  registerDocsCommand(program);
  registerAdoptCommand(program);
  return program;
}

export function main(argv: string[]): void {
  ignoreClosedPipes();
  buildProgram()
    .parseAsync(argv)
    .catch((err: unknown) => {
      process.stderr.write(`Error: ${err instanceof Error ? err.message : String(err)}\n`);
      process.exitCode = 1;
    });
}
