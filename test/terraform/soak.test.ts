/**
 * A fault-and-signal soak through the real `terraform` binary: creates, updates and deletes while the emulator
 * answers with random faults (seeded, so a failing seed can be replayed), and one Ctrl-C in the middle of the
 * creates. Each seed must end with every object exactly once, the same objects in state and on the server, and a
 * plan with nothing to do. Bounded: a few seeds, a few seconds each.
 */
import type { FaultRule } from "../../src/emulator";
import { describeRun, raw, resourceBlock, type RunResult } from "../support/terraform";
import { HEROKU, VAULT, blocksFor, listConnections, listVaults, useEmulatorAndWorkspace } from "./helpers";

const SEEDS = [11, 23, 37];
/** Every API path but the universal-auth login (as in faults.test.ts: a lost login is tested on its own). */
const NOT_LOGIN = "^/api/v1/(?!auth/)";

/** Faults whose outcome the provider must absorb: refused, lost after commit, failed after commit, or slow. */
const FAULTS: FaultRule[] = [
  { method: "POST", path: NOT_LOGIN, delayAfterCommitMs: 600, probability: 0.3 },
  { method: "POST", path: NOT_LOGIN, drop: "after", probability: 0.15 },
  { method: "POST", path: NOT_LOGIN, failAfterCommit: 502, probability: 0.1 },
  { method: "PATCH", path: NOT_LOGIN, failAfterCommit: 503, probability: 0.15 },
  { method: "PUT", path: NOT_LOGIN, drop: "after", probability: 0.15 },
  { method: "DELETE", path: NOT_LOGIN, drop: "after", probability: 0.2 },
  { path: NOT_LOGIN, status: 503, probability: 0.1 },
];

const t = useEmulatorAndWorkspace();
const firedAcrossSeeds = new Set<string>();

function stack(conns: number, vaults: number, generation: number): string {
  return [
    blocksFor(t.emu, HEROKU, VAULT),
    resourceBlock(HEROKU, "conn", { name: raw('"conn-${count.index}"'), description: `generation ${generation}`, credentials: { auth_token: raw(`"HRKU-${generation}-\${count.index}"`) } }, [`count = ${conns}`]),
    resourceBlock(VAULT, "vault", { name: raw('"vault-${count.index}"'), address: "https://vault.example.com", role_id: "role", secret_id: raw(`"sid-${generation}-\${count.index}"`) }, [`count = ${vaults}`]),
  ].join("\n");
}

const names = (prefix: string, n: number): string[] => Array.from({ length: n }, (_, i) => `${prefix}-${i}`).sort();

async function serverObjects(): Promise<{ name: string; id: string; description?: unknown }[]> {
  const conns = (await listConnections(t.emu)).map((c) => ({ name: String(c.name), id: String(c.id), description: c.description }));
  const vaults = (await listVaults(t.emu)).map((v) => ({ name: String(v.name), id: String(v.id) }));
  return [...conns, ...vaults];
}

async function mustApply(label: string): Promise<RunResult> {
  const r = await t.ws.run(["apply", "-auto-approve"], { timeoutMs: 60_000 });
  if (r.code !== 0) throw new Error(`${label}: apply failed under faults\n${describeRun(r)}`);
  return r;
}

test.each(SEEDS)("seed %i: creates, one Ctrl-C, updates and deletes under random faults end converged", async (seed) => {
  await t.emu.faults(FAULTS, seed);

  // Creates, interrupted once some have been committed (which ones are in flight depends on the seed).
  t.ws.write({ "main.tf": stack(6, 3, 1) });
  const first = t.ws.start(["apply", "-auto-approve"]);
  const deadline = Date.now() + 30_000;
  // Watched through the request log (the control API is never fault-injected, nor does it draw from the seed).
  const creates = async () => (await t.emu.requests()).filter((r) => r.method === "POST" && !r.path.includes("/auth/")).length;
  while ((await creates()) < 1 + (seed % 3) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 25));
  first.signal("SIGINT");
  const interrupted = await first.result;
  expect(interrupted.signal).toBeNull();
  expect(interrupted.stdout + interrupted.stderr).toContain("Interrupt received");

  // The rest of the creates, then updates (descriptions, secrets) with deletes (count shrinks), still under faults.
  await mustApply("after Ctrl-C");
  t.ws.write({ "main.tf": stack(4, 2, 2) });
  await mustApply("updates and deletes");
  const fired = new Set((await t.emu.requests()).flatMap((r) => r.fault ?? (r.status === 503 ? ["503"] : [])));
  await t.emu.faults([]);
  // The faults did fire. Which ones depends on the seed and on how the requests interleave (terraform's walk, where
  // the Ctrl-C lands), so each seed must see one, and the seeds together several (the last test).
  expect(fired.size).toBeGreaterThanOrEqual(1);
  for (const kind of fired) firedAcrossSeeds.add(kind);

  const onServer = await serverObjects();
  expect(onServer.map((o) => o.name).sort()).toEqual([...names("conn", 4), ...names("vault", 2)].sort());
  expect(onServer.filter((o) => o.name.startsWith("conn-")).map((o) => o.description)).toEqual(Array(4).fill("generation 2"));
  const inState = [...t.ws.instances(HEROKU), ...t.ws.instances(VAULT)].map((i) => String(i.attributes.id)).sort();
  expect(inState).toEqual(onServer.map((o) => o.id).sort());
  const plan = await t.ws.run(["plan", "-detailed-exitcode"]);
  if (plan.code !== 0) throw new Error(`seed ${seed}: the final plan is not a no-op\n${describeRun(plan)}`);
}, 60_000);

test("across the seeds, several kinds of fault fired", () => {
  expect(firedAcrossSeeds.size).toBeGreaterThanOrEqual(3);
});
