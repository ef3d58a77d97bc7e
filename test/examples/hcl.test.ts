/**
 * examples/hcl with the real terraform against the emulator: the same stack as examples/basic, written in HCL,
 * applied, re-planned with no changes and destroyed; secrets from TF_VAR_* never show.
 */
import { copyFileSync, mkdirSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { TestEmulator } from "../support/emulator";
import { ADDRESSES, cleanEnv, emulatorCounts, emulatorEnv, installProviders, PLANTED, remove, requireBuild, ROOT, stateAddresses, tempDir, terraform } from "./helpers";

const HCL = join(ROOT, "examples", "hcl");
let emu: TestEmulator;
let work: string;
beforeAll(async () => {
  requireBuild();
  emu = await TestEmulator.start();
  work = tempDir("example-hcl");
});
afterAll(async () => {
  await emu?.close();
  remove(work);
});

test("examples/hcl: apply, no-op plan, destroy with terraform", async () => {
  const stack = join(work, "stack");
  mkdirSync(stack);
  const tf = readdirSync(HCL).filter((f) => f.endsWith(".tf"));
  expect(tf.sort()).toEqual(["main.tf", "variables.tf"]);
  for (const f of tf) copyFileSync(join(HCL, f), join(stack, f));
  const cliConfig = await installProviders(work);
  const opts = { cwd: stack, env: cleanEnv({ ...emulatorEnv(emu), ...PLANTED, TF_CLI_CONFIG_FILE: cliConfig, TF_IN_AUTOMATION: "1" }) };
  const outputs: string[] = [];
  const keep = <T extends { stdout: string; stderr: string }>(r: T): T => (outputs.push(r.stdout, r.stderr), r);

  keep(await terraform(["init", "-input=false"], { ...opts, expect: 0 }));
  const fmt = await terraform(["fmt", "-check", "-diff"], opts);
  expect(fmt.stdout).toBe("");
  keep(await terraform(["validate"], { ...opts, expect: 0 }));

  const apply = keep(await terraform(["apply", "-input=false", "-auto-approve"], { ...opts, expect: 0 }));
  expect(apply.stdout).toContain("Apply complete! Resources: 4 added, 0 changed, 0 destroyed.");
  expect(stateAddresses(join(stack, "terraform.tfstate"))).toEqual(ADDRESSES);
  expect(await emulatorCounts(emu)).toEqual({ connections: 3, integrations: 1 });

  keep(await terraform(["plan", "-input=false", "-detailed-exitcode"], { ...opts, expect: 0 }));

  const destroy = keep(await terraform(["destroy", "-input=false", "-auto-approve"], { ...opts, expect: 0 }));
  expect(destroy.stdout).toContain("Destroy complete! Resources: 4 destroyed.");
  expect(await emulatorCounts(emu)).toEqual({ connections: 0, integrations: 0 });

  for (const secret of Object.values(PLANTED)) expect(outputs.join("\n")).not.toContain(secret);
}, 90_000);
