/**
 * The engine's command line against the emulator: exit codes, saved plans, confirmation, --json, and runs that
 * are interrupted (Ctrl-C) or killed half way, then completed by the next apply with no duplicate object.
 * Assumes dist/ is built (the test command builds first). The emulator runs in this process, so every child
 * process is spawned asynchronously.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { TestEmulator } from "../support/emulator";

const BIN = join(__dirname, "..", "..", "bin", "vaultbridge.js");
const CANARY = "canary-cli-8812";
let emu: TestEmulator;
let dir: string;

beforeAll(async () => {
  emu = await TestEmulator.start();
});
afterAll(() => emu.close());
beforeEach(async () => {
  await emu.reset();
  await emu.control("PUT", "/latency", { ms: 0 });
  dir = mkdtempSync(join(tmpdir(), "vb-cli-"));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

function writeStack(count: number): void {
  const { url, infisical } = emu.emulator;
  writeFileSync(
    join(dir, "cdk.tf.json"),
    JSON.stringify({
      terraform: { required_providers: { infisical: { source: "vaultbridge/infisical" } } },
      provider: { infisical: [{ host: url, auth: { universal: { client_id: infisical.clientId, client_secret: infisical.clientSecret } } }] },
      variable: { token: { type: "string", sensitive: true } },
      resource: { infisical_app_connection_heroku: { c: { count, name: "conn-${count.index}", credentials: { auth_token: "${var.token}" } } } },
    }),
  );
}

interface Run {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

function start(args: string[], onStdout?: (text: string, child: ChildProcess) => void): Promise<Run> {
  const child = spawn(process.execPath, [BIN, ...args], { cwd: dir, env: { ...process.env, TF_VAR_token: `HRKU-${CANARY}` }, stdio: ["ignore", "pipe", "pipe"] });
  let stdout = "";
  let stderr = "";
  child.stdout.on("data", (d: Buffer) => {
    stdout += String(d);
    onStdout?.(stdout, child);
  });
  child.stderr.on("data", (d: Buffer) => (stderr += String(d)));
  return new Promise((resolve) => child.on("close", (code, signal) => resolve({ code, signal, stdout, stderr })));
}

async function names(): Promise<string[]> {
  const res = await emu.infisical("GET", "/api/v1/app-connections");
  return (res.body as { appConnections: { name: string }[] }).appConnections.map((c) => c.name).sort();
}

const expected = (n: number) => Array.from({ length: n }, (_, i) => `conn-${i}`).sort();

test("exit codes, confirmation, saved plans and --json; no secret printed", async () => {
  writeStack(3);
  const plan = await start(["plan", "--detailed-exitcode"]);
  expect(plan.code).toBe(2);
  expect(plan.stdout).toContain("Plan: 3 to add, 0 to change, 0 to destroy.");
  expect(plan.stdout).toContain("auth_token = (sensitive value)");

  const unconfirmed = await start(["apply"]);
  expect(unconfirmed.code).toBe(1);
  expect(unconfirmed.stderr).toContain("Pass --auto-approve");
  expect(await names()).toEqual([]);

  const saved = await start(["plan", "--out", "tfplan"]);
  expect(saved.code).toBe(0);
  const applied = await start(["apply", "tfplan"]);
  expect(applied.code).toBe(0);
  expect(applied.stdout).toMatch(/infisical_app_connection_heroku\.c\[0\]: Creation complete after \d+s \[id=/);
  expect(applied.stdout).toContain("Apply complete! Resources: 3 added, 0 changed, 0 destroyed.");
  expect(await names()).toEqual(expected(3));

  const again = await start(["apply", "tfplan"]);
  expect(again.code).toBe(1);
  expect(again.stderr).toContain("Saved Plan Is Stale");

  const clean = await start(["plan", "--detailed-exitcode", "--json"]);
  expect(clean.code).toBe(0);
  const json = JSON.parse(clean.stdout) as { resource_changes: { change: { actions: string[] } }[] };
  expect(json.resource_changes.map((c) => c.change.actions)).toEqual([["no-op"], ["no-op"], ["no-op"]]);

  const destroyed = await start(["destroy", "--auto-approve"]);
  expect(destroyed.code).toBe(0);
  expect(await names()).toEqual([]);

  for (const r of [plan, unconfirmed, saved, applied, again, clean, destroyed]) expect(r.stdout + r.stderr).not.toContain(CANARY);
  // The saved plan holds variable values (as terraform's do), so it is written owner-only.
  expect(readFileSync(join(dir, "tfplan")).length).toBeGreaterThan(0);
});

test("Ctrl-C during apply keeps what finished; the next apply completes it with no duplicate", async () => {
  writeStack(12);
  await emu.control("PUT", "/latency", { ms: 150 });
  let sent = false;
  const interrupted = await start(["apply", "--auto-approve", "--parallelism", "2"], (out, child) => {
    if (!sent && out.includes("Creation complete")) {
      sent = true;
      child.kill("SIGINT");
    }
  });
  expect(interrupted.code).toBe(1);
  expect(interrupted.stderr).toContain("Interrupt received");
  const state = JSON.parse(readFileSync(join(dir, "terraform.tfstate"), "utf8"));
  const recorded = state.resources[0].instances.length;
  expect(recorded).toBeGreaterThan(0);
  expect(recorded).toBeLessThan(12);
  expect((await names()).length).toBe(recorded);

  await emu.control("PUT", "/latency", { ms: 0 });
  const resumed = await start(["apply", "--auto-approve"]);
  expect(resumed.code).toBe(0);
  expect(await names()).toEqual(expected(12));
  expect((await start(["plan", "--detailed-exitcode"])).code).toBe(0);
});

test("a killed apply is completed by the next one with no duplicate object", async () => {
  writeStack(12);
  await emu.control("PUT", "/latency", { ms: 150 });
  let killed = false;
  const run = await start(["apply", "--auto-approve", "--parallelism", "4"], (out, child) => {
    if (!killed && out.includes("Creation complete")) {
      killed = true;
      child.kill("SIGKILL");
    }
  });
  expect(run.signal).toBe("SIGKILL");
  // Creates in flight when the process died reached the server but not the state.
  await new Promise((r) => setTimeout(r, 1000));
  await emu.control("PUT", "/latency", { ms: 0 });
  const resumed = await start(["apply", "--auto-approve"]);
  expect([resumed.code, resumed.stderr]).toEqual([0, ""]);
  expect(await names()).toEqual(expected(12));
  expect(existsSync(join(dir, "terraform.tfstate.intents.json")) ? readFileSync(join(dir, "terraform.tfstate.intents.json"), "utf8") : "none").toBe("none");
  expect((await start(["plan", "--detailed-exitcode"])).code).toBe(0);
});

test("a second run during an apply is refused by the lock", async () => {
  writeStack(6);
  await emu.control("PUT", "/latency", { ms: 200 });
  let second: Promise<Run> | undefined;
  const first = await start(["apply", "--auto-approve", "--parallelism", "1"], (out) => {
    if (!second && out.includes("Creating...")) second = start(["apply", "--auto-approve"]);
  });
  expect(first.code).toBe(0);
  const refused = await second!;
  expect(refused.code).toBe(1);
  expect(refused.stderr).toMatch(/State Locked[\s\S]*The state is locked by apply/);
  expect(await names()).toEqual(expected(6));
});

test("over the app cdktf.json names: synthesizes into its output folder, whatever CDKTF_OUTDIR the shell had", async () => {
  const { url, infisical } = emu.emulator;
  const stack = {
    provider: { infisical: [{ host: url, auth: { universal: { client_id: infisical.clientId, client_secret: infisical.clientSecret } } }] },
    resource: { infisical_app_connection_heroku: { h: { name: "from-app", credentials: { auth_token: "HRKU-x" } } } },
  };
  // A stand-in for a CDKTF app: writes <CDKTF_OUTDIR>/stacks/main/cdk.tf.json as app.synth() does.
  writeFileSync(
    join(dir, "synth.js"),
    `const fs = require("fs"), p = require("path"); const d = p.join(process.env.CDKTF_OUTDIR, "stacks", "main"); fs.mkdirSync(d, { recursive: true }); fs.writeFileSync(p.join(d, "cdk.tf.json"), ${JSON.stringify(JSON.stringify(stack))});`,
  );
  writeFileSync(join(dir, "cdktf.json"), JSON.stringify({ app: "node synth.js", output: "out" }));
  const child = spawn(process.execPath, [BIN, "plan", "--detailed-exitcode"], { cwd: dir, env: { ...process.env, CDKTF_OUTDIR: "/nonexistent" } });
  let stdout = "";
  child.stdout.on("data", (d: Buffer) => (stdout += String(d)));
  const code = await new Promise((resolve) => child.on("close", resolve));
  expect([code, stdout]).toEqual([2, expect.stringContaining("infisical_app_connection_heroku.h will be created")]);
  expect(existsSync(join(dir, "out", "stacks", "main", "cdk.tf.json"))).toBe(true);
});
