import type { Command } from "commander";

/**
 * `vaultbridge terraform <args…>`: runs terraform with both providers served from this one process for the whole
 * run (TF_REATTACH_PROVIDERS), instead of terraform launching each provider 3–5 times per command. The providers
 * read this process's environment — the same one terraform gets. Terraform's exit code is passed through.
 */
export function registerTerraformCommand(program: Command): void {
  program
    .command("terraform")
    .description("Run terraform with both providers in one warm process for the whole run (faster; same environment, same exit code)")
    .argument("[args...]", "terraform's arguments, as you would give them to terraform")
    .allowUnknownOption()
    .passThroughOptions()
    .helpOption(false)
    .action(async (args: string[]) => {
      const { runTerraformWarm } = await import("../run-terraform-warm");
      process.exitCode = await runTerraformWarm(args);
    });
}
