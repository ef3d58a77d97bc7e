/**
 * `vaultbridge provider install` writes a filesystem mirror that the real terraform installs from with
 * `terraform init` (no network), under both registry hosts: registry.terraform.io for terraform and
 * registry.opentofu.org for tofu (tofu cannot be installed here; terraform installs the registry.opentofu.org
 * address from the same mirror and CLI config, which is what tofu reads). With --self-contained the executables run
 * with no Node on PATH. Assumes dist/ is built (the test command builds first).
 */
import { spawnSync } from "node:child_process";
import { mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { TestEmulator } from "../support/emulator";
import { describeResult, hermeticEnv, runCommand, tempDir, terraformOnlyPath, type CommandResult } from "../support/release";
import { providerBlocks } from "../support/terraform";

const BIN = join(__dirname, "..", "..", "bin", "vaultbridge.js");
const HOSTS = ["registry.terraform.io", "registry.opentofu.org"];
const TYPES = ["infisical", "scrapengine"];
let dir: string;
let emu: TestEmulator;

beforeAll(async () => {
  dir = tempDir("vb-install-");
  emu = await TestEmulator.start();
});
afterAll(async () => {
  await emu.close();
  rmSync(dir, { recursive: true, force: true });
});

/** Asynchronous on purpose: the emulator runs in this process and must keep answering while terraform runs. */
function terraform(args: string[], cwd: string, env: NodeJS.ProcessEnv, file = "terraform"): Promise<CommandResult> {
  return runCommand(file, [...args, "-no-color"], { cwd, env, timeoutMs: 120_000 });
}

const executable = (mirror: string, host: string, type: string) =>
  join(mirror, host, "vaultbridge", type, "0.1.0", "linux_amd64", `terraform-provider-${type}_v0.1.0`);

/** A stack using infisical by its terraform.io address and scrapengine by its opentofu.org one. */
function writeStack(work: string, name: string): void {
  mkdirSync(work, { recursive: true });
  const blocks = providerBlocks(emu)
    .replace('source = "vaultbridge/infisical"', 'source = "vaultbridge/infisical", version = "0.1.0"')
    .replace('source = "vaultbridge/scrapengine"', 'source = "registry.opentofu.org/vaultbridge/scrapengine"');
  writeFileSync(
    join(work, "main.tf"),
    `${blocks}
resource "infisical_app_connection_heroku" "web" {
  name        = ${JSON.stringify(name)}
  credentials = { auth_token = "HRKU-installed" }
}
resource "scrapengine_vault_integration" "vault" {
  name      = ${JSON.stringify(name)}
  address   = "https://vault.example.com"
  role_id   = "role"
  secret_id = "secret"
}
`,
  );
}

async function initApplyPlan(work: string, env: NodeJS.ProcessEnv, file?: string): Promise<void> {
  const init = await terraform(["init"], work, env, file);
  expect(init.stdout).toContain("Terraform has been successfully initialized");
  expect(init.code).toBe(0);
  const apply = await terraform(["apply", "-auto-approve"], work, env, file);
  if (!apply.stdout.includes("Apply complete! Resources: 2 added")) throw new Error(describeResult("terraform apply", apply));
  const plan = await terraform(["plan", "-detailed-exitcode"], work, env, file);
  expect(plan.code).toBe(0);
}

test("install, terraform init from the mirror (both registry hosts), apply and a no-op plan", async () => {
  const mirror = join(dir, "mirror");
  const cliConfig = join(dir, "cli.tfrc");
  const install = spawnSync(process.execPath, [BIN, "provider", "install", "--mirror", mirror, "--cli-config", cliConfig], { encoding: "utf8" });
  expect(install.stderr).toBe("");
  expect(install.status).toBe(0);
  for (const host of HOSTS) for (const type of TYPES) expect(install.stdout).toContain(`installed ${executable(mirror, host, type)}`);
  const config = readFileSync(cliConfig, "utf8");
  expect(config).toContain('include = ["registry.terraform.io/vaultbridge/*", "registry.opentofu.org/vaultbridge/*"]');
  expect(config).toContain('exclude = ["registry.terraform.io/vaultbridge/*", "registry.opentofu.org/vaultbridge/*"]');
  // A sh launcher that runs the bundle beside it, with the code caches the build made.
  const installed = executable(mirror, "registry.opentofu.org", "infisical");
  expect(readFileSync(installed, "utf8")).toMatch(/^#!\/bin\/sh\n[^]*exec node "\$\{0%\/\*\}\/vaultbridge-provider-infisical\.js" "\$@"\n$/);
  for (const beside of ["vaultbridge-provider-infisical.js", "vaultbridge-zod.v8cache", "vaultbridge-undici.v8cache"]) {
    expect(statSync(join(dirname(installed), beside)).isFile()).toBe(true);
  }

  const work = join(dir, "work");
  writeStack(work, "installed");
  await initApplyPlan(work, hermeticEnv({ TF_CLI_CONFIG_FILE: cliConfig }));
  expect(readFileSync(join(work, ".terraform.lock.hcl"), "utf8")).toContain('provider "registry.opentofu.org/vaultbridge/scrapengine"');

  // Installing again over the same mirror is fine.
  expect(spawnSync(process.execPath, [BIN, "provider", "install", "--mirror", mirror, "--cli-config", cliConfig]).status).toBe(0);
}, 120_000);

test("--self-contained installs executables that terraform runs with no Node on PATH", async () => {
  const mirror = join(dir, "mirror-sc");
  const cliConfig = join(dir, "cli-sc.tfrc");
  const install = await runCommand(process.execPath, [BIN, "provider", "install", "--self-contained", "--mirror", mirror, "--cli-config", cliConfig], { timeoutMs: 180_000 });
  expect(install.code).toBe(0);
  for (const type of TYPES) {
    const [tfHost, tofuHost] = HOSTS.map((host) => executable(mirror, host, type));
    expect(readFileSync(tfHost).subarray(0, 4).toString("latin1")).toBe("\x7fELF");
    expect(statSync(tfHost).mode & 0o777).toBe(0o755);
    expect(statSync(tofuHost).ino).toBe(statSync(tfHost).ino); // one file, linked under both hosts
  }
  const only = terraformOnlyPath(dir);
  const work = join(dir, "work-sc");
  writeStack(work, "self-contained");
  await initApplyPlan(work, hermeticEnv({ PATH: only.dir, TF_CLI_CONFIG_FILE: cliConfig, HOME: dir }), only.terraform);
}, 240_000);

test("refuses to overwrite a CLI configuration it did not write, and prints what to add", () => {
  const foreign = join(dir, "user.tfrc");
  writeFileSync(foreign, 'plugin_cache_dir = "/tmp"\n');
  const r = spawnSync(process.execPath, [BIN, "provider", "install", "--mirror", join(dir, "m2"), "--cli-config", foreign], { encoding: "utf8" });
  expect(r.status).toBe(1);
  expect(r.stderr).toContain("was not written by vaultbridge");
  expect(r.stderr).toContain("filesystem_mirror");
  expect(readFileSync(foreign, "utf8")).toBe('plugin_cache_dir = "/tmp"\n');
});
