/**
 * What the engine refuses or says before it calls any API — a state from a newer provider, duplicate entries in
 * the state or the stack, a lock file it cannot read, a stale lock, a broken state with or without a backup, a
 * mistyped name — what it writes when only refresh found changes, what --json prints when there is nothing to
 * do, and how a leftover create intent is settled. Through the real command line against the emulator.
 * Assumes dist/ is built (the test command builds first).
 */
import { spawnSync } from "node:child_process";
import { readFileSync, rmSync, writeFileSync, existsSync } from "node:fs";
import { hostname } from "node:os";
import { join } from "node:path";
import { runVaultbridge, useEmulatorAndStackDir } from "../support/engine-cli";

const HEROKU = "infisical_app_connection_heroku";
const ctx = useEmulatorAndStackDir("vb-guards-");
const vb = (args: string[]) => runVaultbridge(args, ctx.dir);

function writeStack(resource: Record<string, unknown> = { name: "web", credentials: { auth_token: "HRKU-guards" } }): void {
  const { url, infisical } = ctx.emu.emulator;
  writeFileSync(
    join(ctx.dir, "cdk.tf.json"),
    JSON.stringify({
      provider: { infisical: [{ host: url, auth: { universal: { client_id: infisical.clientId, client_secret: infisical.clientSecret } } }] },
      resource: { [HEROKU]: { web: resource } },
    }),
  );
}

type State = { serial: number; resources: { type: string; name: string; instances: { schema_version: number; attributes: Record<string, unknown> }[] }[] };
const statePath = (): string => join(ctx.dir, "terraform.tfstate");
const readState = (): State => JSON.parse(readFileSync(statePath(), "utf8")) as State;
const writeState = (s: State): void => writeFileSync(statePath(), JSON.stringify(s));

async function applied(): Promise<State> {
  writeStack();
  const r = await vb(["apply", "--auto-approve"]);
  expect([r.code, r.stderr]).toEqual([0, ""]);
  await ctx.emu.clearRequests();
  return readState();
}

async function expectNoApiCall(): Promise<void> {
  expect((await ctx.emu.requests()).map((r) => `${r.method} ${r.path}`)).toEqual([]);
}

test("a state written by a newer provider schema is refused before any API call", async () => {
  const state = await applied();
  state.resources[0].instances[0].schema_version = 99;
  writeState(state);
  for (const args of [["plan"], ["apply", "--auto-approve"], ["import", `${HEROKU}.web`, "x"]]) {
    const r = await vb(args);
    expect([args, r.code]).toEqual([args, 1]);
    expect(r.stderr).toMatch(/Resource Instance Managed By Newer Provider Version/);
    expect(r.stderr).toContain(`${HEROKU}.web`);
    expect(r.stderr).toMatch(/schema version 99.*knows version 0/);
  }
  await expectNoApiCall();
});

test("duplicate resource entries in the state are refused, naming them, before any API call", async () => {
  const state = await applied();
  state.resources.push(structuredClone(state.resources[0]));
  writeState(state);
  const r = await vb(["plan"]);
  expect(r.code).toBe(1);
  expect(r.stderr).toContain(`${HEROKU}.web appears 2 times`);
  await expectNoApiCall();

  rmSync(statePath());
  await ctx.emu.reset();
  const single = await applied();
  single.resources[0].instances.push(structuredClone(single.resources[0].instances[0]));
  writeState(single);
  const twice = await vb(["plan"]);
  expect(twice.code).toBe(1);
  expect(twice.stderr).toContain(`${HEROKU}.web appears 2 times`);
  await expectNoApiCall();
});

test.each([
  ["an empty object", "{}"],
  ["some fields only", JSON.stringify({ Operation: "apply", Pid: 4242 })],
  ["no JSON", "garbage"],
])("a lock file holding %s gives a message without 'undefined'", async (_what, content) => {
  writeStack();
  writeFileSync(join(ctx.dir, "terraform.tfstate.lock.info"), content);
  const r = await vb(["plan"]);
  expect(r.code).toBe(1);
  expect(r.stderr).toMatch(/State Locked[\s\S]*The state is locked by/);
  expect(r.stderr).not.toContain("undefined");
  expect(r.stderr).toContain(join(ctx.dir, "terraform.tfstate.lock.info"));
});

test("a stale lock taken over is reported by plans too, and by apply", async () => {
  writeStack();
  // A process that is certainly gone: one we ran and waited for.
  const dead = spawnSync(process.execPath, ["-e", "0"]).pid;
  const lock = { ID: "x", Operation: "apply", Who: "ci@runner", Created: "2026-01-01T00:00:00Z", Pid: dead, Host: hostname() };
  for (const args of [["plan"], ["apply", "--auto-approve"]]) {
    writeFileSync(join(ctx.dir, "terraform.tfstate.lock.info"), JSON.stringify(lock));
    const r = await vb(args);
    expect([args, r.code]).toEqual([args, 0]);
    expect(r.stdout).toMatch(new RegExp(`Warning: Stale Lock Taken Over[\\s\\S]*apply by ci@runner \\(pid ${dead}`));
    expect(existsSync(join(ctx.dir, "terraform.tfstate.lock.info"))).toBe(false);
  }
});

test("apply --json with nothing to do prints one JSON document", async () => {
  await applied();
  const r = await vb(["apply", "--auto-approve", "--json"]);
  expect([r.code, r.stderr]).toEqual([0, ""]);
  expect(JSON.parse(r.stdout)).toEqual({ applied: 0, failed: 0, interrupted: false, outputs: {}, diagnostics: [] });
});

