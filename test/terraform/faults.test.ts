/**
 * Acceptance, through the real `terraform` binary and the bundled providers (dist/bundle, built by `npm test`
 * before jest): an apply of 30 resources while the emulator answers ~20 % of API calls with 503, starts with a
 * burst of 429s, and drops ~20 % of POSTs after committing them. The retries and the lost-response recovery must
 * absorb all of it: the apply succeeds, every object is in state once and in the emulator once, and the next plan
 * (faults cleared) has nothing to do. Then a destroy under the same faults leaves nothing behind.
 *
 * The rules spare the universal-auth login (the 503 rule as asked; the 429 and drop rules too, so that the big
 * test stays deterministic): a failed login is tested on its own, below, where one fault is enough.
 */
import type { FaultRule } from "../../src/emulator";
import { TestEmulator } from "../support/emulator";
import { TerraformWorkspace, describeRun, output, ownDiagnostics, providerBlocks, raw, resourceBlock } from "../support/terraform";
import { HEROKU, PG, VAULT, blocksFor, listConnections, listVaults } from "./helpers";

/** Every API path but the universal-auth login (control routes are never fault-injected). */
const NOT_LOGIN = "^/api/v1/(?!auth/)";

const FAULTS: FaultRule[] = [
  { path: NOT_LOGIN, status: 429, headers: { "retry-after": "1" }, times: 5 },
  { method: "POST", path: NOT_LOGIN, drop: "after", probability: 0.2 },
  { path: NOT_LOGIN, status: 503, probability: 0.2 },
];

const COUNTS = { heroku: 20, pg: 5, vault: 5 };

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

test("30 resources applied under 503s, 429 bursts and POSTs dropped after commit: each exists exactly once", async () => {
  ws = new TerraformWorkspace();
  ws.write({
    "main.tf": [
      providerBlocks(emu),
      resourceBlock(HEROKU, "conn", { name: raw('"conn-${count.index}"'), credentials: { auth_token: raw('"HRKU-token-${count.index}"') } }, [`count = ${COUNTS.heroku}`]),
      resourceBlock(PG, "db", { name: raw('"db-${count.index}"'), credentials: { host: "db.internal", database: "app", username: "u", password: raw('"pw-${count.index}"') } }, [`count = ${COUNTS.pg}`]),
      resourceBlock(VAULT, "vault", { name: raw('"vault-${count.index}"'), address: "https://vault.example.com", role_id: "role", secret_id: raw('"sid-${count.index}"') }, [`count = ${COUNTS.vault}`]),
    ].join("\n"),
  });
  await emu.reset();
  await emu.faults(FAULTS);

  const applied = await ws.run(["apply", "-auto-approve"], { timeoutMs: 150_000 });
  const log = await emu.requests();
  await emu.faults([]);
  if (applied.code !== 0) throw new Error(`apply failed under faults:\n${describeRun(applied)}`);
  expect(ownDiagnostics(output(applied))).toEqual([]);
  expect(applied.stdout).toContain("Apply complete! Resources: 30 added, 0 changed, 0 destroyed.");
  // The faults did fire.
  expect(log.filter((r) => r.status === 429).length).toBe(5);
  expect(log.some((r) => r.fault === "drop-after")).toBe(true);
  expect(log.some((r) => r.status === 503)).toBe(true);

  // In state exactly once each.
  const expected = (prefix: string, n: number) => Array.from({ length: n }, (_, i) => `${prefix}-${i}`).sort();
  const inState = (type: string) => ws!.instances(type).map((i) => i.attributes);
  const stateNames = (type: string) => inState(type).map((a) => String(a.name)).sort();
  expect(stateNames(HEROKU)).toEqual(expected("conn", COUNTS.heroku));
  expect(stateNames(PG)).toEqual(expected("db", COUNTS.pg));
  expect(stateNames(VAULT)).toEqual(expected("vault", COUNTS.vault));
  const stateIds = [HEROKU, PG, VAULT].flatMap((t) => inState(t).map((a) => String(a.id)));
  expect(new Set(stateIds).size).toBe(30);

  // In the emulator exactly once each, and the same objects as in state.
  const connections = await listConnections(emu);
  const vaults = await listVaults(emu);
  expect(connections.map((c) => String(c.name)).sort()).toEqual([...expected("conn", COUNTS.heroku), ...expected("db", COUNTS.pg)].sort());
  expect(vaults.map((v) => String(v.name)).sort()).toEqual(expected("vault", COUNTS.vault));
  expect([...connections, ...vaults].map((o) => String(o.id)).sort()).toEqual([...stateIds].sort());

  // Faults cleared: nothing to do.
  await ws.plan(0);

  // Destroy under the same faults: every object goes, and state is empty.
  await emu.faults(FAULTS);
  const destroyed = await ws.run(["destroy", "-auto-approve"], { timeoutMs: 150_000 });
  await emu.faults([]);
  if (destroyed.code !== 0) throw new Error(`destroy failed under faults:\n${describeRun(destroyed)}`);
  expect(destroyed.stdout).toContain("Destroy complete! Resources: 30 destroyed.");
  expect(ws.instances()).toEqual([]);
  expect(await listConnections(emu)).toEqual([]);
  expect(await listVaults(emu)).toEqual([]);
}, 180_000);

// A login has no lasting effect (another token), so a lost or refused login is as safe to retry as a read (which
// survives two 503s or resets in a row). When it is not retried, every resource of the walk fails on the one shared
// login. (A single failed login is masked here: the bulk list fails, and each read's fallback logs in afresh.)
test.each([
  ["dropped after the server handled it", { drop: "after" }],
  ["answered 503", { status: 503 }],
] as [string, FaultRule][])("a universal-auth login %s twice in a row is retried: the plan succeeds", async (_label, fault) => {
  await emu.reset();
  ws = new TerraformWorkspace();
  ws.write({ "main.tf": `${blocksFor(emu, HEROKU)}\n${resourceBlock(HEROKU, "main", { name: "heroku-main", credentials: { auth_token: "HRKU-token" } })}` });
  await ws.apply();
  await emu.clearRequests();
  await emu.faults([{ method: "POST", path: "^/api/v1/auth/universal-auth/login$", times: 2, ...fault }]);
  const plan = await ws.run(["plan", "-detailed-exitcode"]);
  const logins = (await emu.requests()).filter((r) => r.path === "/api/v1/auth/universal-auth/login");
  await emu.faults([]);
  expect(fault.drop === undefined ? logins[0].status : logins[0].fault).toBe(fault.drop === undefined ? 503 : "drop-after");
  if (plan.code !== 0) throw new Error(`plan failed after two failed logins:\n${describeRun(plan)}`);
  expect(logins.length).toBeGreaterThanOrEqual(3);
}, 60_000);
