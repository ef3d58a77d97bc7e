import type { Command } from "commander";
import { followPackageRunner } from "../../plugin/exit-with-parent";

/** The variables the providers read: every INFISICAL_* and SCRAPENGINE_* one (names only, never a value). */
export function providerSettingsIn(env: NodeJS.ProcessEnv): string[] {
  return Object.keys(env)
    .filter((k) => /^(INFISICAL|SCRAPENGINE)_/.test(k) && env[k] !== "")
    .sort();
}

/**
 * Terraform sends a reattached provider no environment: the providers read the environment of this process.
 * Said on stderr (stdout stays the reattach value alone with --json), naming the variables and never a value.
 */
export function settingsNotice(env: NodeJS.ProcessEnv): string {
  const names = providerSettingsIn(env);
  const taken = names.length ? `it took ${names.join(", ")}` : "it holds no INFISICAL_* or SCRAPENGINE_* variable";
  return (
    `The providers read their environment settings from this process, not from the terraform that attaches ` +
    `(terraform does not pass its environment over TF_REATTACH_PROVIDERS): ${taken}. Provider blocks still beat ` +
    `them; to change them, restart \`vaultbridge provider serve\` with the new environment.\n`
  );
}

/** `vaultbridge provider serve`: both providers in this process, for TF_REATTACH_PROVIDERS (fast loops, tests). */
export function registerProviderServeCommand(provider: Command): void {
  provider
    .command("serve")
    .description(
      "Serve both providers from this process for TF_REATTACH_PROVIDERS: no install, no init, one process for every terraform command. " +
        "The INFISICAL_* and SCRAPENGINE_* settings come from this process's environment (terraform does not send its own); it names them on start.",
    )
    .option("--json", "print only the TF_REATTACH_PROVIDERS value, on one line")
    .action(async (opts: { json?: boolean }) => {
      const { serveAllForReattach } = await import("../serve-providers");
      // The providers' V8 flags, as in the processes terraform launches (memory, exit).
      (await import("../../bin/embedded-package")).applyProviderV8Flags();
      const { value, close } = await serveAllForReattach();
      if (opts.json) process.stdout.write(`${value}\n`);
      else process.stdout.write(`Serving both providers. In another shell:\n\n  export TF_REATTACH_PROVIDERS='${value}'\n\nCtrl-C stops them.\n`);
      process.stderr.write(settingsNotice(process.env));
      const stop = (): void => void close().then(() => process.exit(0));
      process.once("SIGINT", stop);
      process.once("SIGTERM", stop);
      followPackageRunner(stop);
    });
}
