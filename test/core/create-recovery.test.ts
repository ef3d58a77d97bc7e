/**
 * D5: a create the server committed but answered badly (an unusable 2xx, a 429, 400, 5xx or redirect after the
 * commit) must end with exactly one object, adopted into state; a duplicate name on a first attempt stays an error
 * that says how to import. Provider core against the real emulator, faults injected per rule.
 */
import { NetworkError, NotFoundError } from "../../src/client/errors";
import { InfisicalClient } from "../../src/client/infisical-client";
import { ProviderCore } from "../../src/core/provider-core";
import { createWithRecovery } from "../../src/resources/create-with-recovery";
import type { FaultRule } from "../../src/emulator";
import type { ObjectValue } from "../../src/framework/value";
import { infisicalProvider } from "../../src/providers/infisical";
import { scrapengineProvider } from "../../src/providers/scrapengine";
import { TestEmulator, recordingLogger } from "../support/emulator";
import { pick } from "../support/http";

const HEROKU = "infisical_app_connection_heroku";
const VAULT = "scrapengine_vault_integration";
const CONN = "^/api/v1/app-connections/heroku$";

let emu: TestEmulator;

beforeAll(async () => {
  emu = await TestEmulator.start();
});
afterAll(() => emu.close());
beforeEach(() => emu.reset());

function infisical(): ProviderCore<unknown> {
  const core = new ProviderCore(infisicalProvider, { env: {}, log: recordingLogger() });
  const { clientId, clientSecret } = emu.emulator.infisical;
  expect(core.configure({ host: emu.url, auth: { universal: { client_id: clientId, client_secret: clientSecret } } }).errors).toEqual([]);
  return core as ProviderCore<unknown>;
}

function scrapengine(): ProviderCore<unknown> {
  const core = new ProviderCore(scrapengineProvider, { env: {}, log: recordingLogger() });
  expect(core.configure({ base_url: emu.emulator.scrapengine.baseUrl, api_key: emu.emulator.scrapengine.apiKey }).errors).toEqual([]);
  return core as ProviderCore<unknown>;
}

async function create(core: ProviderCore<unknown>, type: string, config: ObjectValue) {
  const plan = core.planResourceChange(type, null, config);
  expect(plan.diagnostics.errors).toEqual([]);
  const result = await core.applyResourceChange(type, null, plan.planned);
  await core.close();
  return result;
}

async function herokuNames(): Promise<string[]> {
  const res = await emu.infisical("GET", "/api/v1/app-connections/heroku");
  return (pick(res.body, "appConnections") as { name: string }[]).map((c) => c.name);
}

const heroku: ObjectValue = { name: "committed", credentials: { auth_token: "HRKU-token" } };

test.each<[string, FaultRule]>([
  ["a 2xx whose body is not JSON", { failAfterCommit: 200, text: "<<not json>>" }],
  ["a 2xx whose JSON is not a connection", { failAfterCommit: 200, body: { ok: true } }],
  ["a 429 after commit", { failAfterCommit: 429 }],
  ["a 400 after commit", { failAfterCommit: 400 }],
  ["a 500 after commit", { failAfterCommit: 500 }],
  ["a 302 after commit", { failAfterCommit: 302, text: "" }],
])("%s: the committed connection is adopted, exactly once", async (_label, fault) => {
  await emu.faults([{ method: "POST", path: CONN, times: 1, ...fault }]);
  const result = await create(infisical(), HEROKU, heroku);
  expect(result.diagnostics.errors).toEqual([]);
  expect(await herokuNames()).toEqual(["committed"]);
  expect(result.state?.name).toBe("committed");
});

test("a 429 before anything was committed: looked up, then tried again after Retry-After", async () => {
  await emu.faults([{ method: "POST", path: CONN, times: 1, status: 429, headers: { "retry-after": "1" } }]);
  const started = Date.now();
  const result = await create(infisical(), HEROKU, heroku);
  expect(result.diagnostics.errors).toEqual([]);
  expect(Date.now() - started).toBeGreaterThanOrEqual(1_000);
  expect(await herokuNames()).toEqual(["committed"]);
});

