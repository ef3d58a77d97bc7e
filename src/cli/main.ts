/**
 * The `vaultbridge` command: one sub-command per file under ./commands. Only the module of the command being run
 * is loaded (every one for help, the version, or a name none of them has), so `vaultbridge plan` does not pay for
 * the emulator's, the release tooling's or the schemas' modules.
 */
import { Command } from "commander";
import { packageVersion } from "./package-version";
import { normalizeTerraformFlags } from "./terraform-flags";
import { ignoreClosedPipes } from "./closed-pipes";

type Register = (program: Command) => void;

/** Each command module's top-level command names, and how to load its register function. */
const COMMANDS: readonly { readonly names: readonly string[]; readonly load: () => Register }[] = [
  { names: ["emulator"], load: () => (require("./commands/emulator") as typeof import("./commands/emulator")).registerEmulatorCommand },
  { names: ["plan", "apply", "destroy", "import"], load: () => (require("./commands/engine") as typeof import("./commands/engine")).registerEngineCommands },
  { names: ["provider"], load: () => (require("./commands/provider-install") as typeof import("./commands/provider-install")).registerProviderCommand },
  { names: ["schema"], load: () => (require("./commands/schema") as typeof import("./commands/schema")).registerSchemaCommand },
  { names: ["docs"], load: () => (require("./commands/docs") as typeof import("./commands/docs")).registerDocsCommand },
  { names: ["adopt"], load: () => (require("./commands/adopt") as typeof import("./commands/adopt")).registerAdoptCommand },
  { names: ["show", "output", "state", "version"], load: () => (require("./commands/inspect") as typeof import("./commands/inspect")).registerInspectCommands },
  { names: ["terraform"], load: () => (require("./commands/terraform") as typeof import("./commands/terraform")).registerTerraformCommand },
];

/** The program with every command, or (given the command being run) only the module that has it. */
export function buildProgram(command?: string): Command {
  const program = new Command("vaultbridge")
    .description("Infisical App Connections and ScrapEngine Vault integrations as code")
    .showHelpAfterError()
    .enablePositionalOptions()
    .configureHelp({ sortSubcommands: true });
  const owner = COMMANDS.find((c) => command !== undefined && c.names.includes(command));
  for (const c of owner ? [owner] : COMMANDS) c.load()(program);
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
  buildProgram(args[2])
    .parseAsync(args)
    .catch((err: unknown) => {
      process.stderr.write(`Error: ${err instanceof Error ? err.message : String(err)}\n`);
      process.exitCode = 1;
    });
}
