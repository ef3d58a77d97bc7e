/**
 * `vaultbridge adopt` against objects made directly through the emulator's APIs: the HCL stack it writes is
 * imported by terraform with no change and no write call; the CDKTF app synthesizes, and both the engine and
 * terraform import everything from it and then have nothing to do. No secret is ever written.
 */
import { mkdirSync, readFileSync, symlinkSync } from "node:fs";
import { join } from "node:path";
import { TestEmulator } from "../support/emulator";
import { makeObjects } from "../support/made-outside";
import { cleanEnv, emulatorEnv, filesUnder, installProviders, remove, requireBuild, ROOT, run, tempDir, terraform, vaultbridge } from "./helpers";

let emu: TestEmulator;
let work: string;
let cliConfig: string;

beforeAll(async () => {
  requireBuild();
  emu = await TestEmulator.start();
  work = tempDir("adopt");
  cliConfig = await installProviders(work);
});
afterAll(async () => {
  await emu.close();
  remove(work);
});

const SECRETS = ["ui-secret", "ui-client-secret", "ui-oauth-code", "ui-secret-id"];
const writes = async (): Promise<string[]> =>
  (await emu.requests()).filter((r) => r.method !== "GET" && !r.path.includes("/auth/")).map((r) => `${r.method} ${r.path}`);

test("--format hcl: terraform imports everything with no change and no write, then plans nothing", async () => {
  await emu.reset();
  await makeObjects(emu);
  const out = join(work, "hcl");
  const env = cleanEnv({ ...emulatorEnv(emu), TF_CLI_CONFIG_FILE: cliConfig });
  await emu.clearRequests();
  const adopted = await vaultbridge(["adopt", "--format", "hcl", "--out", out], { cwd: work, env, expect: 0 });
  expect(adopted.stdout).toMatch(/Adopted 4 objects \(3 secret variables/);
  // One list call per API, whatever the number of objects.
  expect((await emu.requests()).filter((r) => !r.path.includes("/auth/")).map((r) => `${r.method} ${r.path}`)).toEqual(["GET /api/v1/app-connections", "GET /api/v1/vault-integrations"]);

  const main = readFileSync(join(out, "main.tf"), "utf8");
  expect(main).toContain('resource "infisical_app_connection_postgres" "ui_orders_db"');
  expect(main).toContain("password_wo = var.ui_orders_db_password");
  expect(main).toMatch(/method\s+= "oauth"/);
  expect(main).not.toMatch(/code_wo|code\s+=/);
  expect(main).toMatch(/port\s+= 6543/);
  expect(main).toMatch(/namespace\s+= "team-a"/);
  expect(readFileSync(join(out, "variables.tf"), "utf8")).toMatch(/variable "ui_orders_db_password" \{[\s\S]*ephemeral\s+= true[\s\S]*default\s+= null/);

  expect((await terraform(["fmt", "-check", "-diff"], { cwd: out, env })).stdout).toBe("");
  await terraform(["init", "-input=false"], { cwd: out, env, expect: 0 });
  await emu.clearRequests();
  const plan = await terraform(["plan", "-input=false", "-detailed-exitcode"], { cwd: out, env, expect: 2 });
  expect(plan.stdout).toContain("Plan: 4 to import, 0 to add, 0 to change, 0 to destroy.");
  await terraform(["apply", "-input=false", "-auto-approve"], { cwd: out, env, expect: 0 });
  await terraform(["plan", "-input=false", "-detailed-exitcode"], { cwd: out, env, expect: 0 });
  expect(await writes()).toEqual([]);

  // Refuses to overwrite what it wrote, unless told to.
  const again = await vaultbridge(["adopt", "--out", out], { cwd: work, env });
  expect(again.code).toBe(1);
  expect(again.stderr).toMatch(/is not empty; choose another --out, or pass --force/);

  for (const f of filesUnder(out).filter((x) => !x.path.includes(".terraform"))) for (const s of SECRETS) expect({ file: f.path, leaked: f.text.includes(s) }).toEqual({ file: f.path, leaked: false });
}, 120_000);

test("--format cdktf: the app synthesizes; the engine imports with no write, terraform agrees, then nothing to do", async () => {
  await emu.reset();
  await makeObjects(emu);
  const out = join(work, "cdktf");
  const env = cleanEnv({ ...emulatorEnv(emu), TF_CLI_CONFIG_FILE: cliConfig });
  await vaultbridge(["adopt", "--format", "cdktf", "--out", out, "--project-id", emu.emulator.projectId], { cwd: work, env, expect: 0 });
  const pkg = JSON.parse(readFileSync(join(out, "package.json"), "utf8")) as { dependencies: Record<string, string> };
  expect(pkg.dependencies).toMatchObject({ cdktf: "0.21.0", vaultbridge: expect.any(String) });
  expect(JSON.parse(readFileSync(join(out, "cdktf.json"), "utf8"))).toMatchObject({ app: "node --require tsx/cjs main.ts" });
  expect(readFileSync(join(out, "main.ts"), "utf8")).toContain('.importFrom("');

  // As a user has it after `npm install`: this package and the CDK in node_modules.
  mkdirSync(join(out, "node_modules", "@types"), { recursive: true });
  symlinkSync(ROOT, join(out, "node_modules", "vaultbridge"), "dir");
  for (const dep of ["cdktf", "constructs", "tsx", "@types/node"]) symlinkSync(join(ROOT, "node_modules", dep), join(out, "node_modules", dep), "dir");
  const tsc = await run(process.execPath, [join(ROOT, "node_modules", "typescript", "bin", "tsc"), "-p", "tsconfig.json"], { cwd: out, env });
  expect(tsc.stdout + tsc.stderr).toBe("");

  await emu.clearRequests();
  const plan = await vaultbridge(["plan", "--detailed-exitcode"], { cwd: out, env });
  // --project-id: that project's connections (the PostgreSQL one), and the vault integrations (which have none).
  expect(plan.stdout).toContain("Plan: 2 to import, 0 to add, 0 to change, 0 to destroy.");
  expect(plan.stdout).toContain("infisical_app_connection_postgres.ui_orders_db will be imported");
  expect(plan.code).toBe(2);
  await vaultbridge(["apply", "--auto-approve"], { cwd: out, env, expect: 0 });
  await vaultbridge(["plan", "--detailed-exitcode"], { cwd: out, env, expect: 0 });
  expect(await writes()).toEqual([]);

  // Terraform, on the synthesized stack and the engine's state, agrees there is nothing to do.
  const stackDir = join(out, "cdktf.out", "stacks", "adopted");
  await terraform(["init", "-input=false"], { cwd: stackDir, env, expect: 0 });
  await terraform(["plan", "-input=false", "-detailed-exitcode"], { cwd: stackDir, env, expect: 0 });
  for (const f of filesUnder(out).filter((x) => !x.path.includes("node_modules") && !x.path.includes(".terraform"))) {
    for (const s of SECRETS) expect({ file: f.path, leaked: f.text.includes(s) }).toEqual({ file: f.path, leaked: false });
  }
}, 180_000);
