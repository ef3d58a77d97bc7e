/**
 * Bulk refresh: concurrent reads in one walk share one list call per API; an object missing from the list is
 * confirmed with a GET before it is declared gone; writes drop the shared list.
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
