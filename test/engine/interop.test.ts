/**
 * The engine and terraform on the same stack (Terraform JSON) and the same state: each takes over what the
 * other applied with no changes, and every plan-time rule gives the same error through both.
 * Assumes dist/ is built (the test command builds first).
 */
import { apply, hasChanges, plan } from "../../src/engine/engine";
import { TestEmulator } from "../support/emulator";
import { TerraformWorkspace, describeRun, ownDiagnostics } from "../support/terraform";

let emu: TestEmulator;
let ws: TerraformWorkspace;
beforeAll(async () => {
  emu = await TestEmulator.start();
});
afterAll(() => emu.close());
beforeEach(async () => {
  await emu.reset();
  ws = new TerraformWorkspace();
});
afterEach(() => ws.cleanup());

const SECRET = "HRKU-interop-secret";

function stackJson(resources: Record<string, unknown>): string {
  const { url, infisical, scrapengine } = emu.emulator;
  return JSON.stringify(
    {
      terraform: { required_providers: { infisical: { source: "vaultbridge/infisical" }, scrapengine: { source: "vaultbridge/scrapengine" } } },
      provider: {
        infisical: [{ host: url, auth: { universal: { client_id: infisical.clientId, client_secret: infisical.clientSecret } } }],
        scrapengine: [{ base_url: scrapengine.baseUrl, api_key: scrapengine.apiKey }],
      },
      resource: resources,
    },
    null,
    2,
  );
}

const STACK = {
  infisical_app_connection_postgres: {
    db: { name: "orders-db", description: "orders", credentials: { host: "db.internal", database: "orders", username: "u", password: "pw-1" } },
  },
  infisical_app_connection_heroku: {
    web: { count: 2, name: "web-${count.index}", description: "uses ${infisical_app_connection_postgres.db.id}", credentials: { auth_token: SECRET } },
  },
  infisical_app_connection_azure_key_vault: {
    kv: {
      name: "kv",
      method: "client-secret",
      credentials: { tenant_id: "9f3c2a1e-4b5d-4e6f-8a7b-1c2d3e4f5a6b", client_id: "1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d", client_secret: "cs" },
      is_auto_rotation_enabled: true,
      rotation: { rotation_interval: 30, rotate_at_utc: { hours: 2, minutes: 0 } },
    },
  },
  scrapengine_vault_integration: { v: { name: "vault", address: "https://vault.example.com", role_id: "r", secret_id: "s" } },
};

