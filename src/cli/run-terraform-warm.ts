/**
 * One provider process per terraform run: serve both providers here, point terraform at them with
 * TF_REATTACH_PROVIDERS, and stop them when terraform exits. Ctrl-C reaches terraform (same process group), which
 * stops the providers through StopProvider as usual; this process only waits for it.
 *
 * Terraform is started first, on sockets that already listen, and the providers are loaded while it starts:
 * its first call waits in the socket until they are ready (plugin/reattach-socket.ts).
 */
import { spawn } from "node:child_process";
import { resolve as resolvePath } from "node:path";
import { listenAllForReattach } from "./reattach-sockets";

export async function runTerraformWarm(args: readonly string[]): Promise<number> {
  const sockets = await listenAllForReattach();
  // Terraform handles the terminal's signals; this process must outlive it to answer its last RPCs.
  const ignore = (): void => undefined;
  process.on("SIGINT", ignore);
  process.on("SIGTERM", ignore);
  let close = sockets.close;
  try {
    const child = spawn(process.env.VAULTBRIDGE_TERRAFORM ?? "terraform", [...args], {
      stdio: "inherit",
      env: { ...process.env, TF_REATTACH_PROVIDERS: sockets.value },
    });
    const exited = new Promise<number>((resolve) => {
      child.once("error", (err) => {
        process.stderr.write(`Error: could not run terraform (${err.message}); is it on PATH? (or set VAULTBRIDGE_TERRAFORM)\n`);
        resolve(1);
      });
      child.once("exit", (code, signal) => resolve(code ?? (signal === "SIGINT" ? 130 : 1)));
    });
    try {
      close = (await serveProviders(args, sockets)).close;
    } catch (err) {
      // Terraform would wait on sockets nobody answers: stop it, and say why.
      child.kill("SIGTERM");
      await exited;
      throw err;
    }
    return await exited;
  } finally {
    process.off("SIGINT", ignore);
    process.off("SIGTERM", ignore);
    await close();
  }
}

/** The providers, loaded now (a dynamic import: the bundle evaluates them only here, after terraform started). */
async function serveProviders(args: readonly string[], sockets: Awaited<ReturnType<typeof listenAllForReattach>>) {
  const [{ serveOnSockets }, { CreateIntents, providerIntentsPath }, { providerLogLevel }] = await Promise.all([
    import("./serve-providers"),
    import("../core/create-intents"),
    import("../plugin/hclog"),
  ]);
  // Creates in flight are recorded in terraform's working directory, as the providers it launches would.
  const chdir = args.find((a) => a.startsWith("-chdir="))?.slice("-chdir=".length);
  const intents = new CreateIntents(providerIntentsPath(process.env, resolvePath(chdir ?? ".")));
  // The providers' lines go straight to this terminal, not through go-plugin: filtered as terraform would.
  return serveOnSockets(sockets, undefined, intents, providerLogLevel(process.env));
}
