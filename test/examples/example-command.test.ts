/**
 * `npm run example` (scripts/example.js), the README's first command: examples/basic end to end against a fresh
 * emulator, with the engine by default and with terraform under --terraform. It succeeds, shows each step, prints
 * no secret (planted through TF_VAR_*, plus the emulator's own credentials), and leaves no temporary file behind.
 */
import { chmodSync, mkdirSync, readdirSync, writeFileSync } from "node:fs";
import { connect } from "node:net";
import { join } from "node:path";
import { cleanEnv, PLANTED, remove, requireBuild, ROOT, run, tempDir } from "./helpers";

let tmp: string;
beforeAll(() => {
  requireBuild();
  tmp = tempDir("example-cmd");
});
afterAll(() => remove(tmp));

const EMULATOR_SECRETS = ["emulator-client-secret", "emulator-api-key"];

async function example(args: string[], name: string) {
  const scratch = join(tmp, name);
  mkdirSync(scratch);
  // Its temporary folder (vaultbridge-example-*) goes under TMPDIR: gone afterwards means it cleaned up.
  const r = await run(process.execPath, [join(ROOT, "scripts", "example.js"), ...args], { cwd: ROOT, env: cleanEnv({ ...PLANTED, TMPDIR: scratch }), timeoutMs: 110_000 });
  if (r.code !== 0) throw new Error(`scripts/example.js ${args.join(" ")} exited ${r.code}\n${r.stdout}\n${r.stderr}`);
  // (Other tools keep their own things there, e.g. tsx its compile cache: those are not the script's to remove.)
  expect(readdirSync(scratch).filter((f) => f.startsWith("vaultbridge-"))).toEqual([]);
  for (const secret of [...Object.values(PLANTED), ...EMULATOR_SECRETS]) expect(r.stdout + r.stderr).not.toContain(secret);
  return r;
}

const headings = (stdout: string): string[] => [...stdout.matchAll(/^\[(\d)\/(\d)\] (.*)$/gm)].map((m) => m[3]);

test("npm run example: the engine takes the stack through plan, apply, a no-op plan and destroy", async () => {
  const pkg = require(join(ROOT, "package.json")) as { scripts: Record<string, string> };
  expect(pkg.scripts.example).toBe("node scripts/example.js");
  const r = await example([], "engine");
  expect(headings(r.stdout)).toEqual([
    "Start the emulator (both APIs on one free port)",
    "Synthesize the CDKTF app (examples/basic/main.ts → cdk.tf.json)",
    "Plan: everything is to be created (exit 2: changes), saved to a plan file",
    "Apply the saved plan",
    "Plan again: no changes (exit 0)",
    "Destroy",
  ]);
  expect(r.stdout).toContain("TF_VAR_pg_password, TF_VAR_heroku_auth_token, TF_VAR_azure_client_secret, TF_VAR_vault_secret_id from your environment");
  expect(r.stdout).toContain("4 resources, 4 sensitive variables, no secret value in it (checked)");
  expect(r.stdout).toContain("Plan: 4 to add, 0 to change, 0 to destroy.");
  expect(r.stdout).toContain("Apply complete! Resources: 4 added, 0 changed, 0 destroyed.");
  expect(r.stdout).toContain("No changes. Your infrastructure matches the configuration.");
  expect(r.stdout).toContain("Destroy complete! Resources: 4 destroyed.");
  expect(r.stdout).toContain("the emulator holds no connection and no vault integration any more");
  expect(r.stdout).toContain("Done: synthesized, planned, applied, re-planned with no changes, destroyed.");
}, 120_000);

test("npm run example -- --terraform: the same with terraform and the providers from a temporary mirror", async () => {
  const r = await example(["--terraform"], "terraform");
  expect(headings(r.stdout)).toEqual([
    "Start the emulator (both APIs on one free port)",
    "Synthesize the CDKTF app (examples/basic/main.ts → cdk.tf.json)",
    "Install the providers into a filesystem mirror, then terraform init",
    "Plan: everything is to be created (exit 2: changes), saved to a plan file",
    "Apply the saved plan",
    "Plan again: no changes (exit 0)",
    "Destroy",
  ]);
  expect(r.stdout).toContain("$ terraform plan -detailed-exitcode -out=example.tfplan");
  expect(r.stdout).toContain("Apply complete! Resources: 4 added, 0 changed, 0 destroyed.");
  expect(r.stdout).toContain("No changes. Your infrastructure matches the configuration.");
  expect(r.stdout).toContain("Destroy complete! Resources: 4 destroyed.");
  expect(r.stdout).toContain("Done: synthesized, planned, applied, re-planned with no changes, destroyed.");
}, 120_000);

test("a bad argument is refused with the usage and a non-zero exit", async () => {
  const r = await run(process.execPath, [join(ROOT, "scripts", "example.js"), "--terrafrom"], { cwd: ROOT, env: cleanEnv() });
  expect(r.code).toBe(1);
  expect(r.stderr).toContain("usage: npm run example [-- --terraform]");
});

test("a failing step stops the run: non-zero exit, the emulator stopped, the temporary folder removed", async () => {
  // A terraform that fails, first on PATH.
  const bin = join(tmp, "fake-bin");
  mkdirSync(bin);
  writeFileSync(join(bin, "terraform"), "#!/bin/sh\necho 'terraform: simulated failure' >&2\nexit 1\n");
  chmodSync(join(bin, "terraform"), 0o755);
  const scratch = join(tmp, "failing");
  mkdirSync(scratch);
  const env = cleanEnv({ ...PLANTED, TMPDIR: scratch, PATH: `${bin}:${process.env.PATH ?? ""}` });
  const r = await run(process.execPath, [join(ROOT, "scripts", "example.js"), "--terraform"], { cwd: ROOT, env, timeoutMs: 60_000 });
  expect(r.code).toBe(1);
  expect(r.stderr).toContain("terraform: simulated failure");
  expect(r.stderr).toContain('example failed: "terraform init" exited 1');
  expect(readdirSync(scratch).filter((f) => f.startsWith("vaultbridge-"))).toEqual([]);
  const url = /listening at (http:\/\/[\d.]+:\d+)/.exec(r.stdout)?.[1];
  expect(url).toBeDefined();
  const { hostname, port } = new URL(url as string);
  const refused = await new Promise<boolean>((resolve) => {
    const socket = connect({ host: hostname, port: Number(port) });
    socket.once("connect", () => (socket.destroy(), resolve(false)));
    socket.once("error", () => resolve(true));
  });
  expect(refused).toBe(true);
  for (const secret of Object.values(PLANTED)) expect(r.stdout + r.stderr).not.toContain(secret);
}, 60_000);
