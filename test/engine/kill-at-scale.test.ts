/**
 * The engine writes its state in batches (src/engine/write-cadence.ts), not after every operation: a run killed
 * with `kill -9` half way through an apply of 1000 must still lose nothing. The creates it finished since its last
 * write, and those in flight, are on record as intents beside the state; the next apply adopts them, completes the
 * stack, and leaves exactly 1000 objects. Assumes dist/ is built; the emulator runs in this process, so the CLI is
 * spawned asynchronously.
 */
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { parseIntents } from "../../src/core/create-intents";
import { runVaultbridge, useEmulatorAndStackDir } from "../support/engine-cli";

const COUNT = 1000;
const ctx = useEmulatorAndStackDir("vb-kill-");

const start = (args: string[], onStdout?: Parameters<typeof runVaultbridge>[3]) => runVaultbridge(args, ctx.dir, { ...process.env, CHECKPOINT_DISABLE: "1" }, onStdout);

async function names(): Promise<string[]> {
  const res = await ctx.emu.infisical("GET", "/api/v1/app-connections");
  return (res.body as { appConnections: { name: string }[] }).appConnections.map((c) => c.name);
}

/** Creates the killed process had sent still reach the server: wait until the server's count stops moving. */
async function settled(): Promise<number> {
  let last = -1;
  for (;;) {
    const now = (await names()).length;
    if (now === last) return now;
    last = now;
    await new Promise((r) => setTimeout(r, 300));
  }
}

const occurrences = (text: string, what: string): number => text.split(what).length - 1;

test(`a kill -9 half way through an apply of ${COUNT} loses nothing: the next apply completes it with no duplicate`, async () => {
  const { url, infisical } = ctx.emu.emulator;
  writeFileSync(
    join(ctx.dir, "cdk.tf.json"),
    JSON.stringify({
      terraform: { required_providers: { infisical: { source: "vaultbridge/infisical" } } },
      provider: { infisical: [{ host: url, auth: { universal: { client_id: infisical.clientId, client_secret: infisical.clientSecret } } }] },
      resource: { infisical_app_connection_heroku: { c: { count: COUNT, name: "k-${count.index}", credentials: { auth_token: "HRKU-kill" } } } },
    }),
  );
  let killedAfter = 0;
  const killed = await start(["apply", "--auto-approve"], (out, child) => {
    const finished = occurrences(out, "Creation complete");
    if (killedAfter === 0 && finished >= COUNT / 3) {
      killedAfter = finished;
      child.kill("SIGKILL");
    }
  });
  expect(killed.signal).toBe("SIGKILL");
  const onServer = await settled();
  expect(onServer).toBeGreaterThanOrEqual(killedAfter);
  expect(onServer).toBeLessThan(COUNT);
  // Batched writes: what finished since the last one, and what was in flight, is on record beside the state.
  const intents = join(ctx.dir, "terraform.tfstate.intents.json");
  expect(existsSync(intents)).toBe(true);
  const inState = existsSync(join(ctx.dir, "terraform.tfstate")) ? (JSON.parse(readFileSync(join(ctx.dir, "terraform.tfstate"), "utf8")) as { resources: { instances: unknown[] }[] }).resources[0]?.instances.length ?? 0 : 0;
  const recorded = parseIntents(readFileSync(intents, "utf8"));
  expect(inState + recorded.size).toBeGreaterThanOrEqual(onServer);

  const before = new Set(await names());
  await ctx.emu.clearRequests();
  const resumed = await start(["apply", "--auto-approve"]);
  expect([resumed.code, resumed.stderr]).toEqual([0, ""]);
  // The intents are looked up in the one list the refresh reads too: a name is asked for on its own only when the
  // list lacks it (a create in flight that never reached the server), not once per intent.
  const neverCommitted = [...recorded.values()].filter((i) => !before.has(i.importId)).length;
  const byName = (await ctx.emu.requests()).filter((r) => r.path.includes("/connection-name/")).length;
  expect(recorded.size - neverCommitted).toBeGreaterThan(0);
  expect(byName).toBe(neverCommitted);
  const all = await names();
  expect(all.length).toBe(COUNT);
  expect(new Set(all)).toEqual(new Set(Array.from({ length: COUNT }, (_, i) => `k-${i}`)));
  expect(existsSync(intents)).toBe(false);
  expect((await start(["plan", "--detailed-exitcode"])).code).toBe(0);
});
