/**
 * The engine evaluates `data` blocks (read at plan, references to their attributes) and honours `import` blocks
 * (what CDKTF's `importFrom` synthesizes): planned as imports, applied with no API write, then a no-op.
 */
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { apply, hasChanges, plan } from "../../src/engine/engine";
import { renderPlan } from "../../src/engine/render";
import { useEmulatorAndStackDir } from "../support/engine-cli";
import { CLIENT, makeObjects, TENANT } from "../support/made-outside";

const ctx = useEmulatorAndStackDir("vb-data-");

function providers(): Record<string, unknown> {
  const { url, infisical, scrapengine } = ctx.emu.emulator;
  return {
    infisical: [{ host: url, auth: { universal: { client_id: infisical.clientId, client_secret: infisical.clientSecret } } }],
    scrapengine: [{ base_url: scrapengine.baseUrl, api_key: scrapengine.apiKey }],
  };
}

function writeStack(doc: Record<string, unknown>): void {
  writeFileSync(join(ctx.dir, "cdk.tf.json"), JSON.stringify({ provider: providers(), ...doc }));
}

const writes = async (): Promise<string[]> =>
  (await ctx.emu.requests()).filter((r) => r.method !== "GET" && !r.path.includes("/auth/")).map((r) => `${r.method} ${r.path}`);

test("data sources are read at plan, their attributes referenced by resources and outputs", async () => {
  const made = await makeObjects(ctx.emu);
  writeStack({
    data: {
      infisical_app_connection_postgres: { orders: { name: "ui-orders-db", project_id: ctx.emu.emulator.projectId } },
      infisical_app_connections: { all: {} },
      scrapengine_vault_integration: { v: { id: String(made.vault.id) } },
    },
    resource: {
      infisical_app_connection_heroku: {
        derived: { name: "copy-of-${data.infisical_app_connection_postgres.orders.name}", description: "${data.scrapengine_vault_integration.v.namespace}", credentials: { auth_token: "HRKU-derived" } },
      },
    },
    output: {
      port: { value: "${data.infisical_app_connection_postgres.orders.credentials.port}" },
      first: { value: "${data.infisical_app_connections.all.connections[0].name}" },
    },
  });
  const p = await plan(ctx.dir);
  expect(p.diagnostics).toEqual([]);
  expect(p.changes.find((c) => c.address === "infisical_app_connection_heroku.derived")?.after).toMatchObject({ name: "copy-of-ui-orders-db", description: "team-a" });
  expect(p.outputs).toEqual(expect.arrayContaining([expect.objectContaining({ name: "port", value: 6543 }), expect.objectContaining({ name: "first", value: "ui-heroku" })]));
  const r = await apply(p);
  expect(r.diagnostics).toEqual([]);
  expect((await plan(ctx.dir)).changes.every((c) => c.action === "noop")).toBe(true);
});

