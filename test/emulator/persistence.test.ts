/**
 * Contract: with a data file the state survives a restart (ids included), is written atomically and holds no
 * secret.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { startEmulator } from "../../src/emulator";
import { TestEmulator } from "../support/emulator";
import { connectionCase, createBody, vaultIntegrationBody } from "../support/fixtures";
import { call, pick, pickString } from "../support/http";

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), "vaultbridge-emulator-"));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

test("connections, integrations, tokens and ids survive a restart", async () => {
  const dataFile = join(dir, "state", "emulator.json");
  const canary = "CANARY-persisted-secret";
  const first = await TestEmulator.start({ dataFile });
  const token = await first.login();
  const created = await first.infisical(
    "POST",
    "/api/v1/app-connections/heroku",
    createBody(connectionCase("heroku", "auth-token"), "kept", {
      credentials: { authToken: `HRKU-${canary}` },
    }),
  );
  const id = pickString(created.body, "appConnection", "id");
  const integration = await first.scrapengine(
    "POST",
    "/vault-integrations",
    vaultIntegrationBody("kept", { secretId: canary }),
  );
  const ids = { orgId: first.emulator.orgId, projectId: first.emulator.projectId, gatewayId: first.emulator.gatewayId };
  await first.close();

  const text = readFileSync(dataFile, "utf8");
  expect(text).not.toContain(canary);
  expect(text).not.toContain(token);
  expect(readdirSync(join(dir, "state"))).toEqual(["emulator.json"]); // no temporary file left behind

  const second = await TestEmulator.start({ dataFile });
  try {
    expect({
      orgId: second.emulator.orgId,
      projectId: second.emulator.projectId,
      gatewayId: second.emulator.gatewayId,
    }).toEqual(ids);
    const got = await call(second.url, "GET", `/api/v1/app-connections/heroku/${id}`, { bearer: token });
    expect(got.status).toBe(200);
    expect(got.body).toEqual(created.body);
    const integrations = await second.scrapengine("GET", "/vault-integrations");
    expect(pick(integrations.body, "data")).toEqual([integration.body]);
  } finally {
    await second.close();
  }
});

test("a reset is persisted too, and keeps the ids", async () => {
  const dataFile = join(dir, "emulator.json");
  const first = await TestEmulator.start({ dataFile });
  await first.infisical(
    "POST",
    "/api/v1/app-connections/heroku",
    createBody(connectionCase("heroku", "auth-token"), "gone"),
  );
  await first.reset();
  await first.close();
  const second = await TestEmulator.start({ dataFile });
  try {
    expect(second.emulator.orgId).toBe(first.emulator.orgId);
    expect(pick((await second.infisical("GET", "/api/v1/app-connections")).body, "appConnections")).toEqual([]);
  } finally {
    await second.close();
  }
});

test("a malformed data file is refused with its name and the field at fault", async () => {
  const dataFile = join(dir, "broken.json");
  writeFileSync(dataFile, "{not json");
  await expect(startEmulator({ port: 0, dataFile })).rejects.toThrow(
    `Cannot read emulator data file ${dataFile}: it is not JSON`,
  );
  writeFileSync(dataFile, JSON.stringify({ version: 1, ids: { orgId: "x" } }));
  await expect(startEmulator({ port: 0, dataFile })).rejects.toThrow(/ids\.orgId: Invalid UUID/);
});
