/**
 * Acceptance through the real `terraform` binary: an apply interrupted while creates are in flight on a server that
 * has committed them but answers slowly. Ctrl-C (SIGINT to terraform's process group, as a terminal sends it) must
 * end with every committed object in state; a crash (SIGKILL to terraform and its providers) must be completed by
 * the next apply without "already exists" and without a duplicate.
 */
import { spawn } from "node:child_process";
import { existsSync, mkdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describeRun, output, ownDiagnostics, raw, resourceBlock } from "../support/terraform";
import { HEROKU, VAULT, blocksFor, listConnections, listVaults, useEmulatorAndWorkspace } from "./helpers";

const BIN = join(__dirname, "..", "..", "bin", "vaultbridge.js");
const N = 8;
const SLOW_ANSWER_MS = 2500;

const t = useEmulatorAndWorkspace();

function stack(n: number): string {
  return [
    blocksFor(t.emu, HEROKU),
    resourceBlock(HEROKU, "conn", { name: raw('"conn-${count.index}"'), credentials: { auth_token: raw('"HRKU-token-${count.index}"') } }, [`count = ${n}`]),
  ].join("\n");
}

const expectedNames = (n: number): string[] => Array.from({ length: n }, (_, i) => `conn-${i}`).sort();

async function serverNames(): Promise<string[]> {
  return (await listConnections(t.emu)).map((c) => String(c.name)).sort();
}