test("a 400 refusal that committed nothing stays the server's error", async () => {
  await emu.faults([{ method: "POST", path: CONN, times: 1, status: 400 }]);
  const result = await create(infisical(), HEROKU, heroku);
  expect(result.diagnostics.errors.map((d) => d.detail)).toEqual([
    "Infisical API answered 400 BadRequest to POST /api/v1/app-connections/heroku: Injected fault: the emulator answered 400 by rule",
  ]);
  expect(await herokuNames()).toEqual([]);
});

test("when the look-up fails too, the create's own answer is the error", async () => {
  await emu.faults([
    { method: "POST", path: CONN, times: 1, failAfterCommit: 500 },
    { method: "GET", path: "/connection-name/", status: 500 },
  ]);
  const result = await create(infisical(), HEROKU, heroku);
  expect(result.diagnostics.errors.map((d) => d.detail)).toEqual([
    "Infisical API answered 500 InternalServerError to POST /api/v1/app-connections/heroku: Injected fault: the emulator answered 500 by rule",
  ]);
});

test("a server that hangs every create: one attempt within the budget, then the look-up, then the error", async () => {
  const budgetMs = 800;
  const client = new InfisicalClient({ host: emu.url, auth: { kind: "universal", ...emu.emulator.infisical }, retry: { budgetMs } });
  await client.listConnections(); // logged in
  await emu.faults([{ method: "POST", path: CONN, delayMs: 600_000 }]);
  const started = Date.now();
  const err = await createWithRecovery({
    what: "hung",
    log: recordingLogger(),
    budgetMs,
    create: () => client.createConnection("heroku", { name: "hung", method: "auth-token", credentials: { authToken: "HRKU-x" } }),
    findByName: () => client.getConnectionByName("heroku", "hung").catch((e: unknown) => (e instanceof NotFoundError ? null : Promise.reject(e))),
  }).catch((e: unknown) => e);
  await client.close();
  expect(err).toBeInstanceOf(NetworkError);
  expect(Date.now() - started).toBeLessThan(budgetMs + 700);
  expect((await emu.requests()).filter((r) => r.path.includes("/connection-name/"))).toHaveLength(1);
});

test("a name someone else took (first attempt) is an error that says how to import it", async () => {
  const project = emu.emulator.projectId;
  await emu.infisical("POST", "/api/v1/app-connections/heroku", { name: "taken", projectId: project, method: "auth-token", credentials: { authToken: "HRKU-theirs" } });
  const result = await create(infisical(), HEROKU, { name: "taken", project_id: project, credentials: { auth_token: "HRKU-mine" } });
  expect(result.diagnostics.errors.map((d) => d.detail)).toEqual([
    `Infisical API answered 400 BadRequest to POST /api/v1/app-connections/heroku: An App Connection with the name "taken" already exists. That object was not created by this configuration: to manage it, import it (terraform import '${HEROKU}.<NAME>' "${project}/taken", <NAME> as in the address shown above); otherwise choose another name`,
  ]);
});

test("vault integration: a 500 after commit is adopted; a taken name names the import id", async () => {
  const vault: ObjectValue = { name: "vault-a", address: "https://vault.example.com", role_id: "r", secret_id: "s" };
  await emu.faults([{ method: "POST", path: "vault-integrations$", times: 1, failAfterCommit: 500 }]);
  expect((await create(scrapengine(), VAULT, vault)).diagnostics.errors).toEqual([]);
  const list = await emu.scrapengine("GET", "/vault-integrations");
  expect((pick(list.body, "data") as { name: string }[]).map((v) => v.name)).toEqual(["vault-a"]);

  const again = await create(scrapengine(), VAULT, vault);
  expect(again.diagnostics.errors.map((d) => d.detail).join("\n")).toMatch(/answered 409 .*: .*vault-a.*\. That object was not created by this configuration: to manage it, import it \(terraform import 'scrapengine_vault_integration\.<NAME>' "vault-a", <NAME> as in the address shown above\)/);
});
