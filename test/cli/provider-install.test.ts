/**
 * `vaultbridge provider install` writes a filesystem mirror that the real terraform installs from with
 * `terraform init` (no network), and the installed providers work against the emulator.
 * Assumes dist/ is built (the test command builds first).
 */
import { execFile, spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { TestEmulator } from "../support/emulator";

const run = promisify(execFile);
const BIN = join(__dirname, "..", "..", "bin", "vaultbridge.js");
let dir: string;
let emu: TestEmulator;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "vb-install-"));
  emu = await TestEmulator.start();
});
afterAll(async () => {
  await emu.close();
  rmSync(dir, { recursive: true, force: true });
});

/** Asynchronous on purpose: the emulator runs in this process and must keep answering while terraform runs. */
async function terraform(args: string[], cwd: string, cliConfig: string): Promise<{ status: number; stdout: string; stderr: string }> {
  const env = { ...process.env, TF_CLI_CONFIG_FILE: cliConfig, CHECKPOINT_DISABLE: "1", TF_IN_AUTOMATION: "1" };
  try {
    const r = await run("terraform", args, { cwd, env, timeout: 60_000 });
    return { status: 0, stdout: r.stdout, stderr: r.stderr };
  } catch (err) {
    const e = err as { code?: number; stdout?: string; stderr?: string };
    return { status: typeof e.code === "number" ? e.code : -1, stdout: e.stdout ?? "", stderr: e.stderr ?? "" };
  }
}

test("install, terraform init from the mirror, apply and a no-op plan", async () => {
  const mirror = join(dir, "mirror");
  const cliConfig = join(dir, "cli.tfrc");
  const install = spawnSync(process.execPath, [BIN, "provider", "install", "--mirror", mirror, "--cli-config", cliConfig], { encoding: "utf8" });
  expect(install.stderr).toBe("");
  expect(install.status).toBe(0);
  expect(install.stdout).toMatch(/installed .*registry\.terraform\.io\/vaultbridge\/infisical\/0\.1\.0\/linux_amd64\/terraform-provider-infisical_v0\.1\.0/);
  expect(readFileSync(cliConfig, "utf8")).toContain('include = ["registry.terraform.io/vaultbridge/*"]');

  const work = join(dir, "work");
  spawnSync("mkdir", ["-p", work]);
  const { url, infisical, scrapengine } = emu.emulator;
  writeFileSync(
    join(work, "main.tf"),
    `terraform {
  required_providers {
    infisical   = { source = "vaultbridge/infisical", version = "0.1.0" }
    scrapengine = { source = "vaultbridge/scrapengine" }
  }
}
provider "infisical" {
  host = "${url}"
  auth = { universal = { client_id = "${infisical.clientId}", client_secret = "${infisical.clientSecret}" } }
}
provider "scrapengine" {
  base_url = "${scrapengine.baseUrl}"
  api_key  = "${scrapengine.apiKey}"
}
resource "infisical_app_connection_heroku" "web" {
  name        = "installed"
  credentials = { auth_token = "HRKU-installed" }
}
`,
  );
  const init = await terraform(["init", "-no-color"], work, cliConfig);
  expect(init.stdout + init.stderr).toContain("Terraform has been successfully initialized");
  expect(init.status).toBe(0);
  const apply = await terraform(["apply", "-auto-approve", "-no-color"], work, cliConfig);
  expect(apply.stdout).toContain("Apply complete! Resources: 1 added");
  const plan = await terraform(["plan", "-detailed-exitcode", "-no-color"], work, cliConfig);
  expect(plan.status).toBe(0);

  // Installing again over the same mirror is fine.
  expect(spawnSync(process.execPath, [BIN, "provider", "install", "--mirror", mirror, "--cli-config", cliConfig]).status).toBe(0);
});

test("refuses to overwrite a CLI configuration it did not write, and prints what to add", () => {
  const foreign = join(dir, "user.tfrc");
  writeFileSync(foreign, 'plugin_cache_dir = "/tmp"\n');
  const r = spawnSync(process.execPath, [BIN, "provider", "install", "--mirror", join(dir, "m2"), "--cli-config", foreign], { encoding: "utf8" });
  expect(r.status).toBe(1);
  expect(r.stderr).toContain("was not written by vaultbridge");
  expect(r.stderr).toContain("filesystem_mirror");
  expect(readFileSync(foreign, "utf8")).toBe('plugin_cache_dir = "/tmp"\n');
});
