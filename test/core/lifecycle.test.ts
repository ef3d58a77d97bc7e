/**
 * Whole lifecycles through the provider core against the emulator: create, no-op, in-place update, replacement,
 * drift (non-secret fields, credentials_hash, server-owned secrets, vault updated_at), import, destroy — and no
 * API call at all for configuration-only errors.
 */
import { InfisicalClient } from "../../src/client/infisical-client";
import { ScrapEngineClient } from "../../src/client/scrapengine-client";
import { ProviderCore } from "../../src/core/provider-core";
import type { ObjectValue } from "../../src/framework/value";
import { infisicalProvider } from "../../src/providers/infisical";
import { scrapengineProvider } from "../../src/providers/scrapengine";
import { configs } from "../support/configs";
import { Driver } from "../support/drive";
import { TestEmulator, recordingLogger } from "../support/emulator";

const AZURE = "infisical_app_connection_azure_key_vault";
const PG = "infisical_app_connection_postgres";
const HEROKU = "infisical_app_connection_heroku";
const VAULT = "scrapengine_vault_integration";
const CANARY = "canary-9d2b7c";

let emu: TestEmulator;
let infisical: ProviderCore<InfisicalClient>;
let scrapengine: ProviderCore<ScrapEngineClient>;
let api: InfisicalClient;
let scrap: ScrapEngineClient;
let infisicalConfig: ObjectValue;
let scrapengineConfig: ObjectValue;
const log = recordingLogger();

beforeAll(async () => {
  emu = await TestEmulator.start();
  const { clientId, clientSecret } = emu.emulator.infisical;
  infisicalConfig = { host: emu.url, auth: { universal: { client_id: clientId, client_secret: clientSecret } } };
  scrapengineConfig = { base_url: emu.emulator.scrapengine.baseUrl, api_key: emu.emulator.scrapengine.apiKey };
  infisical = new ProviderCore(infisicalProvider, { env: {}, log });
  expect(infisical.configure(infisicalConfig).errors).toEqual([]);
  scrapengine = new ProviderCore(scrapengineProvider, { env: {}, log });
  expect(scrapengine.configure(scrapengineConfig).errors).toEqual([]);
  api = new InfisicalClient({ host: emu.url, auth: { kind: "universal", clientId, clientSecret } });
  scrap = new ScrapEngineClient({ baseUrl: emu.emulator.scrapengine.baseUrl, apiKey: emu.emulator.scrapengine.apiKey });
});
afterAll(async () => {
  await Promise.all([infisical.close(), scrapengine.close(), api.close(), scrap.close()]);
  await emu.close();
  expect(log.lines.join("\n")).not.toContain(CANARY);
});
beforeEach(() => emu.reset());

const pgConfig = (o: Record<string, unknown> = {}, password = `pw-${CANARY}`) =>
  configs.postgres({ credentials: { host: "db.internal", database: "app", username: "infisical", password }, ...o });
const changedPaths = (s: { plan: { changed: readonly unknown[] } }) => s.plan.changed.map(String);

