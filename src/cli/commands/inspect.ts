import type { Command } from "commander";
import type { InspectOptions } from "../run-inspect";

const run = async <T extends unknown[]>(f: (m: typeof import("../run-inspect")) => (...args: T) => number | Promise<number>, ...args: T): Promise<void> => {
  const m = await import("../run-inspect");
  process.exitCode = await f(m)(...args);
};

/** show / output / state / version: terraform's read-side commands over the engine's state and saved plans. */
export function registerInspectCommands(program: Command): void {
  const dir = (c: Command): Command => c.option("--dir <dir>", "the stack folder (default: the current folder)");

  dir(program.command("show").argument("[plan-file]", "a plan saved with plan -out").description("Show the state, or a saved plan (-json: Terraform's JSON representation)"))
    .option("--json", "Terraform's JSON plan or state representation")
    .option("--no-color", "accepted for terraform's -no-color")
    .action((planFile: string | undefined, o: InspectOptions) => run((m) => m.runShow, planFile, o));

  dir(program.command("output").argument("[name]", "one output").description("Show output values from the state (sensitive ones are never printed)"))
    .option("--json", "as JSON")
    .option("--raw", "the bare value of a string, number or bool output")
    .option("--no-color", "accepted for terraform's -no-color")
    .action((name: string | undefined, o: InspectOptions) => run((m) => m.runOutput, name, o));

  const state = program.command("state").description("Inspect or change the state: list, show, rm");
  dir(state.command("list").argument("[addresses...]", "only these addresses (or resources)").description("List the instances in the state"))
    .action((addresses: string[], o: InspectOptions) => run((m) => m.runStateList, addresses, o));
  dir(state.command("show").argument("<address>", "an instance address").description("Show one instance's attributes (secrets as (sensitive value))"))
    .action((address: string, o: InspectOptions) => run((m) => m.runStateShow, address, o));
  dir(state.command("rm").argument("<addresses...>", "instance or resource addresses").description("Forget instances: the remote objects are left as they are"))
    .option("--dry-run", "say what would be removed, remove nothing")
    .option("--lock-timeout <duration>", "accepted for terraform's -lock-timeout")
    .action((addresses: string[], o: InspectOptions & { dryRun?: boolean }) => run((m) => m.runStateRm, addresses, o));

  program
    .command("version")
    .description("Show the vaultbridge version and its providers")
    .option("--json", "as JSON")
    .action((o: InspectOptions) => run((m) => m.runVersion, o));
}
