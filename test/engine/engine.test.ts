/** The engine against the emulator: plan, apply, no-op, update, drift, orphans, destroy, stale plans, refusals. */
import { mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { apply, hasChanges, importResource, plan } from "../../src/engine/engine";
import { acquireStateLock } from "../../src/engine/state-lock";
import { isUnknown } from "../../src/framework/value";
import { TestEmulator } from "../support/emulator";

let emu: TestEmulator;
let dir: string;
const CANARY = "canary-engine-5521";

beforeAll(async () => {
  emu = await TestEmulator.start();
});
afterAll(() => emu.close());
beforeEach(async () => {
  await emu.reset();
  dir = mkdtempSync(join(tmpdir(), "vb-engine-"));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

function stack(extra: { resource?: Record<string, unknown>; output?: Record<string, unknown>; [k: string]: unknown } = {}) {
  const { url, infisical, scrapengine } = emu.emulator;
  const doc = {
    terraform: { required_providers: { infisical: { source: "vaultbridge/infisical" }, scrapengine: { source: "vaultbridge/scrapengine" } } },
    provider: {
      infisical: [{ host: url, auth: { universal: { client_id: infisical.clientId, client_secret: "${var.client_secret}" } } }],
      scrapengine: [{ base_url: scrapengine.baseUrl, api_key: scrapengine.apiKey }],
    },
    variable: { client_secret: { type: "string", sensitive: true }, pg_password: { type: "string", sensitive: true } },
    resource: {
      infisical_app_connection_postgres: {
        db: { "//": { metadata: { path: "app/stack/db" } }, name: "orders-db", credentials: { host: "db.internal", database: "orders", username: "u", password: "${var.pg_password}" } },
      },
      infisical_app_connection_heroku: {
        web: { name: "web", description: "next to ${infisical_app_connection_postgres.db.id}", credentials: { auth_token: "HRKU-x" } },
      },
      ...extra.resource,
    },
    output: { db_id: { value: "${infisical_app_connection_postgres.db.id}" }, ...extra.output },
    ...Object.fromEntries(Object.entries(extra).filter(([k]) => k !== "resource" && k !== "output")),
  };
  writeFileSync(join(dir, "cdk.tf.json"), JSON.stringify(doc, null, 2));
}

const env = () => ({ ...process.env, TF_VAR_client_secret: emu.emulator.infisical.clientSecret, TF_VAR_pg_password: CANARY });

test("plan, apply, no-op, update in place, orphan deleted, destroy", async () => {
  stack();
  const p1 = await plan(dir, { env: env() });
  expect(p1.diagnostics).toEqual([]);
  expect(p1.changes.map((c) => [c.address, c.action])).toEqual([
    ["infisical_app_connection_postgres.db", "create"],
    ["infisical_app_connection_heroku.web", "create"],
  ]);
  // The heroku description refers to the db's id, unknown until it is created.
  expect(isUnknown(p1.changes[1].after!.description)).toBe(true);
  const events: string[] = [];
  const r1 = await apply(p1, { env: env(), onProgress: (e) => events.push(`${e.address} ${e.phase}`) });
  expect(r1.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
  expect(r1.applied).toBe(2);
  expect(events[0]).toBe("infisical_app_connection_postgres.db start");
  const state = JSON.parse(readFileSync(join(dir, "terraform.tfstate"), "utf8"));
  expect(state.version).toBe(4);
  const db = state.resources.find((r: { type: string }) => r.type === "infisical_app_connection_postgres");
  expect(db.provider).toBe('provider["registry.terraform.io/vaultbridge/infisical"]');
  expect(state.outputs.db_id.value).toBe(db.instances[0].attributes.id);
  const web = state.resources.find((r: { type: string }) => r.type === "infisical_app_connection_heroku");
  expect(web.instances[0].attributes.description).toBe(`next to ${db.instances[0].attributes.id}`);
  expect(web.instances[0].dependencies).toEqual(["infisical_app_connection_postgres.db"]);

  const p2 = await plan(dir, { env: env() });
  expect(hasChanges(p2)).toBe(false);

  // Rename the heroku connection and drop the postgres one: one update, one delete.
  stack({});
  const doc = JSON.parse(readFileSync(join(dir, "cdk.tf.json"), "utf8"));
  delete doc.resource.infisical_app_connection_postgres;
  doc.resource.infisical_app_connection_heroku.web.description = "alone";
  doc.output = {};
  writeFileSync(join(dir, "cdk.tf.json"), JSON.stringify(doc));
  const p3 = await plan(dir, { env: env() });
  expect(p3.changes.map((c) => [c.address, c.action]).sort()).toEqual([
    ["infisical_app_connection_heroku.web", "update"],
    ["infisical_app_connection_postgres.db", "delete"],
  ]);
  await apply(p3, { env: env() });
  const names = ((await emu.infisical("GET", "/api/v1/app-connections")).body as { appConnections: { name: string }[] }).appConnections.map((c) => c.name);
  expect(names).toEqual(["web"]);

  const d = await plan(dir, { env: env(), destroy: true });
  expect(d.changes.map((c) => c.action)).toEqual(["delete"]);
  await apply(d, { env: env() });
  expect(((await emu.infisical("GET", "/api/v1/app-connections")).body as { appConnections: unknown[] }).appConnections).toEqual([]);
});

test("drift is reported apart and corrected", async () => {
  stack();
  await apply(await plan(dir, { env: env() }), { env: env() });
  const state = JSON.parse(readFileSync(join(dir, "terraform.tfstate"), "utf8"));
  const id = state.resources.find((r: { type: string }) => r.type === "infisical_app_connection_heroku").instances[0].attributes.id;
  await emu.infisical("PATCH", `/api/v1/app-connections/heroku/${id}`, { name: "renamed-by-hand" });
  const p = await plan(dir, { env: env() });
  expect(p.drift.map((d) => [d.address, d.changed])).toEqual([["infisical_app_connection_heroku.web", ["name", "updated_at"]]]);
  expect(p.changes.find((c) => c.address === "infisical_app_connection_heroku.web")!.action).toBe("update");
  await apply(p, { env: env() });
  expect(hasChanges(await plan(dir, { env: env() }))).toBe(false);
});

test("a saved plan is refused once the state moved on; a second run is refused by the lock", async () => {
  stack();
  const p = await plan(dir, { env: env() });
  const other = await plan(dir, { env: env() });
  await apply(other, { env: env() });
  const stale = await apply(p, { env: env() });
  expect(stale.diagnostics.map((d) => d.summary)).toEqual(["Saved Plan Is Stale"]);

  const lock = acquireStateLock(join(dir, "terraform.tfstate"), "apply");
  try {
    const refused = await plan(dir, { env: env() });
    expect(refused.diagnostics.map((d) => [d.summary, d.detail])).toEqual([["State Locked", expect.stringMatching(/The state is locked by apply by .* \(pid \d+/)]]);
  } finally {
    lock.release();
  }
});

test("unsupported constructs and configuration errors are refused before any API call", async () => {
  stack({ data: { infisical_projects: { p: {} } } });
  await emu.clearRequests();
  const p1 = await plan(dir, { env: env() });
  expect(p1.diagnostics.map((d) => d.detail)).toEqual([expect.stringMatching(/data source "infisical_projects" does not belong to vaultbridge's providers .*run this stack with Terraform/)]);
  stack({ resource: { infisical_app_connection_heroku: { web: { name: "web", gateway_id: "3c90c3cc-0d44-4b50-8888-8dd25736052a", credentials: { auth_token: "HRKU-x" } } } } });
  const p2 = await plan(dir, { env: env() });
  expect(p2.diagnostics.map((d) => d.detail)).toEqual([expect.stringMatching(/^infisical_app_connection_heroku\.web: gateway_id: Not supported for Heroku Connections/)]);
  expect(await emu.requests()).toEqual([]);
});

test("a killed run's create is adopted by the next plan instead of duplicated", async () => {
  stack();
  // Simulate a run killed after sending the create of db: the object exists, an intent is left, state is empty.
  await emu.infisical("POST", "/api/v1/app-connections/postgres", {
    name: "orders-db",
    method: "username-and-password",
    credentials: { host: "db.internal", port: 5432, database: "orders", username: "u", password: CANARY, sslEnabled: true, sslRejectUnauthorized: true },
  });
  writeFileSync(join(dir, "terraform.tfstate.intents.json"), JSON.stringify({ "infisical_app_connection_postgres.db": { type: "infisical_app_connection_postgres", providerKey: "infisical", importId: "orders-db" } }));
  const next = await plan(dir, { env: env() });
  expect(next.diagnostics.map((d) => d.summary)).toContain("Adopted An Interrupted Create");
  expect(next.changes.find((c) => c.address === "infisical_app_connection_postgres.db")!.action).toBe("update");
  const r = await apply(next, { env: env() });
  expect(r.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
  const all = ((await emu.infisical("GET", "/api/v1/app-connections")).body as { appConnections: { name: string }[] }).appConnections;
  expect(all.map((c) => c.name).sort()).toEqual(["orders-db", "web"]);
  expect(existsSync(join(dir, "terraform.tfstate.intents.json"))).toBe(false);
});

test("import by name records the object; the next plan re-sends only the secret", async () => {
  stack();
  await emu.infisical("POST", "/api/v1/app-connections/heroku", { name: "web", method: "auth-token", credentials: { authToken: "HRKU-old" }, description: "x" });
  const diags = await importResource(dir, "infisical_app_connection_heroku.web", "web", { env: env() });
  expect(diags.filter((d) => d.severity === "error")).toEqual([]);
  const p = await plan(dir, { env: env() });
  const web = p.changes.find((c) => c.address === "infisical_app_connection_heroku.web")!;
  expect(web.action).toBe("update");
  // description is configured from the db id (unknown until created), the token is re-sent.
  expect(web.changed).toEqual(expect.arrayContaining(["credentials.auth_token"]));
});

describe("lifecycle, depends_on and provider aliases", () => {
  const base = (resources: Record<string, unknown>) => {
    const { url, infisical } = emu.emulator;
    writeFileSync(
      join(dir, "cdk.tf.json"),
      JSON.stringify({
        provider: {
          infisical: [
            { host: url, auth: { universal: { client_id: infisical.clientId, client_secret: infisical.clientSecret } } },
            { alias: "second", host: url, auth: { universal: { client_id: infisical.clientId, client_secret: infisical.clientSecret } } },
          ],
        },
        resource: { infisical_app_connection_heroku: resources },
      }),
    );
  };
  const heroku = (extra: Record<string, unknown> = {}) => ({ name: "h", credentials: { auth_token: "HRKU-x" }, ...extra });
  const run = async () => {
    const p = await plan(dir, { env: process.env });
    expect(p.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
    return { p, r: await apply(p, { env: process.env }) };
  };

  test("ignore_changes keeps the prior value of the ignored attribute", async () => {
    base({ h: heroku({ description: "a", lifecycle: { ignore_changes: ["description"] } }) });
    await run();
    base({ h: heroku({ description: "b", lifecycle: { ignore_changes: ["description"] } }) });
    expect(hasChanges(await plan(dir, { env: process.env }))).toBe(false);
  });

  test("prevent_destroy refuses a replacement and a destroy", async () => {
    base({ h: heroku({ lifecycle: { prevent_destroy: true } }) });
    await run();
    base({ h: heroku({ method: "oauth", credentials: { code: "c" }, lifecycle: { prevent_destroy: true } }) });
    const replace = await plan(dir, { env: process.env });
    expect(replace.diagnostics.map((d) => d.summary)).toEqual(["Instance Cannot Be Destroyed"]);
    expect(replace.diagnostics[0].detail).toContain("method changed");
    const destroy = await plan(dir, { env: process.env, destroy: true });
    expect(destroy.diagnostics.map((d) => d.summary)).toEqual(["Instance Cannot Be Destroyed"]);
  });

  test("create_before_destroy creates the replacement first", async () => {
    base({ h: heroku({ lifecycle: { create_before_destroy: true } }) });
    await run();
    const oldId = JSON.parse(readFileSync(join(dir, "terraform.tfstate"), "utf8")).resources[0].instances[0].attributes.id;
    base({ h: heroku({ project_id: emu.emulator.projectId, lifecycle: { create_before_destroy: true } }) });
    await emu.clearRequests();
    const { p } = await run();
    expect(p.changes[0].action).toBe("replace");
    const writes = (await emu.requests()).filter((r) => r.path.startsWith("/api/v1/app-connections") && (r.method === "POST" || r.method === "DELETE")).map((r) => r.method);
    expect(writes).toEqual(["POST", "DELETE"]);
    const state = JSON.parse(readFileSync(join(dir, "terraform.tfstate"), "utf8"));
    expect(state.resources[0].instances[0].attributes.id).not.toBe(oldId);
    expect(state.resources[0].instances[0].create_before_destroy).toBe(true);
  });

  test("depends_on orders creation; an aliased provider is recorded in state", async () => {
    base({
      b: heroku({ name: "b", depends_on: ["infisical_app_connection_heroku.a"], provider: "infisical.second" }),
      a: heroku({ name: "a" }),
    });
    await emu.clearRequests();
    await run();
    const posts = (await emu.requests()).filter((r) => r.method === "POST" && r.path.endsWith("/heroku"));
    expect(posts).toHaveLength(2);
    const state = JSON.parse(readFileSync(join(dir, "terraform.tfstate"), "utf8"));
    const b = state.resources.find((r: { name: string }) => r.name === "b");
    expect(b.provider).toBe('provider["registry.terraform.io/vaultbridge/infisical"].second');
    expect(b.instances[0].dependencies).toEqual(["infisical_app_connection_heroku.a"]);
    const order = ((await emu.infisical("GET", "/api/v1/app-connections")).body as { appConnections: { name: string; createdAt: string }[] }).appConnections
      .sort((x, y) => x.createdAt.localeCompare(y.createdAt))
      .map((c) => c.name);
    expect(order).toEqual(["a", "b"]);
    expect(hasChanges(await plan(dir, { env: process.env }))).toBe(false);
  });
});

test("a sensitive variable's value is never shown, even in an attribute that is not sensitive", async () => {
  stack({ resource: { infisical_app_connection_heroku: { web: { name: "web", description: "token is ${var.pg_password}", credentials: { auth_token: "HRKU-x" } } } } });
  const { renderPlan } = await import("../../src/engine/render");
  const { planJson } = await import("../../src/cli/plan-document");
  const p = await plan(dir, { env: env() });
  const text = renderPlan(p) + JSON.stringify(await planJson(p));
  expect(text).toContain("description");
  expect(text).toContain("(sensitive value)");
  expect(text).not.toContain(CANARY);
});
