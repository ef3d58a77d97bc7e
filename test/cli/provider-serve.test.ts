/**
 * Reattach mode: both providers served from one process; terraform finds them through TF_REATTACH_PROVIDERS with
 * no install and no init. Also checks the executables refuse to run by hand with a human message.
 * Assumes dist/ is built (the test command builds first).
 */
import { execFile, spawn, spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { serveAllForReattach } from "../../src/cli/serve-providers";
import { silentLogger } from "../../src/framework/resource";
import { TestEmulator } from "../support/emulator";

const run = promisify(execFile);
let dir: string;
let emu: TestEmulator;
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "vb-reattach-"));
  emu = await TestEmulator.start();
});
afterAll(async () => {
  await emu.close();
  rmSync(dir, { recursive: true, force: true });
});

test("terraform apply and a no-op plan through TF_REATTACH_PROVIDERS", async () => {
  const served = await serveAllForReattach(silentLogger);
  try {
    const { url, infisical } = emu.emulator;
    writeFileSync(
      join(dir, "main.tf"),
      `terraform {
  required_providers {
    infisical = { source = "vaultbridge/infisical" }
  }
}
provider "infisical" {
  host = "${url}"
  auth = { universal = { client_id = "${infisical.clientId}", client_secret = "${infisical.clientSecret}" } }
}
resource "infisical_app_connection_heroku" "web" {
  name        = "reattached"
  credentials = { auth_token = "HRKU-reattached" }
}
`,
    );
    const env = { ...process.env, TF_REATTACH_PROVIDERS: served.value, CHECKPOINT_DISABLE: "1", TF_IN_AUTOMATION: "1" };
    const apply = await run("terraform", ["apply", "-auto-approve", "-no-color"], { cwd: dir, env });
    expect(apply.stdout).toContain("Apply complete! Resources: 1 added");
    const plan = await run("terraform", ["plan", "-detailed-exitcode", "-no-color"], { cwd: dir, env });
    expect(plan.stdout).toContain("No changes.");
    const listed = await emu.infisical("GET", "/api/v1/app-connections");
    expect(JSON.stringify(listed.body)).toContain('"name":"reattached"');
  } finally {
    await served.close();
  }
});

test("a provider executable run by hand explains itself", () => {
  const bundle = join(__dirname, "..", "..", "dist", "bundle", "terraform-provider-infisical.js");
  const env = { ...process.env };
  delete env.TF_PLUGIN_MAGIC_COOKIE;
  const r = spawnSync(process.execPath, [bundle], { encoding: "utf8", env });
  expect(r.status).toBe(1);
  expect(r.stderr).toContain("This binary is a plugin. These are not meant to be executed directly.");
  expect(r.stderr).toContain("vaultbridge provider install");
  expect(r.stdout).toBe("");
});

test("`provider serve` uses its own environment, not the attaching terraform's, and names what it took", async () => {
  const secret = "canary-serve-secret-7731";
  const own = await TestEmulator.start({ clientSecret: secret });
  const clean = Object.fromEntries(Object.entries(process.env).filter(([k]) => !/^(TF_|INFISICAL_|SCRAPENGINE_)/.test(k)));
  const serveEnv = { ...clean, INFISICAL_HOST: own.url, INFISICAL_UNIVERSAL_AUTH_CLIENT_ID: own.emulator.infisical.clientId, INFISICAL_UNIVERSAL_AUTH_CLIENT_SECRET: secret };
  const serve = spawn(process.execPath, [join(__dirname, "..", "..", "bin", "vaultbridge.js"), "provider", "serve", "--json"], { env: serveEnv, stdio: ["ignore", "pipe", "pipe"] });
  let stdout = "";
  let stderr = "";
  serve.stdout.on("data", (d: Buffer) => (stdout += String(d)));
  serve.stderr.on("data", (d: Buffer) => (stderr += String(d)));
  const ws = mkdtempSync(join(tmpdir(), "vb-serve-env-"));
  try {
    for (let i = 0; i < 100 && !(stdout.includes("\n") && stderr.includes("\n")); i++) await new Promise((r) => setTimeout(r, 100));
    expect(stderr).toContain("INFISICAL_HOST, INFISICAL_UNIVERSAL_AUTH_CLIENT_ID, INFISICAL_UNIVERSAL_AUTH_CLIENT_SECRET");
    expect(stderr).toContain("not from the terraform that attaches");
    expect(stderr + stdout).not.toContain(secret);

    writeFileSync(
      join(ws, "main.tf"),
      `terraform {
  required_providers {
    infisical = { source = "vaultbridge/infisical" }
  }
}
provider "infisical" {}
resource "infisical_app_connection_heroku" "web" {
  name        = "from-serve-env"
  credentials = { auth_token = "HRKU-serve-env" }
}
`,
    );
    // terraform's own INFISICAL_HOST points nowhere: the apply works only because serve's environment is used.
    const env = { ...clean, TF_REATTACH_PROVIDERS: stdout.split("\n")[0], INFISICAL_HOST: "http://127.0.0.1:9", CHECKPOINT_DISABLE: "1", TF_IN_AUTOMATION: "1" };
    const apply = await run("terraform", ["apply", "-auto-approve", "-no-color"], { cwd: ws, env });
    expect(apply.stdout).toContain("Apply complete! Resources: 1 added");
    expect(JSON.stringify((await own.infisical("GET", "/api/v1/app-connections")).body)).toContain('"name":"from-serve-env"');
  } finally {
    serve.kill("SIGTERM");
    await new Promise((r) => serve.once("close", r));
    rmSync(ws, { recursive: true, force: true });
    await own.close();
  }
});
