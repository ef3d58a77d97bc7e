/**
 * Bulk refresh: concurrent reads in one walk share one list call per API; an object missing from the list is
 * confirmed with a GET before it is declared gone; writes drop the shared list. Names looked up for imports (and
 * for the creates a killed run left in flight) are found in the same list.
 */
import { InfisicalClient } from "../../src/client/infisical-client";
import { ScrapEngineClient } from "../../src/client/scrapengine-client";
import { TestEmulator } from "../support/emulator";

let emu: TestEmulator;
beforeAll(async () => {
  emu = await TestEmulator.start();
});
afterAll(() => emu.close());

test("30 concurrent connection reads cost one list call", async () => {
  const setup = new InfisicalClient({ host: emu.url, auth: { kind: "universal", ...emu.emulator.infisical } });
  const ids: string[] = [];
  for (let i = 0; i < 30; i++) {
    const c = await setup.createConnection("heroku", { name: `bulk-${i}`, method: "auth-token", credentials: { authToken: "HRKU-x" } });
    ids.push(c.id);
  }
  await setup.deleteConnection("heroku", ids[29]);
  await setup.close();

  const client = new InfisicalClient({ host: emu.url, auth: { kind: "universal", ...emu.emulator.infisical } });
  await emu.clearRequests();
  const read = await Promise.all(ids.map((id) => client.readConnection("heroku", id)));
  expect(read.slice(0, 29).map((c) => c?.name)).toEqual(ids.slice(0, 29).map((_, i) => `bulk-${i}`));
  expect(read[29]).toBeNull();
  const calls = (await emu.requests()).map((r) => `${r.method} ${r.path}`);
  expect(calls.sort()).toEqual(
    ["POST /api/v1/auth/universal-auth/login", "GET /api/v1/app-connections", `GET /api/v1/app-connections/heroku/${ids[29]}`].sort(),
  );

  // A write drops the shared list: the next read sees the change.
  await client.updateConnection("heroku", ids[0], { description: "changed" });
  expect((await client.readConnection("heroku", ids[0]))?.description).toBe("changed");
  await client.close();
});

test("vault integrations: one list for many reads", async () => {
  const { baseUrl, apiKey } = emu.emulator.scrapengine;
  const client = new ScrapEngineClient({ baseUrl, apiKey });
  const ids: string[] = [];
  for (let i = 0; i < 10; i++) ids.push((await client.create({ name: `v-${i}`, address: "https://v.example.com", roleId: "r", secretId: "s" })).id);
  const fresh = new ScrapEngineClient({ baseUrl, apiKey });
  await emu.clearRequests();
  await Promise.all(ids.map((id) => fresh.read(id)));
  expect((await emu.requests()).map((r) => `${r.method} ${r.path}`)).toEqual(["GET /api/v1/vault-integrations"]);
  await Promise.all([client.close(), fresh.close()]);
});

test("names looked up for imports share the list: one call for all, a by-name GET only for a name not listed", async () => {
  const setup = new InfisicalClient({ host: emu.url, auth: { kind: "universal", ...emu.emulator.infisical } });
  const names = Array.from({ length: 12 }, (_, i) => `byname-${i}`);
  for (const name of names) await setup.createConnection("heroku", { name, method: "auth-token", credentials: { authToken: "HRKU-x" } });
  // The same name in the project: a lookup without a project must not take it, one with the project must.
  const scoped = await setup.createConnection("heroku", { name: "byname-0", projectId: emu.emulator.projectId, method: "auth-token", credentials: { authToken: "HRKU-x" } });
  await setup.close();

  const client = new InfisicalClient({ host: emu.url, auth: { kind: "universal", ...emu.emulator.infisical } });
  await emu.clearRequests();
  const found = await Promise.all(names.map((name) => client.findConnectionByName("heroku", name)));
  expect(found.map((c) => [c?.name, c?.projectId ?? null])).toEqual(names.map((name) => [name, null]));
  expect((await client.findConnectionByName("heroku", "byname-0", emu.emulator.projectId))?.id).toBe(scoped.id);
  // Not listed: asked for by name (lists can lag), and null. Under another app: the server's answer, as before.
  expect(await client.findConnectionByName("heroku", "byname-missing")).toBeNull();
  await expect(client.findConnectionByName("azure-key-vault", "byname-1")).rejects.toThrow(/is not for App "azure-key-vault"/);
  const calls = (await emu.requests()).map((r) => `${r.method} ${r.path}`);
  expect(calls.sort()).toEqual(
    [
      "POST /api/v1/auth/universal-auth/login",
      "GET /api/v1/app-connections",
      "GET /api/v1/app-connections/heroku/connection-name/byname-missing",
      "GET /api/v1/app-connections/azure-key-vault/connection-name/byname-1",
    ].sort(),
  );
  await client.close();
});

test("vault integrations by name: one shared list, a fresh one only for a name not listed", async () => {
  const { baseUrl, apiKey } = emu.emulator.scrapengine;
  const setup = new ScrapEngineClient({ baseUrl, apiKey });
  for (let i = 0; i < 5; i++) await setup.create({ name: `vn-${i}`, address: "https://v.example.com", roleId: "r", secretId: "s" });
  const client = new ScrapEngineClient({ baseUrl, apiKey });
  await emu.clearRequests();
  const found = await Promise.all([0, 1, 2, 3, 4].map((i) => client.findByName(`vn-${i}`)));
  expect(found.map((v) => v?.name)).toEqual(["vn-0", "vn-1", "vn-2", "vn-3", "vn-4"]);
  expect(await client.findByName("vn-missing")).toBeNull();
  expect((await emu.requests()).map((r) => `${r.method} ${r.path}`)).toEqual(["GET /api/v1/vault-integrations", "GET /api/v1/vault-integrations"]);
  await Promise.all([setup.close(), client.close()]);
});
