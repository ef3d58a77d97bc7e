import type { Command } from "commander";

export function registerDemoCommand(program: Command): void {
  program
    .command("demo")
    .description("Run the example stack (one resource of each type) against a fresh emulator: plan, apply, re-plan, drift, destroy")
    .option("--keep", "leave the emulator running with the stack applied (Ctrl-C to stop)")
    .action(async (opts: { keep?: boolean }) => {
      // Loaded on demand so other commands start fast.
      const { runDemo } = await import("../run-demo");
      process.exitCode = await runDemo(opts.keep === true);
    });
}

