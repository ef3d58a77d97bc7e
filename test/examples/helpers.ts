/**
 * What the example tests share: running commands asynchronously (the emulator usually runs in the jest worker's own
 * event loop, so a blocking spawnSync would stop it from answering), synthesizing examples/basic into a temporary
 * folder, installing the providers for Terraform, and the planted secrets that must never show.
 *
 * ASSUMPTION: dist/ is built and current (`npm run build && npx jest test/examples`); a missing build is reported
 * as such.
 */
import { spawn } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { TestEmulator } from "../support/emulator";
import { pick } from "../support/http";

export const ROOT = join(__dirname, "..", "..");
export const BIN = join(ROOT, "bin", "vaultbridge.js");
export const BASIC = join(ROOT, "examples", "basic");
export const BASIC_APP = join(BASIC, "main.ts");
export const CDKTN = join(ROOT, "examples", "cdktn");
export const CDKTN_APP = join(CDKTN, "main.ts");
export const TSX_CJS = require.resolve("tsx/cjs", { paths: [ROOT] });

/** The four resources of the example stacks (examples/basic and examples/hcl declare the same ones). */
export const ADDRESSES = [
  "infisical_app_connection_azure_key_vault.keyvault",
  "infisical_app_connection_heroku.web",
  "infisical_app_connection_postgres.orders",
  "scrapengine_vault_integration.vault",
];

/** Secret values planted through TF_VAR_*: they must reach the APIs and never a synthesized file or an output. */
export const PLANTED = {
  TF_VAR_pg_password: "planted-pg-7d1c",
  TF_VAR_heroku_auth_token: "HRKU-planted-heroku-7d1c",
  TF_VAR_azure_client_secret: "planted-azure-7d1c",
  TF_VAR_vault_secret_id: "planted-vault-7d1c",
} as const;

export function requireBuild(): void {
  for (const f of ["dist/cli/main.js", "dist/cdktf/generated/infisical.js", "dist/bundle/terraform-provider-infisical.js"]) {
    if (!existsSync(join(ROOT, f))) throw new Error(`${f} is missing: run \`npm run build\` before the example tests`);
  }
}

export function tempDir(prefix: string): string {
  return mkdtempSync(join(tmpdir(), `vaultbridge-${prefix}-`));
}

/** The environment without anything that would steer Terraform, the providers or cdktf elsewhere. */
export function cleanEnv(extra: Readonly<Record<string, string>> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [k, v] of Object.entries(process.env)) if (!/^(TF_|INFISICAL_|SCRAPENGINE_|CHECKPOINT_|CDKTF_)/.test(k)) env[k] = v;
  return { ...env, CHECKPOINT_DISABLE: "1", ...extra };
}

/** The provider settings for an emulator, the way a user sets them for the real services. */
export function emulatorEnv(emu: TestEmulator): Record<string, string> {
  const { url, infisical, scrapengine } = emu.emulator;
  return {
    INFISICAL_HOST: url,
    INFISICAL_UNIVERSAL_AUTH_CLIENT_ID: infisical.clientId,
    INFISICAL_UNIVERSAL_AUTH_CLIENT_SECRET: infisical.clientSecret,
    SCRAPENGINE_BASE_URL: scrapengine.baseUrl,
    SCRAPENGINE_API_KEY: scrapengine.apiKey,
  };
}

export interface Run {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
  readonly ms: number;
}

export const describeRun = (what: string, r: Run): string => `--- ${what} (exit ${String(r.code)}, ${r.ms} ms)\n--- stdout\n${r.stdout}\n--- stderr\n${r.stderr}`;