test("every data source reads objects made outside with the right values, from one list call per API", async () => {
  const made = await makeObjects(ctx.emu);
  writeStack({
    data: {
      infisical_app_connection_postgres: { pg: { id: String(made.pg.id) } },
      infisical_app_connection_azure_key_vault: { kv: { name: "ui-keyvault" } },
      infisical_app_connection_heroku: { h: { name: "ui-heroku" } },
      infisical_app_connections: { pgs: { app: "postgres" } },
      scrapengine_vault_integration: { v: { name: "ui-vault" } },
      scrapengine_vault_integrations: { all: {} },
    },
    output: Object.fromEntries(
      ["infisical_app_connection_postgres.pg", "infisical_app_connection_azure_key_vault.kv", "infisical_app_connection_heroku.h", "infisical_app_connections.pgs", "scrapengine_vault_integration.v", "scrapengine_vault_integrations.all"].map((a) => [
        a.replace(/\./g, "_"),
        { value: `\${data.${a}}` },
      ]),
    ),
  });
  await ctx.emu.clearRequests();
  const p = await plan(ctx.dir);
  expect(p.diagnostics).toEqual([]);
  const out = Object.fromEntries(p.outputs.map((o) => [o.name, o.value]));
  expect(out.infisical_app_connection_postgres_pg).toMatchObject({ name: "ui-orders-db", description: "made in the UI", project_id: ctx.emu.emulator.projectId, credentials: { host: "orders.db.internal", port: 6543, ssl_enabled: false } });
  expect(out.infisical_app_connection_azure_key_vault_kv).toMatchObject({ id: made.azure.id, method: "client-secret", credentials: { tenant_id: TENANT, client_id: CLIENT } });
  expect(out.infisical_app_connection_heroku_h).toMatchObject({ id: made.heroku.id, method: "oauth", description: "web dynos" });
  expect(out.infisical_app_connections_pgs).toMatchObject({ app: "postgres", connections: [expect.objectContaining({ id: made.pg.id, app: "postgres", name: "ui-orders-db" })] });
  expect(out.scrapengine_vault_integration_v).toMatchObject({ id: made.vault.id, namespace: "team-a", role_id: "role-ui" });
  expect(out.scrapengine_vault_integrations_all).toMatchObject({ integrations: [expect.objectContaining({ name: "ui-vault", address: "https://vault.internal:8200" })] });
  const calls = (await ctx.emu.requests()).filter((r) => !r.path.includes("/auth/")).map((r) => `${r.method} ${r.path}`);
  expect(calls).toEqual(["GET /api/v1/app-connections", "GET /api/v1/vault-integrations"]);
});

test("a data source not found names what was looked for, before any write", async () => {
  writeStack({ data: { infisical_app_connection_heroku: { gone: { name: "no-such-app" } } } });
  await ctx.emu.clearRequests();
  const p = await plan(ctx.dir);
  expect(p.diagnostics.map((d) => d.detail)).toEqual([expect.stringMatching(/data\.infisical_app_connection_heroku\.gone: No Heroku Connection is named "no-such-app"/)]);
  expect(await writes()).toEqual([]);
});

test("import blocks plan as imports, apply with no API write, then nothing to do", async () => {
  const made = await makeObjects(ctx.emu);
  const v = (name: string) => `\${var.${name}}`;
  writeStack({
    variable: { pg: { type: "string", sensitive: true, ephemeral: true, default: null }, vault: { type: "string", sensitive: true, ephemeral: true, default: null } },
    import: [
      { to: "infisical_app_connection_postgres.orders", id: `${ctx.emu.emulator.projectId}/ui-orders-db` },
      { to: "infisical_app_connection_azure_key_vault.kv", id: String(made.azure.id) },
      { to: "scrapengine_vault_integration.v", id: "ui-vault" },
    ],
    resource: {
      infisical_app_connection_postgres: {
        orders: {
          name: "ui-orders-db",
          description: "made in the UI",
          project_id: ctx.emu.emulator.projectId,
          credentials: { host: "orders.db.internal", port: 6543, database: "orders", username: "reader", ssl_enabled: false, password_wo: v("pg") },
        },
      },
      infisical_app_connection_azure_key_vault: { kv: { name: "ui-keyvault", method: "client-secret", credentials: { tenant_id: TENANT, client_id: CLIENT } } },
      scrapengine_vault_integration: { v: { name: "ui-vault", address: "https://vault.internal:8200", namespace: "team-a", role_id: "role-ui", secret_id_wo: v("vault") } },
    },
  });
  await ctx.emu.clearRequests();
  const p = await plan(ctx.dir);
  expect(p.diagnostics).toEqual([]);
  expect(hasChanges(p)).toBe(true);
  expect(p.changes.map((c) => [c.address, c.action, c.importId !== undefined])).toEqual(
    expect.arrayContaining([
      ["infisical_app_connection_postgres.orders", "noop", true],
      ["infisical_app_connection_azure_key_vault.kv", "noop", true],
      ["scrapengine_vault_integration.v", "noop", true],
    ]),
  );
  expect(renderPlan(p)).toContain("Plan: 3 to import, 0 to add, 0 to change, 0 to destroy.");
  const r = await apply(p);
  expect(r.diagnostics).toEqual([]);
  expect(await writes()).toEqual([]);
  const again = await plan(ctx.dir);
  expect(hasChanges(again)).toBe(false);
  expect(renderPlan(again)).toContain("No changes.");
});