describe.each([
  [AZURE, configs.azureClientSecret({ credentials: { tenant_id: "9f3c2a1e-4b5d-4e6f-8a7b-1c2d3e4f5a6b", client_id: "1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d", client_secret: `cs-${CANARY}` } })],
  [PG, pgConfig()],
  [HEROKU, configs.heroku({ credentials: { auth_token: `HRKU-${CANARY}` } })],
] as const)("%s", (type, config) => {
  const d = () => new Driver(infisical, type, infisicalConfig);

  test("create, no-op, rename in place, drift corrected, destroy", async () => {
    const created = await d().apply(null, config);
    expect(created.plan.action).toBe("create");
    const id = created.state!.id as string;
    expect(id).toMatch(/^[0-9a-f-]{36}$/);

    expect((await d().plan(created.state, config)).plan.action).toBe("noop");

    const renamed = await d().apply(created.state, { ...config, name: "renamed", description: "second" });
    expect(renamed.plan.action).toBe("update");
    expect(renamed.state!.id).toBe(id);
    expect((await d().plan(renamed.state, { ...config, name: "renamed", description: "second" })).plan.action).toBe("noop");

    // Out of band: someone edits the description in the UI.
    const app = type === AZURE ? "azure-key-vault" : type === PG ? "postgres" : "heroku";
    await api.updateConnection(app, id, { description: "edited by hand" });
    const drift = await d().plan(renamed.state, { ...config, name: "renamed", description: "second" });
    expect(drift.state!.description).toBe("edited by hand");
    expect(drift.plan.action).toBe("update");
    expect(changedPaths(drift)).toEqual(["description"]);
    const fixed = await d().apply(renamed.state, { ...config, name: "renamed", description: "second" });
    expect((await api.getConnection(app, id)).description).toBe("second");

    const gone = await infisical.applyResourceChange(type, fixed.state, null);
    expect(gone.state).toBeNull();
    expect(await api.listConnections()).toEqual([]);
  });

  test("a credentials_hash changed outside re-sends the configured secret, with a warning", async () => {
    const created = await d().apply(null, config);
    const app = type === AZURE ? "azure-key-vault" : type === PG ? "postgres" : "heroku";
    const id = created.state!.id as string;
    const secretBody =
      type === AZURE
        ? { tenantId: "9f3c2a1e-4b5d-4e6f-8a7b-1c2d3e4f5a6b", clientId: "1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d", clientSecret: "someone-else" }
        : type === PG
          ? { host: "db.internal", port: 5432, database: "app", username: "infisical", password: "someone-else", sslEnabled: true, sslRejectUnauthorized: true }
          : { authToken: "HRKU-someone-else" };
    await api.updateConnection(app, id, { credentials: secretBody });
    const step = await d().plan(created.state, config);
    expect(step.diagnostics.map((x) => [x.severity, x.summary])).toEqual([["warning", "Credentials Changed Outside Terraform"]]);
    expect(step.plan.action).toBe("update");
    expect(changedPaths(step).every((p) => p.startsWith("credentials."))).toBe(true);
    await emu.clearRequests();
    const applied = await d().apply(created.state, config);
    const patches = (await emu.requests()).filter((r) => r.method === "PATCH");
    expect(patches).toHaveLength(1);
    expect((await d().plan(applied.state, config)).plan.action).toBe("noop");
  });

  test("import by id and by name; the next plan only re-sends secrets", async () => {
    const created = await d().apply(null, config);
    const id = created.state!.id as string;
    for (const importId of [id, String(config.name)]) {
      const imported = await infisical.importResourceState(type, importId);
      expect(imported.diagnostics.errors).toEqual([]);
      expect(imported.state!.id).toBe(id);
      const step = await d().plan(imported.state, config);
      expect(step.plan.action).toBe("update");
      const sensitive = changedPaths(step);
      expect(sensitive.length).toBeGreaterThan(0);
      expect(sensitive.every((p) => /credentials\.(client_secret|password|auth_token)$/.test(p))).toBe(true);
    }
    const missing = await infisical.importResourceState(type, "no-such-connection");
    expect(missing.diagnostics.errors[0].detail).toMatch(/Import by ID \(a UUID\), by name \(organization scope\), or as <project_id>\/<name>/);
  });

  test("an object deleted outside leaves state and is planned for creation", async () => {
    const created = await d().apply(null, config);
    const app = type === AZURE ? "azure-key-vault" : type === PG ? "postgres" : "heroku";
    await api.deleteConnection(app, created.state!.id as string);
    const step = await d().plan(created.state, config);
    expect(step.state).toBeNull();
    expect(step.plan.action).toBe("create");
  });
});

describe("replacement and project scope", () => {
  test("changing project_id replaces the connection", async () => {
    const d = new Driver(infisical, HEROKU, infisicalConfig);
    const config = configs.heroku({ credentials: { auth_token: "HRKU-1" } });
    const created = await d.apply(null, config);
    const moved = await d.apply(created.state, { ...config, project_id: emu.emulator.projectId });
    expect(moved.plan.action).toBe("replace");
    expect(moved.plan.requiresReplace.map(String)).toEqual(["project_id"]);
    expect(moved.state!.id).not.toBe(created.state!.id);
    const all = await api.listConnections();
    expect(all.map((c) => [c.name, c.projectId])).toEqual([["heroku-main", emu.emulator.projectId]]);
    const byProjectName = await infisical.importResourceState(HEROKU, `${emu.emulator.projectId}/heroku-main`);
    expect(byProjectName.state!.id).toBe(moved.state!.id);
  });
});