test("terraform plans no changes over a stack the engine applied", async () => {
  ws.write({ "cdk.tf.json": stackJson(STACK) });
  const applied = await apply(await plan(ws.dir), {});
  expect(applied.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
  expect(applied.applied).toBe(5);
  const tf = await ws.run(["plan", "-detailed-exitcode"]);
  expect([tf.code, describeRun(tf)]).toEqual([0, expect.any(String)]);
  expect(tf.stdout).toContain("No changes.");
});

test("the engine takes over a stack terraform applied, with no changes; then both destroy cleanly", async () => {
  ws.write({ "cdk.tf.json": stackJson(STACK) });
  const tf = await ws.run(["apply", "-auto-approve"]);
  expect([tf.code, describeRun(tf)]).toEqual([0, expect.any(String)]);
  const p = await plan(ws.dir);
  expect(p.diagnostics).toEqual([]);
  expect(p.changes.map((c) => [c.address, c.action])).toEqual(expect.arrayContaining([["infisical_app_connection_heroku.web[1]", "noop"]]));
  expect(hasChanges(p)).toBe(false);
  // The engine changes one thing; terraform agrees afterwards.
  ws.write({ "cdk.tf.json": stackJson({ ...STACK, scrapengine_vault_integration: { v: { ...STACK.scrapengine_vault_integration.v, secret_id: "s2" } } }) });
  const changed = await plan(ws.dir);
  expect(changed.changes.filter((c) => c.action !== "noop").map((c) => [c.address, c.action])).toEqual([["scrapengine_vault_integration.v", "update"]]);
  await apply(changed, {});
  expect((await ws.run(["plan", "-detailed-exitcode"])).code).toBe(0);
  await apply(await plan(ws.dir, { destroy: true }), {});
  expect((await ws.run(["plan", "-detailed-exitcode"])).code).toBe(2); // all to create again
  const all = (await emu.infisical("GET", "/api/v1/app-connections")).body as { appConnections: unknown[] };
  expect(all.appConnections).toEqual([]);
});

describe("every plan-time rule: the same error through the engine as through terraform", () => {
  const cases: [string, Record<string, unknown>][] = [
    ["heroku gateway_id", { infisical_app_connection_heroku: { h: { name: "h", gateway_id: "3c90c3cc-0d44-4b50-8888-8dd25736052a", credentials: { auth_token: "HRKU-x" } } } }],
    ["heroku rotation", { infisical_app_connection_heroku: { h: { name: "h", is_auto_rotation_enabled: true, rotation: { rotation_interval: 3, rotate_at_utc: { hours: 1, minutes: 1 } }, credentials: { auth_token: "HRKU-x" } } } }],
    ["heroku token prefix", { infisical_app_connection_heroku: { h: { name: "h", credentials: { auth_token: "nope" } } } }],
    ["postgres rotation", { infisical_app_connection_postgres: { p: { name: "p", rotation: { rotation_interval: 3, rotate_at_utc: { hours: 1, minutes: 1 } }, credentials: { host: "h", database: "d", username: "u", password: "p" } } } }],
    ["postgres gateway not a uuid", { infisical_app_connection_postgres: { p: { name: "p", gateway_id: "gw", credentials: { host: "h", database: "d", username: "u", password: "p" } } } }],
    ["azure platform managed", { infisical_app_connection_azure_key_vault: { a: { name: "a", method: "oauth", is_platform_managed_credentials: true, credentials: { code: "c" } } } }],
    ["azure rotation with oauth", { infisical_app_connection_azure_key_vault: { a: { name: "a", method: "oauth", is_auto_rotation_enabled: true, rotation: { rotation_interval: 3, rotate_at_utc: { hours: 1, minutes: 1 } }, credentials: { code: "c" } } } }],
    ["azure auto rotation without schedule", { infisical_app_connection_azure_key_vault: { a: { name: "a", method: "client-secret", is_auto_rotation_enabled: true, credentials: { tenant_id: "9f3c2a1e-4b5d-4e6f-8a7b-1c2d3e4f5a6b", client_id: "1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d", client_secret: "x" } } } }],
    ["azure foreign credential", { infisical_app_connection_azure_key_vault: { a: { name: "a", method: "oauth", credentials: { code: "c", client_secret: "x" } } } }],
    ["azure oauth without code (plan time)", { infisical_app_connection_azure_key_vault: { a: { name: "a", method: "oauth", credentials: {} } } }],
    ["name not a slug", { infisical_app_connection_heroku: { h: { name: "Not_A_Slug", credentials: { auth_token: "HRKU-x" } } } }],
    ["method not in the list", { infisical_app_connection_heroku: { h: { name: "h", method: "password", credentials: { auth_token: "HRKU-x" } } } }],
    ["vault address", { scrapengine_vault_integration: { v: { name: "v", address: "vault.local", role_id: "r", secret_id: "s" } } }],
  ];

  test.each(cases)("%s", async (_label, resources) => {
    ws.write({ "cdk.tf.json": stackJson(resources) });
    const tf = await ws.run(["plan"]);
    expect(tf.code).toBe(1);
    const fromTerraform = ownDiagnostics(`${tf.stdout}\n${tf.stderr}`)
      .filter((d) => d.severity === "Error")
      .map((d) => [d.summary, d.detail]);
    expect(fromTerraform.length).toBeGreaterThan(0);
    const p = await plan(ws.dir);
    // The engine prefixes the detail with the construct path (the address here); the rest is the same text.
    const fromEngine = p.diagnostics.filter((d) => d.severity === "error").map((d) => [d.summary, d.detail.replace(/^[a-z_]+\.[a-z0-9_]+: /, "")]);
    expect(fromEngine).toEqual(fromTerraform);
  });
});
