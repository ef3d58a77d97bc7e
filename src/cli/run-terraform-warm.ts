/**
 * One provider process per terraform run: serve both providers here, point terraform at them with
 * TF_REATTACH_PROVIDERS, and stop them when terraform exits. Ctrl-C reaches terraform (same process group), which
 * stops the providers through StopProvider as usual; this process only waits for it.
 */
import { spawn } from "node:child_process";
import { resolve as resolvePath } from "node:path";
import { CreateIntents, providerIntentsPath } from "../core/create-intents";
import { providerLogLevel } from "../plugin/hclog";
import { serveAllForReattach } from "./serve-providers";

export async function runTerraformWarm(args: readonly string[]): Promise<number> {
  // Creates in flight are recorded in terraform's working directory, as the providers it launches would.
  const chdir = args.find((a) => a.startsWith("-chdir="))?.slice("-chdir=".length);
  const intents = new CreateIntents(providerIntentsPath(process.env, resolvePath(chdir ?? ".")));
  // The providers' lines go straight to this terminal, not through go-plugin: filtered as terraform would.
  const served = await serveAllForReattach(undefined, intents, providerLogLevel(process.env));
  // Terraform handles the terminal's signals; this process must outlive it to answer its last RPCs.
  const ignore = (): void => undefined;
  process.on("SIGINT", ignore);
  process.on("SIGTERM", ignore);
  try {
    const child = spawn(process.env.VAULTBRIDGE_TERRAFORM ?? "terraform", [...args], {
      stdio: "inherit",
      env: { ...process.env, TF_REATTACH_PROVIDERS: served.value },
    });
    return await new Promise<number>((resolve) => {
      child.once("error", (err) => {
        process.stderr.write(`Error: could not run terraform (${err.message}); is it on PATH? (or set VAULTBRIDGE_TERRAFORM)\n`);
        resolve(1);
      });
      child.once("exit", (code, signal) => resolve(code ?? (signal === "SIGINT" ? 130 : 1)));
    });
  } finally {
    process.off("SIGINT", ignore);
    process.off("SIGTERM", ignore);
    await served.close();
  }
}
