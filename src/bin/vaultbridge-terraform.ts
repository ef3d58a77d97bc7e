/**
 * `vaultbridge terraform <args…>` as a bundle of its own (scripts/bundle-providers.js), started by bin/vaultbridge.js
 * without loading the rest of the CLI: this command runs once per terraform run, so its start-up is paid on each.
 * It shares the provider bundles' lazy packages and their code caches (dist/bundle) and V8 flags.
 */
import { ignoreClosedPipes } from "../cli/closed-pipes";
import { runTerraformWarm } from "../cli/run-terraform-warm";
import { applyProviderV8Flags } from "./embedded-package";

export function main(args: readonly string[]): void {
  applyProviderV8Flags();
  ignoreClosedPipes();
  runTerraformWarm(args).then(
    (code) => {
      process.exitCode = code;
    },
    (err: unknown) => {
      process.stderr.write(`Error: ${err instanceof Error ? err.message : String(err)}\n`);
      process.exitCode = 1;
    },
  );
}