/** Resolves once the emulator holds `n` connections (they are committed; their answers are still on the way). */
async function committed(n: number, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while ((await serverNames()).length < n) {
    if (Date.now() > deadline) throw new Error(`only ${(await serverNames()).length} of ${n} creates were committed`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

test("Ctrl-C while committed creates are still answering: terraform records every object, the next plan is a no-op", async () => {
  t.ws.write({ "main.tf": stack(N) });
  await t.emu.faults([{ method: "POST", path: "^/api/v1/app-connections/heroku$", delayAfterCommitMs: SLOW_ANSWER_MS }]);

  const apply = t.ws.start(["apply", "-auto-approve"]);
  await committed(N);
  apply.signal("SIGINT");
  const interrupted = await apply.result;
  await t.emu.faults([]);

  expect(interrupted.stdout + interrupted.stderr).toContain("Interrupt received");
  expect(await serverNames()).toEqual(expectedNames(N));
  const recorded = t.ws.instances(HEROKU).map((i) => String(i.attributes.name)).sort();
  if (recorded.length !== N) throw new Error(`state holds ${recorded.length} of ${N} committed objects\n${describeRun(interrupted)}`);
  expect(recorded).toEqual(expectedNames(N));
  const ids = new Set((await listConnections(t.emu)).map((c) => String(c.id)));
  expect(t.ws.instances(HEROKU).every((i) => ids.has(String(i.attributes.id)))).toBe(true);

  const next = await t.ws.run(["plan", "-detailed-exitcode"]);
  if (next.code !== 0) throw new Error(`the plan after Ctrl-C is not a no-op\n${describeRun(next)}`);
  expect(ownDiagnostics(output(next))).toEqual([]);
}, 90_000);

test("kill -9 of terraform and its providers mid-apply: the next apply adopts what was committed, no duplicate", async () => {
  // Both providers write the one intents file at once.
  const vaults = resourceBlock(VAULT, "vault", { name: raw('"vault-${count.index}"'), address: "https://vault.example.com", role_id: "role", secret_id: raw('"sid-${count.index}"') }, ["count = 2"]);
  t.ws.write({ "main.tf": `${stack(N).replace(blocksFor(t.emu, HEROKU), blocksFor(t.emu, HEROKU, VAULT))}
${vaults}` });
  await t.emu.faults([{ method: "POST", path: "^/api/v1/(app-connections/heroku|vault-integrations)$", delayAfterCommitMs: 5000 }]);

  const apply = t.ws.start(["apply", "-auto-approve"]);
  await committed(N);
  while ((await listVaults(t.emu)).length < 2) await new Promise((r) => setTimeout(r, 50));
  // As a machine crash would: terraform and every provider process at once, nothing gets to clean up.
  apply.signal("SIGKILL");
  const killed = await apply.result;
  await t.emu.faults([]);
  expect(killed.signal).toBe("SIGKILL");
  // Terraform recorded none of them (it had only just created the state file).
  const stateText = t.ws.hasState() ? t.ws.read("terraform.tfstate") : "";
  expect(stateText.trim() === "" ? [] : t.ws.instances(HEROKU)).toEqual([]);

  // The providers ran in terraform's working directory and recorded each create there, without a secret.
  const intentsFile = join(t.ws.dir, ".terraform", "vaultbridge", "create-intents.json");
  expect(existsSync(intentsFile)).toBe(true);
  const intents = readFileSync(intentsFile, "utf8");
  expect(Object.keys(JSON.parse(intents) as object)).toHaveLength(N + 2);
  expect(intents).not.toMatch(/HRKU-token|sid-/);

  const resumed = await t.ws.run(["apply", "-auto-approve"]);
  if (resumed.code !== 0) throw new Error(`the apply after kill -9 failed\n${describeRun(resumed)}`);
  expect(output(resumed)).not.toMatch(/already exists/);
  expect(await serverNames()).toEqual(expectedNames(N));
  expect(t.ws.instances(HEROKU).map((i) => String(i.attributes.name)).sort()).toEqual(expectedNames(N));
  const ids = (await listConnections(t.emu)).map((c) => String(c.id)).sort();
  expect(t.ws.instances(HEROKU).map((i) => String(i.attributes.id)).sort()).toEqual(ids);
  expect((await listVaults(t.emu)).map((v) => String(v.name)).sort()).toEqual(["vault-0", "vault-1"]);
  expect(t.ws.instances(VAULT)).toHaveLength(2);
  expect(existsSync(intentsFile)).toBe(false);

  const next = await t.ws.run(["plan", "-detailed-exitcode"]);
  if (next.code !== 0) throw new Error(`the plan after recovery is not a no-op\n${describeRun(next)}`);
}, 90_000);

test("an object of that name this configuration never created: the error names the exact terraform import command", async () => {
  await t.emu.infisical("POST", "/api/v1/app-connections/heroku", { name: "taken", method: "auth-token", credentials: { authToken: "HRKU-theirs" } });
  t.ws.write({ "main.tf": `${blocksFor(t.emu, HEROKU)}\n${resourceBlock(HEROKU, "web", { name: "taken", credentials: { auth_token: "HRKU-ours" } })}` });
  const failed = await t.ws.run(["apply", "-auto-approve"], { expectCode: 1 });
  const [error] = ownDiagnostics(output(failed));
  expect(error.address).toBe(`${HEROKU}.web`);
  expect(error.detail).toContain("already exists");
  expect(error.detail).toContain(`terraform import '${HEROKU}.<NAME>' "taken", <NAME> as in the address shown above`);
  expect(await serverNames()).toEqual(["taken"]);
}, 60_000);

test("under -chdir the intents live in the directory terraform switched to, and a killed run is still completed", async () => {
  mkdirSync(join(t.ws.dir, "stack"));
  t.ws.write({ "stack/main.tf": stack(3) });
  await t.emu.faults([{ method: "POST", path: "^/api/v1/app-connections/heroku$", delayAfterCommitMs: 5000 }]);
  const apply = t.ws.start(["-chdir=stack", "apply", "-auto-approve", "-no-color"]);
  await committed(3);
  expect(existsSync(join(t.ws.dir, "stack", ".terraform", "vaultbridge", "create-intents.json"))).toBe(true);
  apply.signal("SIGKILL");
  await apply.result;
  await t.emu.faults([]);

  const resumed = await t.ws.run(["-chdir=stack", "apply", "-auto-approve", "-no-color"]);
  if (resumed.code !== 0) throw new Error(`the apply after kill -9 failed\n${describeRun(resumed)}`);
  expect(await serverNames()).toEqual(expectedNames(3));
  const state = JSON.parse(readFileSync(join(t.ws.dir, "stack", "terraform.tfstate"), "utf8")) as { resources: { instances: unknown[] }[] };
  expect(state.resources.flatMap((r) => r.instances)).toHaveLength(3);
  expect((await t.ws.run(["-chdir=stack", "plan", "-detailed-exitcode", "-no-color"])).code).toBe(0);
}, 60_000);

test("vaultbridge terraform (one warm provider process): a run killed -9 mid-apply is completed by the next one", async () => {
  const warm = (args: string[]) => {
    const env: NodeJS.ProcessEnv = {};
    for (const [k, v] of Object.entries(process.env)) if (!/^(TF_|INFISICAL_|SCRAPENGINE_)/.test(k)) env[k] = v;
    Object.assign(env, { CHECKPOINT_DISABLE: "1", TF_IN_AUTOMATION: "1" });
    // Its own process group, so a crash can take vaultbridge and terraform at once.
    const child = spawn(process.execPath, [BIN, "terraform", ...args], { cwd: t.ws.dir, env, stdio: ["ignore", "pipe", "pipe"], detached: true });
    let out = "";
    child.stdout.on("data", (d: Buffer) => (out += String(d)));
    child.stderr.on("data", (d: Buffer) => (out += String(d)));
    const done = new Promise<{ code: number | null; out: string }>((resolve) => child.on("close", (code) => resolve({ code, out })));
    return { done, kill: () => process.kill(-child.pid!, "SIGKILL") };
  };
  t.ws.write({ "main.tf": stack(3) });
  await t.emu.faults([{ method: "POST", path: "^/api/v1/app-connections/heroku$", delayAfterCommitMs: 5000 }]);
  const first = warm(["apply", "-auto-approve", "-no-color"]);
  await committed(3);
  expect(existsSync(join(t.ws.dir, ".terraform", "vaultbridge", "create-intents.json"))).toBe(true);
  first.kill();
  await first.done;
  await t.emu.faults([]);

  const resumed = await warm(["apply", "-auto-approve", "-no-color"]).done;
  if (resumed.code !== 0) throw new Error(`the warm apply after kill -9 failed\n${resumed.out}`);
  expect(resumed.out).not.toMatch(/already exists/);
  expect(await serverNames()).toEqual(expectedNames(3));
  expect(t.ws.instances(HEROKU)).toHaveLength(3);
  expect((await t.ws.run(["plan", "-detailed-exitcode"])).code).toBe(0);
}, 60_000);
