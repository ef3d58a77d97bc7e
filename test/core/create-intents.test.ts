/**
 * The durable record of creates in flight (src/core/create-intents.ts) and what the provider core does with it:
 * the engine's file format is still read, concurrent processes never lose each other's intents, a lock left by a
 * killed process is taken over, and a create answered "already exists" adopts the object only when an earlier
 * intent for it is on record and it can become the planned object in place.
 */
import { spawn } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { apiScope, CreateIntents, intentKey, providerIntentsPath } from "../../src/core/create-intents";
import { ProviderCore } from "../../src/core/provider-core";
import type { ObjectValue } from "../../src/framework/value";
import { infisicalProvider } from "../../src/providers/infisical";
import { TestEmulator } from "../support/emulator";

const DIST_MODULE = join(__dirname, "..", "..", "dist", "core", "create-intents.js");
const HEROKU = "infisical_app_connection_heroku";

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), "intents-"));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

test("reads the engine's file as it always was; a bad entry costs only itself, a broken file is none", () => {
  const path = join(dir, "terraform.tfstate.intents.json");
  writeFileSync(
    path,
    JSON.stringify({
      "infisical_app_connection_postgres.db": { type: "infisical_app_connection_postgres", providerKey: "infisical", importId: "orders-db" },
      "bad.entry": { type: 42 },
    }),
  );
  const intents = new CreateIntents(path);
  expect([...intents.all()]).toEqual([["infisical_app_connection_postgres.db", { type: "infisical_app_connection_postgres", providerKey: "infisical", importId: "orders-db" }]]);
  intents.settle("infisical_app_connection_postgres.db");
  expect(existsSync(path)).toBe(false);
  writeFileSync(path, "{ not json");
  expect(intents.all().size).toBe(0);
});

test("records only type, import id, time and pid; the last settle removes the file", () => {
  const path = providerIntentsPath({ TF_DATA_DIR: "data" }, dir);
  expect(path).toBe(join(dir, "data", "vaultbridge", "create-intents.json"));
  const intents = new CreateIntents(path);
  intents.record(intentKey(HEROKU, "web"), { type: HEROKU, importId: "web" });
  const onDisk = JSON.parse(readFileSync(path, "utf8")) as Record<string, Record<string, unknown>>;
  expect(Object.keys(onDisk[`${HEROKU} web`]).sort()).toEqual(["importId", "pid", "time", "type"]);
  expect(onDisk[`${HEROKU} web`].pid).toBe(process.pid);
  intents.settle(intentKey(HEROKU, "web"));
  expect(existsSync(path)).toBe(false);
});

test("an API's scope keeps the origin and path only: no user:password, query or trailing slash reaches the file", () => {
  expect(apiScope("https://ci:s3cret@eu.infisical.com/api/?token=x#f")).toBe("https://eu.infisical.com/api");
  expect(apiScope("http://127.0.0.1:8080")).toBe("http://127.0.0.1:8080");
  expect(intentKey(HEROKU, "web", apiScope("https://eu.infisical.com/"))).toBe(`${HEROKU} web @ https://eu.infisical.com`);
});

test("four processes recording at once lose none of each other's intents", async () => {
  const path = join(dir, "shared.json");
  const writer = (n: number) =>
    new Promise<number | null>((resolve) => {
      const code = `const { CreateIntents } = require(${JSON.stringify(DIST_MODULE)}); const i = new CreateIntents(${JSON.stringify(path)});
        for (let k = 0; k < 25; k++) i.record("p${n}-" + k, { type: "t", importId: "p${n}-" + k });
        for (let k = 0; k < 25; k += 5) i.settle("p${n}-" + k);`;
      spawn(process.execPath, ["-e", code], { stdio: "inherit" }).on("exit", resolve);
    });
  expect(await Promise.all([0, 1, 2, 3].map(writer))).toEqual([0, 0, 0, 0]);
  const keys = [...new CreateIntents(path).all().keys()].sort();
  const expected = [0, 1, 2, 3].flatMap((n) => Array.from({ length: 25 }, (_, k) => k).filter((k) => k % 5 !== 0).map((k) => `p${n}-${k}`)).sort();
  expect(keys).toEqual(expected);
  expect(existsSync(`${path}.lock`)).toBe(false);
});

test("a lock left by a killed process is taken over", async () => {
  const path = join(dir, "locked.json");
  const dead = spawn(process.execPath, ["-e", ""]);
  const pid = dead.pid!;
  await new Promise((r) => dead.on("exit", r));
  writeFileSync(`${path}.lock`, String(pid));
  const started = Date.now();
  new CreateIntents(path).record("k", { type: "t", importId: "k" });
  expect(Date.now() - started).toBeLessThan(1000);
  expect(new CreateIntents(path).get("k")?.importId).toBe("k");
});

