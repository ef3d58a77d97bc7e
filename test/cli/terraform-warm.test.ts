/**
 * `vaultbridge terraform <args…>`: a whole terraform run against one provider process (TF_REATTACH_PROVIDERS),
 * with the providers reading the same environment terraform gets, and terraform's exit code passed through.
 */
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { TestEmulator } from "../support/emulator";

const BIN = join(__dirname, "..", "..", "bin", "vaultbridge.js");
let dir: string;
let emu: TestEmulator;
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "vb-warm-"));
  emu = await TestEmulator.start();
});
afterAll(async () => {
  await emu.close();
  rmSync(dir, { recursive: true, force: true });
});

function warm(args: string[], extra: Record<string, string | undefined> = { TF_LOG: "debug" }): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const { url, infisical } = emu.emulator;
  const env: NodeJS.ProcessEnv = {};
  for (const [k, v] of Object.entries(process.env)) if (!/^(TF_|INFISICAL_|SCRAPENGINE_)/.test(k)) env[k] = v;
  Object.assign(env, { CHECKPOINT_DISABLE: "1", TF_IN_AUTOMATION: "1", INFISICAL_HOST: url, INFISICAL_UNIVERSAL_AUTH_CLIENT_ID: infisical.clientId, INFISICAL_UNIVERSAL_AUTH_CLIENT_SECRET: infisical.clientSecret, ...extra });
  const child = spawn(process.execPath, [BIN, "terraform", ...args], { cwd: dir, env, stdio: ["ignore", "pipe", "pipe"] });
  let stdout = "";
  let stderr = "";
  child.stdout.on("data", (d: Buffer) => (stdout += String(d)));
  child.stderr.on("data", (d: Buffer) => (stderr += String(d)));
  return new Promise((resolve) => child.on("close", (code) => resolve({ code, stdout, stderr })));
}

const main = (description: string): string => `terraform {
  required_providers {
    infisical = { source = "vaultbridge/infisical" }
  }
}
provider "infisical" {}
resource "infisical_app_connection_heroku" "web" {
  name        = "warm"
  description = "${description}"
  credentials = { auth_token = "HRKU-warm" }
}
`;

test("apply, then plan -detailed-exitcode through one warm process: exit codes pass through, no provider is launched", async () => {
  writeFileSync(join(dir, "main.tf"), main("one"));
  const apply = await warm(["apply", "-auto-approve", "-no-color"]);
  expect(apply.code).toBe(0);
  expect(apply.stdout).toContain("Apply complete! Resources: 1 added");
  // Terraform logs each provider it launches; a reattached one is used, never started.
  expect(apply.stderr).not.toMatch(/starting plugin: path=/);
  expect(apply.stderr).toContain('Provider registry.terraform.io/vaultbridge/infisical is overridden as an "unmanaged provider"');

  expect((await warm(["plan", "-detailed-exitcode", "-no-color"])).code).toBe(0);
  writeFileSync(join(dir, "main.tf"), main("two"));
  expect((await warm(["plan", "-detailed-exitcode", "-no-color"])).code).toBe(2);
  const bad = await warm(["plan", "-no-such-flag"]);
  expect(bad.code).toBe(1);
}, 90_000);

test("the providers' log lines reach the terminal as terraform would show them: none without TF_LOG, debug ones with it", async () => {
  writeFileSync(join(dir, "main.tf"), main("logs"));
  const quiet = await warm(["plan", "-no-color"], {});
  expect(quiet.code).toBe(0);
  expect(quiet.stderr).not.toContain('"@level"');
  const provider = await warm(["plan", "-no-color"], { TF_LOG_PROVIDER: "debug" });
  expect(provider.code).toBe(0);
  expect(provider.stderr).toMatch(/"@level":"debug","@message":"ConfigureProvider answered"/);
  const warnOnly = await warm(["plan", "-no-color"], { TF_LOG: "warn" });
  expect(warnOnly.stderr).not.toContain('"@level":"debug"');
}, 90_000);
