/**
 * The clients against the emulator with faults injected: every operation ends right, with no duplicate object,
 * and a canary secret appears in no output.
 */
import { ConflictError, NotFoundError, ServerError, ValidationError } from "../../src/client/errors";
import { InfisicalClient } from "../../src/client/infisical-client";
import { ScrapEngineClient } from "../../src/client/scrapengine-client";
import { ProviderCore } from "../../src/core/provider-core";
import { createWithRecovery } from "../../src/resources/create-with-recovery";
import type { ObjectValue } from "../../src/framework/value";
import { infisicalProvider } from "../../src/providers/infisical";
import { scrapengineProvider } from "../../src/providers/scrapengine";
import { TestEmulator, recordingLogger } from "../support/emulator";

const CANARY = "HRKU-canary-7f3e9b1d";
const FAST = { minDelayMs: 5, maxDelayMs: 50, maxRetries: 4, budgetMs: 10_000 };
const CONN = "/api/v1/app-connections/heroku";

let emu: TestEmulator;
let log: ReturnType<typeof recordingLogger>;
let client: InfisicalClient;
let scrap: ScrapEngineClient;

beforeAll(async () => {
  emu = await TestEmulator.start();
});
afterAll(async () => {
  await emu.close();
});
beforeEach(async () => {
  await emu.reset();
  log = recordingLogger();
  const { clientId, clientSecret } = emu.emulator.infisical;
  client = new InfisicalClient({ host: emu.url, auth: { kind: "universal", clientId, clientSecret }, log, retry: FAST });
  scrap = new ScrapEngineClient({ baseUrl: emu.emulator.scrapengine.baseUrl, apiKey: emu.emulator.scrapengine.apiKey, log, retry: FAST });
});
afterEach(async () => {
  await client.close();
  await scrap.close();
  expect(log.lines.join("\n")).not.toContain(CANARY);
});

const herokuBody = (name: string) => ({ name, method: "auth-token", credentials: { authToken: CANARY } });
const count = async (method: string, pathPattern: RegExp) =>
  (await emu.requests()).filter((r) => r.method === method && pathPattern.test(r.path)).length;