test("changes found by refresh alone are written to the state by apply", async () => {
  writeStack({ name: "web", description: "ours", credentials: { auth_token: "HRKU-guards" }, lifecycle: { ignore_changes: ["description"] } });
  expect((await vb(["apply", "--auto-approve"])).code).toBe(0);
  const before = readState();
  const id = String(before.resources[0].instances[0].attributes.id);
  const patched = await ctx.emu.infisical("PATCH", `/api/v1/app-connections/heroku/${id}`, { description: "changed outside" });
  expect(patched.status).toBe(200);

  const r = await vb(["apply", "--auto-approve"]);
  expect([r.code, r.stderr]).toEqual([0, ""]);
  expect(r.stdout).toContain("Objects have changed outside of vaultbridge");
  const after = readState();
  expect(after.resources[0].instances[0].attributes.description).toBe("changed outside");
  expect(after.serial).toBeGreaterThan(before.serial);
  // Nothing left to record: a further apply writes nothing.
  expect((await vb(["apply", "--auto-approve"])).code).toBe(0);
  expect(readState().serial).toBe(after.serial);
});

test("a broken state advises its backup only when there is one", async () => {
  writeStack();
  writeFileSync(statePath(), "{ not json");
  const none = await vb(["plan"]);
  expect(none.code).toBe(1);
  expect(none.stderr).toContain("is not valid JSON");
  expect(none.stderr).not.toContain("restore");
  writeFileSync(`${statePath()}.backup`, "{}");
  const some = await vb(["plan"]);
  expect(some.stderr).toContain("terraform.tfstate.backup");
  // An old format is not damage: the backup would not help.
  writeFileSync(statePath(), JSON.stringify({ version: 3, serial: 1, lineage: "x", modules: [] }));
  const old = await vb(["plan"]);
  expect([old.code, old.stderr]).toEqual([1, expect.stringContaining("has state format version 3")]);
  expect(old.stderr).not.toContain("restore");
});

test("a mistyped resource type or provider gets 'did you mean', not 'run it with Terraform'", async () => {
  const { url } = ctx.emu.emulator;
  writeFileSync(
    join(ctx.dir, "cdk.tf.json"),
    JSON.stringify({
      provider: { infisicl: [{ host: url }] },
      resource: { infisical_app_conection_postgres: { db: { name: "db" } } },
    }),
  );
  const r = await vb(["plan"]);
  expect(r.code).toBe(1);
  expect(r.stderr).toContain('resource type "infisical_app_conection_postgres" is not one of vaultbridge\'s: did you mean "infisical_app_connection_postgres"?');
  expect(r.stderr).toContain('provider "infisicl" is not one of vaultbridge\'s: did you mean "infisical"?');
  expect(r.stderr).not.toContain("run this stack with Terraform");
  await expectNoApiCall();
});

test("a resource naming a provider that is not vaultbridge's says so (no 'alias \"\"'), and import suggests the address", async () => {
  writeStack({ name: "web", credentials: { auth_token: "HRKU-guards" }, provider: "aws" });
  const r = await vb(["plan"]);
  expect(r.code).toBe(1);
  expect(r.stderr).toContain('provider "aws", which is not one of vaultbridge\'s (infisical, scrapengine)');
  expect(r.stderr).not.toContain('alias ""');

  writeStack();
  const typo = await vb(["import", `${HEROKU}.wbe`, "x"]);
  expect(typo.code).toBe(1);
  expect(typo.stderr).toContain(`did you mean ${HEROKU}.web?`);
  await expectNoApiCall();
});

test("a resource or variable declared in two stack files is refused, naming both files, before any API call", async () => {
  writeStack();
  writeFileSync(
    join(ctx.dir, "extra.tf.json"),
    JSON.stringify({ resource: { [HEROKU]: { web: { name: "web2", credentials: { auth_token: "HRKU-2" } } } }, variable: { v: {} } }),
  );
  writeFileSync(join(ctx.dir, "more.tf.json"), JSON.stringify({ variable: { v: {} } }));
  const r = await vb(["plan"]);
  expect(r.code).toBe(1);
  expect(r.stderr).toContain(`resource ${HEROKU}.web is declared 2 times (cdk.tf.json, extra.tf.json)`);
  expect(r.stderr).toContain('variable "v" is declared 2 times (extra.tf.json, more.tf.json)');
  await expectNoApiCall();
});

test("import --json prints one JSON document, on success and on error", async () => {
  await applied();
  rmSync(statePath());
  const ok = await vb(["import", `${HEROKU}.web`, "web", "--json"]);
  expect([ok.code, ok.stderr]).toEqual([0, ""]);
  expect(JSON.parse(ok.stdout)).toEqual({ address: `${HEROKU}.web`, id: "web", imported: true, diagnostics: [] });
  const bad = await vb(["import", `${HEROKU}.nope`, "x", "--json"]);
  expect(bad.code).toBe(1);
  expect(JSON.parse(bad.stdout)).toEqual({ address: `${HEROKU}.nope`, id: "x", imported: false, diagnostics: [expect.objectContaining({ severity: "error", summary: "Resource Not In Configuration" })] });
});

test("an intent whose create the state already records (a run killed right after writing the state) is settled", async () => {
  await applied();
  const intents = join(ctx.dir, "terraform.tfstate.intents.json");
  writeFileSync(intents, JSON.stringify({ [`${HEROKU}.web`]: { type: HEROKU, providerKey: "infisical", importId: "web" } }));
  const r = await vb(["apply", "--auto-approve"]);
  expect([r.code, r.stderr]).toEqual([0, ""]);
  expect(existsSync(intents) ? readFileSync(intents, "utf8") : "none").toBe("none");
});
