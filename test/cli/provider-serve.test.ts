/**
 * Reattach mode: both providers served from one process; terraform finds them through TF_REATTACH_PROVIDERS with
 * no install and no init. Also checks the executables refuse to run by hand with a human message.
 * Assumes dist/ is built (the test command builds first).
 */
import { execFile, spawnSync } from "node:child_process";
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