describe("reads and idempotent writes are retried", () => {
  test("503 twice, then the list answers", async () => {
    await emu.faults([{ method: "GET", path: `^${CONN}$`, status: 503, times: 2 }]);
    await expect(client.listConnections({ app: "heroku" })).resolves.toEqual([]);
    expect(await count("GET", new RegExp(`^${CONN}$`))).toBe(3);
  });

  test("429 with retry-after is honoured, then the call succeeds", async () => {
    const patient = new InfisicalClient({ host: emu.url, auth: { kind: "universal", ...emu.emulator.infisical }, retry: { ...FAST, maxDelayMs: 5_000 } });
    await patient.listConnections(); // log in first: only the list is rate limited
    await emu.faults([{ method: "GET", path: `^${CONN}$`, status: 429, headers: { "retry-after": "1" }, times: 1 }]);
    const started = Date.now();
    await expect(patient.listConnections({ app: "heroku" })).resolves.toEqual([]);
    expect(Date.now() - started).toBeGreaterThanOrEqual(1000);
    await patient.close();
  });

  test("a PATCH whose connection dropped after commit converges", async () => {
    const created = await client.createConnection("heroku", herokuBody("patch-me"));
    await emu.faults([{ method: "PATCH", drop: "after", times: 1 }]);
    const updated = await client.updateConnection("heroku", created.id, { description: "after drop" });
    expect(updated.description).toBe("after drop");
    expect(await count("PATCH", /heroku\//)).toBe(2);
  });

  test("a DELETE whose answer was lost ends as success", async () => {
    const created = await client.createConnection("heroku", herokuBody("delete-me"));
    await emu.faults([{ method: "DELETE", drop: "after", times: 1 }]);
    await client.deleteConnection("heroku", created.id);
    await expect(client.getConnection("heroku", created.id)).rejects.toBeInstanceOf(NotFoundError);
  });

  test("retries stop at the budget and report the status and the server's words", async () => {
    await emu.faults([{ method: "GET", path: `^${CONN}$`, status: 503 }]);
    const err = await client.listConnections({ app: "heroku" }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ServerError);
    expect((err as Error).message).toMatch(/^Infisical API answered 503 .* to GET \/api\/v1\/app-connections\/heroku/);
    expect(await count("GET", new RegExp(`^${CONN}$`))).toBe(FAST.maxRetries + 1);
  });
});

describe("a create whose answer is lost leaves exactly one object", () => {
  const core = () => {
    const c = new ProviderCore(infisicalProvider, { env: {}, log });
    const { clientId, clientSecret } = emu.emulator.infisical;
    expect(c.configure({ host: emu.url, auth: { universal: { client_id: clientId, client_secret: clientSecret } } }).errors).toEqual([]);
    return c;
  };
  const config: ObjectValue = { name: "lost-answer", credentials: { auth_token: CANARY } };

  test.each([
    ["connection dropped before the server handled it", { drop: "before" as const }],
    ["connection dropped after commit", { drop: "after" as const }],
    ["503 after commit", { failAfterCommit: 503 }],
    ["502 before handling", { status: 502 }],
  ])("%s", async (_label, fault) => {
    await emu.faults([{ method: "POST", path: `^${CONN}$`, times: 1, ...fault }]);
    const c = core();
    const plan = c.planResourceChange("infisical_app_connection_heroku", null, config);
    const result = await c.applyResourceChange("infisical_app_connection_heroku", null, plan.planned);
    await c.close();
    expect(result.diagnostics.errors).toEqual([]);
    const all = await client.listConnections({ app: "heroku" });
    expect(all.map((x) => x.name)).toEqual(["lost-answer"]);
    expect(result.state?.id).toBe(all[0].id);
    expect(result.state?.credentials).toMatchObject({ auth_token: CANARY });
  });

  test("a create that times out while the server is slow still leaves exactly one object", async () => {
    await emu.faults([{ method: "POST", path: `^${CONN}$`, delayMs: 600, times: 1 }]);
    // This client gives up after 200 ms per attempt, while the server takes 600 ms to commit the first POST.
    const impatient = new InfisicalClient({ host: emu.url, auth: { kind: "universal", ...emu.emulator.infisical }, log, retry: FAST, timeoutMs: 200 });
    const created = await createWithRecovery({
      what: "slow",
      log,
      create: () => impatient.createConnection("heroku", herokuBody("slow-server")),
      findByName: () => impatient.getConnectionByName("heroku", "slow-server").catch((e: unknown) => (e instanceof NotFoundError ? null : Promise.reject(e))),
    });
    await impatient.close();
    await new Promise((r) => setTimeout(r, 700)); // let the slow first attempt finish on the server
    const all = await client.listConnections({ app: "heroku" });
    expect(all.map((x) => x.id)).toEqual([created.id]);
  });

  test("a GET that times out is retried", async () => {
    await emu.faults([{ method: "GET", path: `^${CONN}$`, delayMs: 500, times: 1 }]);
    const impatient = new InfisicalClient({ host: emu.url, auth: { kind: "universal", ...emu.emulator.infisical }, retry: FAST, timeoutMs: 150 });
    await expect(impatient.listConnections({ app: "heroku" })).resolves.toEqual([]);
    await impatient.close();
  });

  test("a real duplicate on the first attempt is an error, not an adoption", async () => {
    await client.createConnection("heroku", herokuBody("taken"));
    const err = await client.createConnection("heroku", herokuBody("taken")).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ConflictError);
    expect((err as Error).message).toContain('An App Connection with the name "taken" already exists');
  });

  test("vault integration: dropped after commit is adopted", async () => {
    await emu.faults([{ method: "POST", path: "vault-integrations$", drop: "after", times: 1 }]);
    const c = new ProviderCore(scrapengineProvider, { env: {}, log });
    c.configure({ base_url: emu.emulator.scrapengine.baseUrl, api_key: emu.emulator.scrapengine.apiKey });
    const cfg: ObjectValue = { name: "vault-lost", address: "https://vault.example.com", role_id: "r", secret_id: "s-canary" };
    const plan = c.planResourceChange("scrapengine_vault_integration", null, cfg);
    const result = await c.applyResourceChange("scrapengine_vault_integration", null, plan.planned);
    await c.close();
    expect(result.diagnostics.errors).toEqual([]);
    expect((await scrap.list()).map((v) => v.name)).toEqual(["vault-lost"]);
  });
});

describe("authentication", () => {
  test("an expired token is renewed by one fresh login", async () => {
    const short = await TestEmulator.start({ tokenTtlSeconds: 0.2 });
    try {
      const { clientId, clientSecret } = short.emulator.infisical;
      const c = new InfisicalClient({ host: short.url, auth: { kind: "universal", clientId, clientSecret }, retry: FAST });
      await c.listConnections();
      await new Promise((r) => setTimeout(r, 400));
      await expect(c.listConnections()).resolves.toEqual([]);
      const logins = (await short.requests()).filter((r) => r.path.endsWith("/universal-auth/login"));
      expect(logins).toHaveLength(2);
      await c.close();
    } finally {
      await short.close();
    }
  });

  test("wrong client secret: one clear sentence with the status", async () => {
    const c = new InfisicalClient({ host: emu.url, auth: { kind: "universal", clientId: "emulator-client-id", clientSecret: "wrong-canary" }, retry: FAST });
    const err = await c.listConnections().catch((e: unknown) => e);
    expect((err as Error).message).toMatch(/^Infisical API answered 401 .*Invalid credentials/);
    expect((err as Error).message).not.toContain("wrong-canary");
    await c.close();
  });
});

describe("errors", () => {
  test("a 422 becomes a ValidationError naming the field", async () => {
    const err = await client.createConnection("heroku", { name: "Bad Name", method: "auth-token", credentials: { authToken: CANARY } }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ValidationError);
    expect((err as Error).message).toContain("name: name field can only contain lowercase letters, numbers, and hyphens");
    expect((err as Error).message).not.toContain(CANARY);
  });
});