describe("server-owned secrets record a new hash silently", () => {
  test("azure oauth: a background token refresh plans no change", async () => {
    const d = new Driver(infisical, AZURE, infisicalConfig);
    const config = configs.azureOauth();
    const created = await d.apply(null, config);
    expect((await emu.control("POST", `/connections/${String(created.state!.id)}/refresh`)).status).toBe(200);
    const step = await d.plan(created.state, config);
    expect(step.state!.credentials_hash).not.toBe(created.state!.credentials_hash);
    expect(step.diagnostics).toEqual([]);
    expect(step.plan.action).toBe("noop");
  });

  test("azure client-secret with rotation on: a rotation plans no change", async () => {
    const d = new Driver(infisical, AZURE, infisicalConfig);
    const config = configs.azureClientSecret({ is_auto_rotation_enabled: true, rotation: { rotation_interval: 30, rotate_at_utc: { hours: 2, minutes: 30 } } });
    const created = await d.apply(null, config);
    expect(created.state!.rotation_status).toBe("success");
    expect(created.state!.next_rotation_at).toEqual(expect.any(String));
    expect((await emu.control("POST", `/connections/${String(created.state!.id)}/refresh`)).status).toBe(200);
    const step = await d.plan(created.state, config);
    expect(step.diagnostics).toEqual([]);
    expect(step.plan.action).toBe("noop");
  });

  test("postgres: switching to platform-managed sends credentials once; later hash changes are silent", async () => {
    const d = new Driver(infisical, PG, infisicalConfig);
    const created = await d.apply(null, pgConfig());
    await emu.clearRequests();
    const managed = await d.apply(created.state, pgConfig({ is_platform_managed_credentials: true }));
    expect(managed.plan.action).toBe("update");
    expect(await d.plan(managed.state, pgConfig({ is_platform_managed_credentials: true }))).toMatchObject({ plan: { action: "noop" } });
    // A new password in config is recorded, not sent.
    await emu.clearRequests();
    const next = await d.apply(managed.state, pgConfig({ is_platform_managed_credentials: true }, "changed-password"));
    expect(next.plan.action).toBe("update");
    expect((await emu.requests()).filter((r) => r.method === "PATCH")).toEqual([]);
  });
});

describe("vault integration", () => {
  const d = () => new Driver(scrapengine, VAULT, scrapengineConfig);
  const config = configs.vault({ secret_id: `sid-${CANARY}` });

  test("create, rotate secret_id in place, replace on address, drift re-asserts secret_id, import, destroy", async () => {
    const created = await d().apply(null, config);
    expect((await d().plan(created.state, config)).plan.action).toBe("noop");

    await emu.clearRequests();
    const rotated = await d().apply(created.state, { ...config, secret_id: `sid2-${CANARY}` });
    expect(rotated.plan.action).toBe("update");
    expect((await emu.requests()).filter((r) => r.method === "PUT")).toHaveLength(1);

    // Someone rotates the secret_id outside: updated_at moves; the plan re-asserts ours.
    await scrap.rotateSecretId(created.state!.id as string, "theirs");
    const drift = await d().plan(rotated.state, { ...config, secret_id: `sid2-${CANARY}` });
    expect(drift.plan.action).toBe("update");
    expect(drift.plan.changed.map(String)).toEqual(["secret_id"]);
    const fixed = await d().apply(rotated.state, { ...config, secret_id: `sid2-${CANARY}` });

    const moved = await d().apply(fixed.state, { ...config, secret_id: `sid2-${CANARY}`, address: "https://vault2.example.com" });
    expect(moved.plan.action).toBe("replace");
    expect(moved.state!.id).not.toBe(created.state!.id);

    for (const importId of [moved.state!.id as string, "vault-main"]) {
      const imported = await scrapengine.importResourceState(VAULT, importId);
      expect(imported.state!.id).toBe(moved.state!.id);
      expect(imported.state!.secret_id).toBeNull();
    }

    await scrapengine.applyResourceChange(VAULT, moved.state, null);
    expect(await scrap.list()).toEqual([]);
  });
});

describe("configuration-only errors make no API call", () => {
  test.each([
    [HEROKU, configs.heroku({ gateway_id: "3c90c3cc-0d44-4b50-8888-8dd25736052a" })],
    [PG, pgConfig({ rotation: { rotation_interval: 3, rotate_at_utc: { hours: 1, minutes: 1 } } })],
    [AZURE, configs.azureClientSecret({ is_platform_managed_credentials: true })],
    [AZURE, configs.azureOauth({ is_auto_rotation_enabled: true, rotation: { rotation_interval: 3, rotate_at_utc: { hours: 1, minutes: 1 } } })],
    [HEROKU, configs.heroku({ name: "UPPER" })],
  ] as [string, ObjectValue][])("%s", async (type, config) => {
    await emu.clearRequests();
    const validated = infisical.validateResourceConfig(type, config);
    const planned = infisical.planResourceChange(type, null, config);
    expect(validated.hasError()).toBe(true);
    expect(planned.diagnostics.hasError()).toBe(true);
    expect(planned.planned).toBeNull();
    expect(await emu.requests()).toEqual([]);
  });
});
