import type { Command } from "commander";
import type { EngineCliOptions } from "../run-engine";

const collect = (value: string, previous: string[] = []): string[] => [...previous, value];

/** plan / apply / destroy / import: the embedded engine (loaded on demand, so other commands start fast). */
export function registerEngineCommands(program: Command): void {
  // Every flag also takes Terraform's spelling (-flag, -flag=value): see ../terraform-flags.ts.
  const common = (c: Command): Command =>
    c
      .option("--dir <dir>", "the stack folder (default: the current folder, or the app cdktf.json names)")
      .option("--stack <name>", "which synthesized stack, when the CDKTF app has several")
      .option("--var <name=value>", "set a variable (repeatable; beats -var-file, TF_VAR_name and the default)", collect)
      .option("--var-file <file>", "set variables from a .tfvars (HCL) or .tfvars.json file (repeatable; later files win)", collect)
      .option("--parallelism <n>", "operations in flight at once", "10")
      .option("--lock-timeout <duration>", "wait this long for a state lock another run holds (e.g. 30s, 2m)")
      .option("--input <bool>", "accepted for terraform's -input=false: the engine never asks for variables")
      .option("--no-color", "accepted for terraform's -no-color: the engine prints no colours")
      .option("--json", "machine-readable output on stdout");
  const planning = (c: Command): Command =>
    c
      .option("--target <address>", "plan only this resource and what it depends on (repeatable)", collect)
      .option("--replace <address>", "plan this instance as replaced (repeatable)", collect)
      .option("--refresh <bool>", "false: plan from the state as it is, without reading the remote objects")
      .option("--refresh-only", "only bring the state up to date with the remote objects; change none");

  planning(common(program.command("plan").description("Show what apply would change (refreshes first; no change is made)")))
    .option("--out <file>", "save the plan to apply it exactly later (holds variable values: keep it private)")
    .option("--destroy", "plan the destruction of everything in state")
    .option("--detailed-exitcode", "exit 0 when there are no changes, 2 when there are, 1 on error")
    .action(async (o: EngineCliOptions) => {
      const { runPlan } = await import("../run-engine");
      process.exitCode = await runPlan(o);
    });

  planning(common(program.command("apply").argument("[plan-file]", "a plan saved with plan --out").description("Make the changes a plan shows (plans first unless given a saved plan)")))
    .option("--auto-approve", "do not ask for confirmation (required when stdin is not a terminal)")
    .action(async (planFile: string | undefined, o: EngineCliOptions) => {
      const { runApply } = await import("../run-engine");
      process.exitCode = await runApply(planFile, o);
    });

  common(program.command("destroy").description("Destroy everything this stack manages"))
    .option("--auto-approve", "do not ask for confirmation (required when stdin is not a terminal)")
    .action(async (o: EngineCliOptions) => {
      const { runApply } = await import("../run-engine");
      process.exitCode = await runApply(undefined, { ...o, destroy: true });
    });

  common(program.command("import").argument("<address>", "resource address, e.g. infisical_app_connection_postgres.main").argument("<id>", "a UUID, a name, or <project_id>/<name>"))
    .description("Bring an existing object under management (secrets are re-sent from configuration on the next apply)")
    .action(async (address: string, id: string, o: EngineCliOptions) => {
      const { runImport } = await import("../run-engine");
      process.exitCode = await runImport(address, id, o);
    });
}