/** Runs a command to its end, asynchronously; throws with the whole output when `expect` is given and differs. */
export function run(
  command: string,
  args: readonly string[],
  opts: { cwd: string; env: NodeJS.ProcessEnv; expect?: number; timeoutMs?: number },
): Promise<Run> {
  const started = Date.now();
  const what = `${command === process.execPath ? "node" : command} ${args.join(" ")}`;
  return new Promise((resolve, reject) => {
    // Its own process group, so a timeout ends terraform together with the provider processes it started.
    const child = spawn(command, args, { cwd: opts.cwd, env: opts.env, stdio: ["ignore", "pipe", "pipe"], detached: true });
    let stdout = "";
    let stderr = "";
    child.stdout.setEncoding("utf8").on("data", (c: string) => (stdout += c));
    child.stderr.setEncoding("utf8").on("data", (c: string) => (stderr += c));
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      try {
        if (child.pid !== undefined) process.kill(-child.pid, "SIGKILL");
      } catch {
        /* gone already */
      }
    }, opts.timeoutMs ?? 60_000);
    child.once("error", (e) => {
      clearTimeout(timer);
      reject(new Error(`could not run ${what}: ${e.message}`));
    });
    child.once("close", (code) => {
      clearTimeout(timer);
      const r: Run = { code, stdout, stderr, ms: Date.now() - started };
      if (timedOut) return reject(new Error(`timed out\n${describeRun(what, r)}`));
      if (opts.expect !== undefined && code !== opts.expect) return reject(new Error(`expected exit ${opts.expect}\n${describeRun(what, r)}`));
      resolve(r);
    });
  });
}

/** `terraform <args>` (with -no-color where it applies). */
export function terraform(args: readonly string[], opts: { cwd: string; env: NodeJS.ProcessEnv; expect?: number }): Promise<Run> {
  const noColor = ["init", "plan", "apply", "destroy", "validate"].includes(args[0]) ? [args[0], "-no-color", ...args.slice(1)] : [...args];
  return run("terraform", noColor, opts);
}

/** `vaultbridge <args>` (the built CLI). */
export function vaultbridge(args: readonly string[], opts: { cwd: string; env: NodeJS.ProcessEnv; expect?: number }): Promise<Run> {
  return run(process.execPath, [BIN, ...args], opts);
}

/**
 * Synthesizes examples/basic into `<outdir>` (cdktf's CDKTF_OUTDIR) and returns the stack folder; the app runs as
 * its cdktf.json says (node with tsx), from its own folder.
 */
export async function synthBasic(outdir: string, env: NodeJS.ProcessEnv): Promise<string> {
  mkdirSync(outdir, { recursive: true });
  await run(process.execPath, ["--require", TSX_CJS, BASIC_APP], { cwd: BASIC, env: { ...env, CDKTF_OUTDIR: outdir }, expect: 0 });
  return join(outdir, "stacks", "basic");
}

/** Installs both providers into a filesystem mirror and returns the CLI configuration file that uses it. */
export async function installProviders(dir: string): Promise<string> {
  const cliConfig = join(dir, "terraform.rc");
  await vaultbridge(["provider", "install", "--mirror", join(dir, "mirror"), "--cli-config", cliConfig], { cwd: dir, env: cleanEnv(), expect: 0 });
  return cliConfig;
}

/** Every regular file under `dir`, recursively, with its text. */
export function filesUnder(dir: string): { path: string; text: string }[] {
  const out: { path: string; text: string }[] = [];
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) out.push(...filesUnder(p));
    else out.push({ path: p, text: readFileSync(p, "utf8") });
  }
  return out;
}

/** How many app connections and vault integrations the emulator holds. */
export async function emulatorCounts(emu: TestEmulator): Promise<{ connections: number; integrations: number }> {
  const c = await emu.infisical("GET", "/api/v1/app-connections");
  const v = await emu.scrapengine("GET", "/vault-integrations");
  if (c.status !== 200 || v.status !== 200) throw new Error(`listing answered ${c.status} / ${v.status}`);
  return { connections: (pick(c.body, "appConnections") as unknown[]).length, integrations: (pick(v.body, "data") as unknown[]).length };
}

/** The resource addresses in a terraform.tfstate (v4). */
export function stateAddresses(stateFile: string): string[] {
  const state = JSON.parse(readFileSync(stateFile, "utf8")) as { version: number; resources: { mode: string; type: string; name: string }[] };
  if (state.version !== 4) throw new Error(`state version ${state.version}`);
  return state.resources.filter((r) => r.mode === "managed").map((r) => `${r.type}.${r.name}`).sort();
}

export function remove(dir: string | undefined): void {
  if (dir) rmSync(dir, { recursive: true, force: true });
}