describe("a create answered \"already exists\"", () => {
  let emu: TestEmulator;
  beforeAll(async () => {
    emu = await TestEmulator.start();
  });
  afterAll(() => emu.close());
  beforeEach(() => emu.reset());

  const core = (intents: CreateIntents) => {
    const c = new ProviderCore(infisicalProvider, { env: {}, intents });
    const { clientId, clientSecret } = emu.emulator.infisical;
    expect(c.configure({ host: emu.url, auth: { universal: { client_id: clientId, client_secret: clientSecret } } }).errors).toEqual([]);
    return c;
  };
  const plan = (c: ProviderCore<unknown>, config: ObjectValue) => c.planResourceChange(HEROKU, null, config).planned;
  const theirs = (body: Record<string, unknown>) => emu.infisical("POST", "/api/v1/app-connections/heroku", body);
  const connections = async () => ((await emu.infisical("GET", "/api/v1/app-connections")).body as { appConnections: Record<string, unknown>[] }).appConnections;

  test("with an earlier intent: adopted and brought to the planned values, the intent settled", async () => {
    await theirs({ name: "web", method: "auth-token", description: "old", credentials: { authToken: "HRKU-old" } });
    const intents = new CreateIntents(join(dir, "i.json"));
    intents.record(intentKey(HEROKU, "web", emu.url), { type: HEROKU, importId: "web" });
    const c = core(intents);
    const r = await c.applyResourceChange(HEROKU, null, plan(c, { name: "web", description: "new", credentials: { auth_token: "HRKU-new" } }));
    expect(r.diagnostics.errors).toEqual([]);
    expect(r.diagnostics.toArray().filter((d) => d.severity === "warning").map((d) => d.summary)).toEqual(["Adopted An Interrupted Create"]);
    const [only] = await connections();
    expect([only.id, only.description]).toEqual([r.state?.id, "new"]);
    expect(intents.all().size).toBe(0);
    await c.close();
  });

  test("an intent left for an object Terraform has in state is forgotten on its refresh, never adopting a stranger", async () => {
    const intents = new CreateIntents(join(dir, "i.json"));
    const c = core(intents);
    const created = await c.applyResourceChange(HEROKU, null, plan(c, { name: "web", credentials: { auth_token: "HRKU-ours" } }));
    // As if the process died between the create's answer and forgetting its intent.
    intents.record(intentKey(HEROKU, "web", emu.url), { type: HEROKU, importId: "web" });
    expect((await c.readResource(HEROKU, created.state!)).state?.id).toBe(created.state?.id);
    expect(intents.all().size).toBe(0);
    // Deleted, then someone else takes the name: our next create must not adopt theirs.
    await c.applyResourceChange(HEROKU, created.state, null);
    await theirs({ name: "web", method: "auth-token", credentials: { authToken: "HRKU-theirs" } });
    const again = await c.applyResourceChange(HEROKU, null, plan(c, { name: "web", credentials: { auth_token: "HRKU-ours" } }));
    expect(again.diagnostics.errors[0].detail).toContain("That object was not created by this configuration");
    await c.close();
  });

  test("with an earlier intent but a difference that needs a replacement: refused, naming it", async () => {
    await theirs({ name: "web", method: "oauth", credentials: { code: "oauth-code" } });
    const intents = new CreateIntents(join(dir, "i.json"));
    intents.record(intentKey(HEROKU, "web", emu.url), { type: HEROKU, importId: "web" });
    const c = core(intents);
    const r = await c.applyResourceChange(HEROKU, null, plan(c, { name: "web", credentials: { auth_token: "HRKU-new" } }));
    expect(r.state).toBeNull();
    expect(r.diagnostics.errors[0].detail).toMatch(/An interrupted earlier run was creating it, but it cannot be adopted: it differs in method/);
    expect(r.diagnostics.errors[0].detail).toContain(`terraform import '${HEROKU}.<NAME>' "web"`);
    expect((await connections()).map((x) => x.method)).toEqual(["oauth"]);
    // A definite refusal: the intent is settled (the error says how to import it instead).
    expect(intents.all().size).toBe(0);
    await c.close();
  });

  test("another host's intent for the same name (a provider alias) never lets this one adopt a stranger there", async () => {
    const other = await TestEmulator.start();
    try {
      // On this host, someone else's "web"; the intent is the other alias's, whose run was killed mid-create.
      await theirs({ name: "web", method: "auth-token", description: "theirs", credentials: { authToken: "HRKU-theirs" } });
      const intents = new CreateIntents(join(dir, "i.json"));
      intents.record(intentKey(HEROKU, "web", other.url), { type: HEROKU, importId: "web" });
      const c = core(intents);
      const r = await c.applyResourceChange(HEROKU, null, plan(c, { name: "web", credentials: { auth_token: "HRKU-ours" } }));
      expect(r.state).toBeNull();
      expect(r.diagnostics.errors[0].detail).toContain("That object was not created by this configuration");
      expect((await connections()).map((x) => x.description)).toEqual(["theirs"]);
      // The other alias's intent is still there for its own next run.
      expect([...intents.all().keys()]).toEqual([intentKey(HEROKU, "web", other.url)]);
      await c.close();
    } finally {
      await other.close();
    }
  });

  test("without one: not adopted, the error gives the import command with a project-scoped id quoted as needed", async () => {
    await theirs({ name: "web", method: "auth-token", projectId: emu.emulator.projectId, credentials: { authToken: "HRKU-theirs" } });
    const intents = new CreateIntents(join(dir, "i.json"));
    const c = core(intents);
    const r = await c.applyResourceChange(HEROKU, null, plan(c, { name: "web", project_id: emu.emulator.projectId, credentials: { auth_token: "HRKU-ours" } }));
    expect(r.state).toBeNull();
    expect(r.diagnostics.errors[0].detail).toContain(`terraform import '${HEROKU}.<NAME>' "${emu.emulator.projectId}/web"`);
    expect(intents.all().size).toBe(0);
    await c.close();
  });
});
