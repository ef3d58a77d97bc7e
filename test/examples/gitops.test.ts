/**
 * examples/gitops against the emulator. pipeline.sh, step by step with Terraform over examples/hcl: plan saves a
 * plan and exits 2 (changes), apply applies that saved plan, the drift check exits 0 when clean and 2 after an
 * out-of-band change made through the emulator's API. demo.sh, the whole story in one command with the engine over
 * examples/basic (it starts and stops its own emulator).
 */
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { TestEmulator } from "../support/emulator";
import { pickString } from "../support/http";
import { cleanEnv, emulatorCounts, emulatorEnv, installProviders, PLANTED, remove, requireBuild, ROOT, run, tempDir } from "./helpers";

const GITOPS = join(ROOT, "examples", "gitops");
let emu: TestEmulator;
let work: string;
beforeAll(async () => {
  requireBuild();
  emu = await TestEmulator.start();
  work = tempDir("example-gitops");
});
afterAll(async () => {
  await emu?.close();
  remove(work);
});

test("pipeline.sh with terraform: plan (2, saved), apply the saved plan, drift 0, out-of-band change, drift 2", async () => {
  const stack = join(work, "stack");
  mkdirSync(stack);
  for (const f of readdirSync(join(ROOT, "examples", "hcl")).filter((n) => n.endsWith(".tf"))) copyFileSync(join(ROOT, "examples", "hcl", f), join(stack, f));
  const cliConfig = await installProviders(work);
  const env = cleanEnv({ ...emulatorEnv(emu), ...PLANTED, TF_CLI_CONFIG_FILE: cliConfig, STACK_DIR: stack, GITHUB_OUTPUT: join(work, "github-output") });
  const outputs: string[] = [];
  const step = async (name: string, expected: number) => {
    const r = await run("bash", [join(GITOPS, "pipeline.sh"), name], { cwd: work, env, expect: expected });
    outputs.push(r.stdout, r.stderr);
    return r;
  };

  const plan = await step("plan", 2);
  expect(plan.stdout).toContain("Plan: 4 to add, 0 to change, 0 to destroy.");
  expect(existsSync(join(stack, "tfplan"))).toBe(true);
  expect(await emulatorCounts(emu)).toEqual({ connections: 0, integrations: 0 });

  const apply = await step("apply", 0);
  expect(apply.stdout).toContain("Apply complete! Resources: 4 added, 0 changed, 0 destroyed.");
  expect(existsSync(join(stack, "tfplan"))).toBe(false);
  expect(await emulatorCounts(emu)).toEqual({ connections: 3, integrations: 1 });

  expect((await step("drift", 0)).stdout).toContain("pipeline: no drift");
  // Applying again without a fresh plan is refused: there is no saved plan any more.
  const stale = await run("bash", [join(GITOPS, "pipeline.sh"), "apply"], { cwd: work, env, expect: 1 });
  expect(stale.stderr).toContain("no saved plan");

  // Someone edits the connection outside the pipeline.
  const found = await emu.infisical("GET", "/api/v1/app-connections/postgres/connection-name/orders-db");
  const id = pickString(found.body, "appConnection", "id");
  expect((await emu.infisical("PATCH", `/api/v1/app-connections/postgres/${id}`, { description: "edited by hand" })).status).toBe(200);

  const drift = await step("drift", 2);
  expect(drift.stdout).toContain("pipeline: DRIFT");
  expect(drift.stdout).toMatch(/description\s+= "edited by hand" -> "Orders database"/);

  // The fix goes through the same pipeline, then the check is clean again.
  await step("plan", 2);
  await step("apply", 0);
  await step("drift", 0);
  await step("destroy", 0);
  expect(await emulatorCounts(emu)).toEqual({ connections: 0, integrations: 0 });

  expect(readFileSync(join(work, "github-output"), "utf8")).toBe(
    ["changes=true", "drift=false", "drift=true", "changes=true", "drift=false", ""].join("\n"),
  );
  for (const secret of Object.values(PLANTED)) expect(outputs.join("\n")).not.toContain(secret);
}, 120_000);

test("demo.sh with the engine: the whole pipeline against its own emulator", async () => {
  const r = await run("bash", [join(GITOPS, "demo.sh")], { cwd: work, env: cleanEnv({ TOOL: "vaultbridge" }), timeoutMs: 110_000 });
  if (r.code !== 0) throw new Error(`demo.sh exited ${r.code}\n${r.stdout}\n${r.stderr}`);
  const steps = [...r.stdout.matchAll(/^== pipeline\.sh (\w+) \(expect exit (\d)\)$/gm)].map((m) => `${m[1]}:${m[2]}`);
  expect(steps).toEqual(["plan:2", "apply:0", "drift:0", "drift:2", "plan:2", "apply:0", "drift:0", "destroy:0"]);
  expect(r.stdout).toContain("demo: the pipeline planned, applied, found drift, corrected it and destroyed the stack.");
}, 120_000);
