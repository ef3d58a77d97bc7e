/**
 * Acceptance through the real `terraform` binary: an apply interrupted while creates are in flight on a server that
 * has committed them but answers slowly. Ctrl-C (SIGINT to terraform's process group, as a terminal sends it) must
 * end with every committed object in state; a crash (SIGKILL to terraform and its providers) must be completed by
 * the next apply without "already exists" and without a duplicate.
 */
import { TestEmulator } from "../support/emulator";
import { TerraformWorkspace, describeRun, output, ownDiagnostics, raw, resourceBlock } from "../support/terraform";
import { HEROKU, blocksFor, listConnections } from "./helpers";

const N = 8;
const SLOW_ANSWER_MS = 2500;

let emu: TestEmulator;
let ws: TerraformWorkspace | undefined;

beforeAll(async () => {
  emu = await TestEmulator.start();
});
afterAll(async () => {
  await emu.close();
});
afterEach(() => {
  ws?.cleanup();
  ws = undefined;
});

function stack(n: number): string {
  return [
    blocksFor(emu, HEROKU),
    resourceBlock(HEROKU, "conn", { name: raw('"conn-${count.index}"'), credentials: { auth_token: raw('"HRKU-token-${count.index}"') } }, [`count = ${n}`]),
  ].join("\n");
}

const expectedNames = (n: number): string[] => Array.from({ length: n }, (_, i) => `conn-${i}`).sort();

async function serverNames(): Promise<string[]> {
  return (await listConnections(emu)).map((c) => String(c.name)).sort();
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
  await emu.reset();
  ws = new TerraformWorkspace();
  ws.write({ "main.tf": stack(N) });
  await emu.faults([{ method: "POST", path: "^/api/v1/app-connections/heroku$", delayAfterCommitMs: SLOW_ANSWER_MS }]);

  const apply = ws.start(["apply", "-auto-approve"]);
  await committed(N);
  apply.signal("SIGINT");
  const interrupted = await apply.result;
  await emu.faults([]);

  expect(interrupted.stdout + interrupted.stderr).toContain("Interrupt received");
  expect(await serverNames()).toEqual(expectedNames(N));
  const recorded = ws.instances(HEROKU).map((i) => String(i.attributes.name)).sort();
  if (recorded.length !== N) throw new Error(`state holds ${recorded.length} of ${N} committed objects\n${describeRun(interrupted)}`);
  expect(recorded).toEqual(expectedNames(N));
  const ids = new Set((await listConnections(emu)).map((c) => String(c.id)));
  expect(ws.instances(HEROKU).every((i) => ids.has(String(i.attributes.id)))).toBe(true);

  const next = await ws.run(["plan", "-detailed-exitcode"]);
  if (next.code !== 0) throw new Error(`the plan after Ctrl-C is not a no-op\n${describeRun(next)}`);
  expect(ownDiagnostics(output(next))).toEqual([]);
}, 90_000);
