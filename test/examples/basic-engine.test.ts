/**
 * examples/basic (CDKTF) and examples/cdktn (CDK Terrain) through the embedded engine (`vaultbridge plan | apply | destroy`, no Terraform), the way a user
 * runs it: in a folder whose cdktf.json names the app, so each command synthesizes first. Apply, a no-op plan
 * (--detailed-exitcode exits 0), destroy; the emulator is empty afterwards, the state is Terraform's v4 format next
 * to cdk.tf.json, and no planted secret shows in any output or synthesized file.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { TestEmulator } from "../support/emulator";
import { ADDRESSES, BASIC_APP, CDKTN_APP, cleanEnv, emulatorCounts, emulatorEnv, filesUnder, PLANTED, remove, requireBuild, stateAddresses, tempDir, TSX_CJS, vaultbridge } from "./helpers";

let emu: TestEmulator;
let work: string;
beforeAll(async () => {
  requireBuild();
  emu = await TestEmulator.start();
  work = tempDir("example-engine");
});
afterAll(async () => {
  await emu?.close();
  remove(work);
});

test.each([
  ["examples/basic", BASIC_APP, "basic"],
  ["examples/cdktn", CDKTN_APP, "cdktn"],
])("%s: apply, no-op plan, destroy with the engine, synthesizing through cdktf.json", async (_example, appFile, stackName) => {
  const dir = join(work, stackName);
  mkdirSync(dir);
  writeFileSync(join(dir, "cdktf.json"), JSON.stringify({ language: "typescript", app: `node --require ${JSON.stringify(TSX_CJS)} ${JSON.stringify(appFile)}` }));
  const opts = { cwd: dir, env: cleanEnv({ ...emulatorEnv(emu), ...PLANTED }) };
  const stack = join(dir, "cdktf.out", "stacks", stackName);
  const outputs: string[] = [];
  const keep = <T extends { stdout: string; stderr: string }>(r: T): T => (outputs.push(r.stdout, r.stderr), r);

  const first = keep(await vaultbridge(["plan", "--detailed-exitcode"], { ...opts, expect: 2 }));
  expect(first.stdout).toContain("Synthesizing the CDKTF app");
  expect(first.stdout).toContain("Plan: 4 to add, 0 to change, 0 to destroy.");
  expect(await emulatorCounts(emu)).toEqual({ connections: 0, integrations: 0 });

  const apply = keep(await vaultbridge(["apply", "--auto-approve"], { ...opts, expect: 0 }));
  expect(apply.stdout).toContain("Apply complete! Resources: 4 added, 0 changed, 0 destroyed.");
  expect(await emulatorCounts(emu)).toEqual({ connections: 3, integrations: 1 });
  // The local backend's relative path: the state sits next to cdk.tf.json, in Terraform's format.
  expect(stateAddresses(join(stack, "terraform.tfstate"))).toEqual(ADDRESSES);

  const again = keep(await vaultbridge(["plan", "--detailed-exitcode"], { ...opts, expect: 0 }));
  expect(again.stdout).toContain("No changes.");

  const destroy = keep(await vaultbridge(["destroy", "--auto-approve"], { ...opts, expect: 0 }));
  expect(destroy.stdout).toContain("Destroy complete! Resources: 4 destroyed.");
  expect(await emulatorCounts(emu)).toEqual({ connections: 0, integrations: 0 });
  expect(stateAddresses(join(stack, "terraform.tfstate"))).toEqual([]);

  for (const secret of Object.values(PLANTED)) expect(outputs.join("\n")).not.toContain(secret);
  const synthesized = filesUnder(join(dir, "cdktf.out")).filter((f) => !/terraform\.tfstate/.test(f.path));
  expect(synthesized.length).toBeGreaterThanOrEqual(2);
  for (const f of synthesized) for (const secret of Object.values(PLANTED)) expect(f.text.includes(secret)).toBe(false);
}, 90_000);
