import type { Command } from "commander";

/** `vaultbridge provider serve`: both providers in this process, for TF_REATTACH_PROVIDERS (fast loops, tests). */
export function registerProviderServeCommand(provider: Command): void {
  provider
    .command("serve")
    .description("Serve both providers from this process for TF_REATTACH_PROVIDERS: no install, no init, one process for every terraform command")
    .option("--json", "print only the TF_REATTACH_PROVIDERS value, on one line")
    .action(async (opts: { json?: boolean }) => {
      const { serveAllForReattach } = await import("../serve-providers");
      const { value, close } = await serveAllForReattach();
      if (opts.json) process.stdout.write(`${value}\n`);
      else process.stdout.write(`Serving both providers. In another shell:\n\n  export TF_REATTACH_PROVIDERS='${value}'\n\nCtrl-C stops them.\n`);
      const stop = (): void => void close().then(() => process.exit(0));
      process.once("SIGINT", stop);
      process.once("SIGTERM", stop);
    });
}
