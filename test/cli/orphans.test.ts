/**
 * No process outlives the one that started it: a provider whose terraform was killed with SIGKILL while a call was
 * in flight, and an emulator started through `npx` whose npx process was killed. Real processes, real signals.
 * Assumes dist/ is built (the test command builds first).
 */
import { type ChildProcess, spawn } from "node:child_process";
import { TestEmulator } from "../support/emulator";
import { commandLine, descendantsOf, killQuietly, survivors } from "../support/processes";
import { providerBlocks, REPO_ROOT, resourceBlock, TerraformWorkspace } from "../support/terraform";

const GONE_WITHIN_MS = 10_000;

function waitForOutput(child: ChildProcess, pattern: RegExp, timeoutMs: number): Promise<string> {
  let seen = "";
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no ${pattern} within ${timeoutMs} ms; output:\n${seen}`)), timeoutMs);
    const onData = (d: Buffer): void => {
      seen += String(d);
      if (pattern.test(seen)) {
        clearTimeout(timer);
        resolve(seen);
      }
    };
    child.stdout?.on("data", onData);
    child.stderr?.on("data", onData);
    child.once("exit", () => {
      clearTimeout(timer);
      reject(new Error(`exited before ${pattern}; output:\n${seen}`));
    });
  });
}

const exited = (child: ChildProcess): Promise<void> =>
  child.exitCode !== null || child.signalCode !== null ? Promise.resolve() : new Promise((resolve) => child.once("exit", () => resolve()));

test("terraform killed with SIGKILL mid-apply: its provider processes exit within seconds", async () => {
  const emu = await TestEmulator.start();
  const ws = new TerraformWorkspace();
  let tree: number[] = [];
  try {
    ws.write({
      "main.tf": providerBlocks(emu, ["infisical"]) + resourceBlock("infisical_app_connection_heroku", "slow", { name: "slow", credentials: { auth_token: "HRKU-slow" } }),
    });
    // The create hangs on the server: the provider is busy in a call when terraform dies.
    await emu.faults([{ method: "POST", path: "^/api/v1/app-connections/heroku$", delayMs: 60_000 }]);
    const env: NodeJS.ProcessEnv = {};
    for (const [k, v] of Object.entries(process.env)) if (!/^(TF_|INFISICAL_|SCRAPENGINE_)/.test(k)) env[k] = v;
    Object.assign(env, { TF_CLI_CONFIG_FILE: ws.cliConfig, CHECKPOINT_DISABLE: "1", TF_IN_AUTOMATION: "1" });
    const terraform = spawn("terraform", ["apply", "-auto-approve", "-no-color"], { cwd: ws.dir, env, stdio: ["ignore", "pipe", "pipe"] });
    await waitForOutput(terraform, /infisical_app_connection_heroku\.slow: Creating\.\.\./, 60_000);
    // "Creating..." is printed as the RPC goes out; give the provider time to be inside the POST.
    await new Promise((r) => setTimeout(r, 1000));
    tree = descendantsOf(terraform.pid!);
    const providers = tree.filter((pid) => commandLine(pid).includes("terraform-provider-infisical"));
    expect(providers.length).toBeGreaterThan(0);

    terraform.kill("SIGKILL");
    await exited(terraform);
    expect((await survivors(tree, GONE_WITHIN_MS)).map(commandLine)).toEqual([]);
  } finally {
    killQuietly(tree);
    await emu.faults([]);
    await emu.close();
    ws.cleanup();
  }
});

test("killing the npx process of `npx vaultbridge emulator` stops the emulator", async () => {
  for (const signal of ["SIGTERM", "SIGKILL"] as const) {
    // --no-install: resolve the package from this folder, never from a registry.
    const npx = spawn("npx", ["--no-install", "vaultbridge", "emulator", "--port", "0"], { cwd: REPO_ROOT, stdio: ["ignore", "pipe", "pipe"] });
    let tree: number[] = [];
    try {
      const ready = JSON.parse((await waitForOutput(npx, /^\{.*\}\n/, 30_000)).split("\n")[0]) as { url: string };
      tree = descendantsOf(npx.pid!);
      expect(tree.map(commandLine).some((c) => c.includes("vaultbridge") && c.includes("emulator"))).toBe(true);
      expect((await fetch(`${ready.url}/__emulator/health`)).status).toBe(200);

      npx.kill(signal);
      await exited(npx);
      expect([signal, (await survivors(tree, GONE_WITHIN_MS)).map(commandLine)]).toEqual([signal, []]);
      await expect(fetch(`${ready.url}/__emulator/health`)).rejects.toThrow();
    } finally {
      killQuietly([...tree, npx.pid!]);
    }
  }
});

test("killing the npx process of `npx vaultbridge provider serve` stops the providers", async () => {
  for (const signal of ["SIGTERM", "SIGKILL"] as const) {
    const npx = spawn("npx", ["--no-install", "vaultbridge", "provider", "serve", "--json"], { cwd: REPO_ROOT, stdio: ["ignore", "pipe", "pipe"] });
    let tree: number[] = [];
    try {
      await waitForOutput(npx, /^\{.*\}\n/, 30_000);
      tree = descendantsOf(npx.pid!);
      expect(tree.map(commandLine).some((c) => c.includes("provider serve"))).toBe(true);
      npx.kill(signal);
      await exited(npx);
      expect([signal, (await survivors(tree, GONE_WITHIN_MS)).map(commandLine)]).toEqual([signal, []]);
    } finally {
      killQuietly([...tree, npx.pid!]);
    }
  }
});
