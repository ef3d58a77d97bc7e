import type { Command } from "commander";

/** Placeholder until the emulator lands: keeps the CLI wiring in place. */
export function registerEmulatorCommand(program: Command): void {
  program.command("emulator").description("Run the local Infisical + ScrapEngine API emulator").action(() => {
    throw new Error("the emulator is not built yet");
  });
}
