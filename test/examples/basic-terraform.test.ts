/**
 * examples/basic, synthesized, through the real terraform against the emulator: init from a filesystem mirror,
 * apply, a no-op plan (-detailed-exitcode exits 0), destroy, and the emulator is empty afterwards. Secrets travel
 * through TF_VAR_* and show in no output.
 */
import { join } from "node:path";
import { TestEmulator } from "../support/emulator";
import { ADDRESSES, cleanEnv, emulatorCounts, emulatorEnv, installProviders, PLANTED, remove, requireBuild, stateAddresses, synthBasic, tempDir, terraform } from "./helpers";

let emu: TestEmulator;
let work: string;
beforeAll(async () => {
  requireBuild();
  emu = await TestEmulator.start();
  work = tempDir("example-tf");
});
afterAll(async () => {
  await emu?.close();
  remove(work);
});

test("apply, no-op plan, destroy with terraform", async () => {
  const [stack, cliConfig] = await Promise.all([synthBasic(join(work, "cdktf.out"), cleanEnv()), installProviders(work)]);
  const env = cleanEnv({ ...emulatorEnv(emu), ...PLANTED, TF_CLI_CONFIG_FILE: cliConfig, TF_IN_AUTOMATION: "1" });
  const opts = { cwd: stack, env };
  const outputs: string[] = [];

  outputs.push((await terraform(["init", "-input=false"], { ...opts, expect: 0 })).stdout);
  const apply = await terraform(["apply", "-input=false", "-auto-approve"], { ...opts, expect: 0 });
  outputs.push(apply.stdout, apply.stderr);
  expect(apply.stdout).toContain("Apply complete! Resources: 4 added, 0 changed, 0 destroyed.");
  expect(stateAddresses(join(stack, "terraform.tfstate"))).toEqual(ADDRESSES);
  expect(await emulatorCounts(emu)).toEqual({ connections: 3, integrations: 1 });

  // A second plan refreshes every object and finds nothing to do.
  const plan = await terraform(["plan", "-input=false", "-detailed-exitcode"], { ...opts, expect: 0 });
  outputs.push(plan.stdout, plan.stderr);
  expect(plan.stdout).toContain("No changes.");

  const destroy = await terraform(["destroy", "-input=false", "-auto-approve"], { ...opts, expect: 0 });
  outputs.push(destroy.stdout, destroy.stderr);
  expect(destroy.stdout).toContain("Destroy complete! Resources: 4 destroyed.");
  expect(await emulatorCounts(emu)).toEqual({ connections: 0, integrations: 0 });

  for (const secret of Object.values(PLANTED)) expect(outputs.join("\n")).not.toContain(secret);
}, 90_000);
