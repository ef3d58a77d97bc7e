/**
 * Acceptance, through the real `terraform` binary: the data sources read objects made directly through the APIs
 * (as Infisical's UI or a script would make them) with the right values, share the list calls of one run, and
 * name what they looked for when it is not there.
 */
import { TestEmulator } from "../support/emulator";
import { makeObjects } from "../support/made-outside";
import { TerraformWorkspace, output, ownDiagnostics } from "../support/terraform";
import { blocksFor, CLIENT, PG, TENANT, VAULT } from "./helpers";

let emu: TestEmulator;
let ws: TerraformWorkspace | undefined;

beforeAll(async () => {
  emu = await TestEmulator.start();
});
afterAll(async () => {
  await emu.close();
});
afterEach(() => {
  ws?.cleanup();
  ws = undefined;
});

test("every data source reads objects made outside, with the right values; look-ups share the list calls", async () => {
  await emu.reset();
  const made = await makeObjects(emu);
  ws = new TerraformWorkspace();
  ws.write({
    "main.tf": `${blocksFor(emu, PG, VAULT)}
data "infisical_app_connection_postgres" "by_name" {
  name       = "ui-orders-db"
  project_id = "${emu.emulator.projectId}"
}
data "infisical_app_connection_postgres" "by_id" {
  id = "${String(made.pg.id)}"
}
data "infisical_app_connection_azure_key_vault" "kv" {
  name = "ui-keyvault"
}
data "infisical_app_connection_heroku" "h" {
  id = "${String(made.heroku.id)}"
}
data "infisical_app_connections" "all" {}
data "infisical_app_connections" "pg_in_project" {
  app        = "postgres"
  project_id = "${emu.emulator.projectId}"
}
data "scrapengine_vault_integration" "v" {
  name = "ui-vault"
}
data "scrapengine_vault_integrations" "all" {}

output "pg" { value = data.infisical_app_connection_postgres.by_name }
output "pg_by_id_port" { value = data.infisical_app_connection_postgres.by_id.credentials.port }
output "kv" { value = data.infisical_app_connection_azure_key_vault.kv }
output "heroku" { value = data.infisical_app_connection_heroku.h }
output "all_names" { value = [for c in data.infisical_app_connections.all.connections : "\${c.app}/\${c.name}"] }
output "pg_in_project" { value = data.infisical_app_connections.pg_in_project.connections[*].id }
output "vault" { value = data.scrapengine_vault_integration.v }
output "vaults" { value = data.scrapengine_vault_integrations.all.integrations[*].namespace }
`,
  });
  await emu.clearRequests();
  await ws.apply();
  const out = JSON.parse((await ws.run(["output", "-json"], { expectCode: 0 })).stdout) as Record<string, { value: unknown }>;
  expect(out.pg.value).toMatchObject({
    id: made.pg.id,
    name: "ui-orders-db",
    description: "made in the UI",
    project_id: emu.emulator.projectId,
    method: "username-and-password",
    credentials: { host: "orders.db.internal", port: 6543, database: "orders", username: "reader", ssl_enabled: false, ssl_reject_unauthorized: true },
    credentials_hash: made.pg.credentialsHash,
    org_id: emu.emulator.orgId,
  });
  expect(out.pg.value).not.toHaveProperty("credentials.password");
  expect(out.pg_by_id_port.value).toBe(6543);
  expect(out.kv.value).toMatchObject({ id: made.azure.id, method: "client-secret", credentials: { tenant_id: TENANT, client_id: CLIENT }, is_auto_rotation_enabled: false });
  expect(out.heroku.value).toMatchObject({ name: "ui-heroku", method: "oauth", description: "web dynos" });
  expect(out.all_names.value).toEqual(["heroku/ui-heroku", "azure-key-vault/ui-keyvault", "postgres/ui-orders-db"]);
  expect(out.pg_in_project.value).toEqual([made.pg.id]);
  expect(out.vault.value).toMatchObject({ id: made.vault.id, name: "ui-vault", address: "https://vault.internal:8200", namespace: "team-a", role_id: "role-ui", type: "hashicorp", auth_method: "approle" });
  expect(out.vault.value).not.toHaveProperty("secret_id");
  expect(out.vaults.value).toEqual(["team-a"]);
  // Eight look-ups, and not one GET of a single object: every read came from the shared lists.
  const gets = (await emu.requests()).filter((r) => r.method === "GET").map((r) => r.path);
  expect(gets.filter((p) => /\/app-connections\/[^/]+\/[0-9a-f-]{36}$|\/vault-integrations\/[0-9a-f-]{36}$/.test(p))).toEqual([]);
  // No secret made outside ever reaches terraform.
  const everything = [ws.read("terraform.tfstate"), ...ws.runs.map((r) => output(r))].join("\n");
  for (const secret of ["ui-secret", "ui-client-secret", "ui-oauth-code", "ui-secret-id"]) expect(everything).not.toContain(secret);
}, 90_000);

test("not found: an error naming what was looked for; both or neither look-up key: refused at plan", async () => {
  await emu.reset();
  ws = new TerraformWorkspace();
  ws.write({ "main.tf": `${blocksFor(emu, PG)}\ndata "infisical_app_connection_postgres" "missing" {\n  name = "no-such-db"\n}\n` });
  const missing = await ws.plan(1);
  expect(ownDiagnostics(output(missing)).map((d) => d.summary)).toEqual(["PostgreSQL Connection Not Found"]);
  expect(output(missing)).toMatch(/No PostgreSQL Connection is named "no-such-db" at\s+organization level/);

  ws.write({ "main.tf": `${blocksFor(emu, PG)}\ndata "infisical_app_connection_postgres" "neither" {}\n` });
  await emu.clearRequests();
  const neither = await ws.plan(1);
  expect(ownDiagnostics(output(neither)).map((d) => d.summary)).toEqual(["Missing Look-Up Key"]);
  expect((await emu.requests()).filter((r) => !r.path.includes("/auth/"))).toEqual([]);
}, 60_000);

test("import blocks with -generate-config-out: the generated configuration plans imports only, applies with no write, then no-op", async () => {
  await emu.reset();
  const made = await makeObjects(emu);
  ws = new TerraformWorkspace();
  const imports = [
    ["infisical_app_connection_postgres.orders", `${emu.emulator.projectId}/ui-orders-db`],
    ["infisical_app_connection_azure_key_vault.kv", String(made.azure.id)],
    ["infisical_app_connection_heroku.h", String(made.heroku.id)],
    ["scrapengine_vault_integration.v", "ui-vault"],
  ];
  ws.write({ "main.tf": `${blocksFor(emu, PG, VAULT)}\n${imports.map(([to, id]) => `import {\n  to = ${to}\n  id = "${id}"\n}\n`).join("")}` });
  await emu.clearRequests();
  await ws.run(["plan", "-generate-config-out=generated.tf"], { expectCode: 0 });
  // Secrets come out as null placeholders; for an object being imported they are valid: nothing is sent.
  expect(ws.read("generated.tf")).toMatch(/password_wo\s+= null/);
  await ws.run(["validate"], { expectCode: 0 });
  const planned = await ws.plan(2);
  expect(output(planned)).toContain("Plan: 4 to import, 0 to add, 0 to change, 0 to destroy.");
  await ws.apply();
  await ws.plan(0);
  const writes = (await emu.requests()).filter((r) => r.method !== "GET" && !r.path.includes("/auth/"));
  expect(writes).toEqual([]);
}, 90_000);
