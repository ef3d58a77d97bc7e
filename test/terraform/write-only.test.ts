/**
 * Acceptance, through the real `terraform` binary (1.11) and the bundled providers: write-only secrets. Every
 * `*_wo` attribute of the four resource types is fed from an ephemeral variable holding a canary; the canaries reach
 * the emulator (a create without its secret is refused there) and nothing else: not the state, not `show -json`, not
 * a saved plan's bytes or its JSON, not terraform's trace log.
 */
import { copyFileSync, mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { TestEmulator } from "../support/emulator";
import { TerraformWorkspace, output, ownDiagnostics, parsePlan, raw, resourceBlock } from "../support/terraform";
import { AZURE, CERTIFICATE, CLIENT, HEROKU, PG, PRIVATE_KEY, TENANT, VAULT, blocksFor, getObject, isResourceCall } from "./helpers";

let emu: TestEmulator;
let ws: TerraformWorkspace | undefined;

beforeAll(async () => {
  emu = await TestEmulator.start();
});
afterAll(async () => {
  await emu.close();
});
beforeEach(() => emu.reset());
afterEach(() => {
  ws?.cleanup();
  ws = undefined;
});

const SECRETS = ["pg", "azure_secret", "azure_cert", "azure_key", "azure_code", "heroku_token", "heroku_code", "vault"] as const;
type SecretName = (typeof SECRETS)[number];

/** A distinct canary per secret and per round, shaped as each API accepts it. */
function canaries(round: string): Record<SecretName, string> {
  const c = (name: string) => `wocanary-${name}-${round}-7f3a`;
  return {
    pg: c("pg"),
    azure_secret: c("az"),
    azure_cert: `-----BEGIN CERTIFICATE-----\n${c("cert")}\n-----END CERTIFICATE-----`,
    azure_key: `-----BEGIN PRIVATE KEY-----\n${c("key")}\n-----END PRIVATE KEY-----`,
    azure_code: c("azcode"),
    heroku_token: `HRKU-${c("heroku")}`,
    heroku_code: c("hcode"),
    vault: c("vault"),
  };
}

const envFor = (values: Record<SecretName, string>): Record<string, string> =>
  Object.fromEntries(SECRETS.map((name) => [`TF_VAR_${name}`, values[name]]));

function stack(version: number, pgHost = "db.internal"): string {
  const variables = SECRETS.map((name) => `variable "${name}" {\n  type      = string\n  sensitive = true\n  ephemeral = true\n}\n`).join("\n");
  const v = (name: SecretName) => raw(`var.${name}`);
  return [
    blocksFor(emu, PG, VAULT),
    variables,
    resourceBlock(PG, "db", { name: "wo-db", credentials: { host: pgHost, database: "app", username: "app", password_wo: v("pg") }, credentials_wo_version: version }),
    resourceBlock(AZURE, "secret", { name: "wo-azure-secret", method: "client-secret", credentials: { tenant_id: TENANT, client_id: CLIENT, client_secret_wo: v("azure_secret") }, credentials_wo_version: version }),
    resourceBlock(AZURE, "cert", { name: "wo-azure-cert", method: "certificate", credentials: { tenant_id: TENANT, client_id: CLIENT, certificate_body_wo: v("azure_cert"), private_key_wo: v("azure_key") }, credentials_wo_version: version }),
    resourceBlock(AZURE, "oauth", { name: "wo-azure-oauth", method: "oauth", credentials: { tenant_id: TENANT, code_wo: v("azure_code") } }),
    resourceBlock(HEROKU, "token", { name: "wo-heroku-token", credentials: { auth_token_wo: v("heroku_token") }, credentials_wo_version: version }),
    resourceBlock(HEROKU, "oauth", { name: "wo-heroku-oauth", method: "oauth", credentials: { code_wo: v("heroku_code") } }),
    resourceBlock(VAULT, "vault", { name: "wo-vault", address: "https://vault.internal:8200", role_id: "role-1", secret_id_wo: v("vault"), secret_id_wo_version: version }),
  ].join("\n");
}

/** Every place terraform keeps or prints something, searched for any canary. */
function leaks(texts: Record<string, string>, values: readonly string[]): string[] {
  const needles = values.flatMap((v) => [v, ...v.split("\n").filter((l) => l.includes("wocanary"))]);
  return Object.entries(texts).flatMap(([where, text]) => needles.filter((n) => text.includes(n)).map((n) => `${where}: ${n.slice(0, 30)}`));
}

const VERSIONED = [`${PG}.db`, `${AZURE}.secret`, `${AZURE}.cert`, `${HEROKU}.token`, `${VAULT}.vault`];

test("write-only secrets reach the API and nothing else; a new value alone plans nothing; a new version re-sends", async () => {
  ws = new TerraformWorkspace();
  const first = canaries("one");
  ws.write({ "main.tf": stack(1) });
  const trace = { TF_LOG: "trace" };

  const applied = await ws.apply([], { env: { ...envFor(first), ...trace } });
  expect(ws.instances().map((i) => i.address).sort()).toHaveLength(7);
  // Terraform accepted null write-only values in every planned and new state; the state holds none of them.
  for (const i of ws.instances()) {
    const creds = (i.attributes.credentials ?? {}) as Record<string, unknown>;
    for (const [k, val] of Object.entries({ ...i.attributes, ...creds })) if (k.endsWith("_wo")) expect({ [k]: val }).toEqual({ [k]: null });
  }
  const hashes = Object.fromEntries(await Promise.all(VERSIONED.map(async (a) => [a, await stamp(a)])));

  const show = await ws.run(["show", "-json"], { expectCode: 0 });
  const noop = await ws.plan(0, [], { env: { ...envFor(first), ...trace } });
  expect(ownDiagnostics(output(noop))).toEqual([]);

  // A changed write-only value with the same version: nothing can see it, nothing is planned.
  const second = canaries("two");
  const unchanged = await ws.plan(0, [], { env: envFor(second) });
  expect(output(unchanged)).toContain("No changes.");

  // Bumping the version plans in-place updates that send the new values, from a saved plan.
  ws.write({ "main.tf": stack(2) });
  const planned = await ws.plan(2, ["-out=bump.tfplan"], { env: { ...envFor(second), ...trace } });
  const changes = parsePlan(planned.stdout).resources;
  expect(changes.map((r) => [r.address, r.action]).sort()).toEqual(VERSIONED.map((a) => [a, "will be updated in-place"]).sort());
  const planJson = await ws.run(["show", "-json", "bump.tfplan"], { expectCode: 0 });
  await emu.clearRequests();
  const bumped = await ws.run(["apply", "bump.tfplan"], { expectCode: 0, env: { ...envFor(second), ...trace } });
  const writes = (await emu.requests()).filter((r) => isResourceCall(r.path) && r.method !== "GET");
  expect(writes.map((r) => r.method).sort()).toEqual(["PATCH", "PATCH", "PATCH", "PATCH", "PUT"]);
  for (const a of VERSIONED) expect({ a, stamp: await stamp(a) }).not.toEqual({ a, stamp: hashes[a] });
  await ws.plan(0, [], { env: envFor(second) });

  const texts = {
    state: ws.read("terraform.tfstate"),
    backup: ws.read("terraform.tfstate.backup"),
    "show -json": show.stdout,
    "saved plan bytes": readFileSync(join(ws.dir, "bump.tfplan")).toString("latin1"),
    "saved plan json": planJson.stdout,
    ...Object.fromEntries(ws.runs.map((r, i) => [`run ${i} (${r.args.slice(0, 2).join(" ")})`, `${r.stdout}\n${r.stderr}`])),
  };
  expect(leaks(texts, [...Object.values(first), ...Object.values(second)])).toEqual([]);
  // The trace log did flow (a test that searched nothing would prove nothing).
  expect(applied.stderr.length + bumped.stderr.length).toBeGreaterThan(10_000);

  /** The emulator's witness that the secret was replaced: credentialsHash, or updatedAt for a vault integration. */
  async function stamp(address: string): Promise<unknown> {
    const [type] = address.split(".");
    const obj = await getObject(emu, type, String(ws!.attributes(address).id));
    return type === VAULT ? obj?.updatedAt : obj?.credentialsHash;
  }
}, 180_000);

test("a new write-only value is what the re-send carries, and a changed host sends the write-only password again", async () => {
  ws = new TerraformWorkspace();
  const pg = (host: string, version: number) =>
    `${blocksFor(emu, PG)}\nvariable "pw" {\n  type      = string\n  sensitive = true\n  ephemeral = true\n}\n${resourceBlock(PG, "db", {
      name: "wo-resend",
      credentials: { host, database: "app", username: "app", password_wo: raw("var.pw") },
      credentials_wo_version: version,
    })}`;
  ws.write({ "main.tf": pg("db.internal", 1) });
  await ws.apply([], { env: { TF_VAR_pw: "first-password" } });
  const id = String(ws.attributes(`${PG}.db`).id);
  const hash = (await getObject(emu, PG, id))!.credentialsHash;

  // The emulator refuses any secret containing "invalid": the refusal proves which value was sent.
  ws.write({ "main.tf": pg("db.internal", 2) });
  const refused = await ws.run(["apply", "-auto-approve"], { env: { TF_VAR_pw: "an-invalid-password" } });
  expect(refused.code).toBe(1);
  expect(output(refused)).toMatch(/Unable to update/);
  expect(output(refused)).not.toContain("an-invalid-password");

  // Another host with the same version: the credentials object is sent whole, the write-only password with it.
  ws.write({ "main.tf": pg("db2.internal", 1) });
  await ws.apply([], { env: { TF_VAR_pw: "second-password" } });
  const after = (await getObject(emu, PG, id))!;
  expect((after.credentials as Record<string, unknown>).host).toBe("db2.internal");
  expect(after.credentialsHash).not.toBe(hash);
  await ws.plan(0, [], { env: { TF_VAR_pw: "second-password" } });
}, 120_000);

test("a secret and its write-only twin together, or neither on create: refused at plan naming both, no write call", async () => {
  ws = new TerraformWorkspace();
  const both = resourceBlock(PG, "both", { name: "both", credentials: { host: "h", database: "d", username: "u", password: "p1", password_wo: "p2" } });
  const neither = resourceBlock(VAULT, "neither", { name: "neither", address: "https://vault.internal", role_id: "r" });
  ws.write({ "main.tf": `${blocksFor(emu, PG, VAULT)}\n${both}\n${neither}` });
  await emu.clearRequests();
  const bothPlan = await ws.plan(1);
  expect(ownDiagnostics(output(bothPlan)).map((d) => [d.address, d.summary])).toContainEqual([`${PG}.both`, "Conflicting Credentials"]);
  expect(output(bothPlan)).toMatch(/credentials\.password and\s+credentials\.password_wo are both set/);

  ws.write({ "main.tf": `${blocksFor(emu, PG, VAULT)}\n${neither}` });
  const neitherPlan = await ws.plan(1);
  expect(ownDiagnostics(output(neitherPlan)).map((d) => [d.address, d.summary])).toEqual([[`${VAULT}.neither`, "Missing Secret ID"]]);
  expect(output(neitherPlan)).toMatch(/secret_id or secret_id_wo is required/);
  const writes = (await emu.requests()).filter((r) => isResourceCall(r.path) && r.method !== "GET");
  expect(writes).toEqual([]);
}, 60_000);

test("an ephemeral variable in a stored attribute is refused by terraform itself", async () => {
  ws = new TerraformWorkspace();
  ws.write({
    "main.tf": `${blocksFor(emu, HEROKU)}\nvariable "tok" {\n  type      = string\n  ephemeral = true\n}\n${resourceBlock(HEROKU, "h", { name: "eph", credentials: { auth_token: raw("var.tok") } })}`,
  });
  const r = await ws.plan(1, [], { env: { TF_VAR_tok: "HRKU-ephemeral" } });
  expect(output(r)).toMatch(/Invalid use of ephemeral value[\s\S]*not a\s+write-only attribute/);
}, 60_000);

test("a state written by vaultbridge 0.1.0 (plain secrets, no write-only attributes) plans no change", async () => {
  // test/fixtures/upgrade-0.1.0 was captured with the 0.1.0 provider: its state file and the emulator's data file.
  const fixture = join(__dirname, "..", "fixtures", "upgrade-0.1.0");
  const old = await TestEmulator.start({ dataFile: copyToTemp(join(fixture, "emulator.json")) });
  ws = new TerraformWorkspace();
  try {
    ws.write({ "main.tf": readFileSync(join(fixture, "main.tf"), "utf8"), "terraform.tfstate": readFileSync(join(fixture, "terraform.tfstate"), "utf8") });
    const env = {
      INFISICAL_HOST: old.url,
      INFISICAL_UNIVERSAL_AUTH_CLIENT_ID: old.emulator.infisical.clientId,
      INFISICAL_UNIVERSAL_AUTH_CLIENT_SECRET: old.emulator.infisical.clientSecret,
      SCRAPENGINE_BASE_URL: old.emulator.scrapengine.baseUrl,
      SCRAPENGINE_API_KEY: old.emulator.scrapengine.apiKey,
      TF_VAR_pg_password: "upgrade-pg-password",
      TF_VAR_azure_secret: "upgrade-azure-secret",
      TF_VAR_heroku_token: "HRKU-upgrade-token",
      TF_VAR_vault_secret_id: "upgrade-vault-secret-id",
    };
    const plan = await ws.plan(0, [], { env });
    expect(ownDiagnostics(output(plan))).toEqual([]);
    // Refreshed into the new schema: the new attributes are there, null.
    await ws.apply([], { env });
    const pg = ws.attributes(`${PG}.db`);
    expect(pg.credentials_wo_version).toBeNull();
    expect((pg.credentials as Record<string, unknown>).password).toBe("upgrade-pg-password");
  } finally {
    await old.close();
  }
}, 90_000);

function copyToTemp(file: string): string {
  const dir = mkdtempSync(join(tmpdir(), "vaultbridge-upgrade-"));
  const target = join(dir, "emulator.json");
  copyFileSync(file, target);
  return target;
}

describe("write-only connections in state", () => {
  const ephemeralPw = `variable "pw" {\n  type      = string\n  sensitive = true\n  ephemeral = true\n}\n`;
  const pgBlock = (o: Record<string, unknown> = {}) =>
    resourceBlock(PG, "db", { name: "wo-state", credentials: { host: "db.internal", database: "app", username: "app", password_wo: raw("var.pw") }, ...o });

  test("credentials replaced outside: a warning naming credentials_wo_version, no diff; bumping it re-sends", async () => {
    ws = new TerraformWorkspace();
    ws.write({ "main.tf": `${blocksFor(emu, PG)}\n${ephemeralPw}${pgBlock({ credentials_wo_version: 1 })}` });
    const env = { TF_VAR_pw: "outside-pw-1" };
    await ws.apply([], { env });
    const id = String(ws.attributes(`${PG}.db`).id);
    const patched = await emu.infisical("PATCH", `/api/v1/app-connections/postgres/${id}`, {
      credentials: { host: "db.internal", port: 5432, database: "app", username: "app", password: "someone-else", sslEnabled: true, sslRejectUnauthorized: true },
    });
    expect(patched.status).toBe(200);

    const plan = await ws.plan(0, [], { env });
    const warnings = ownDiagnostics(output(plan));
    expect(warnings.map((d) => [d.severity, d.summary])).toEqual([["Warning", "Credentials Changed Outside Terraform"]]);
    expect(warnings[0].detail).toMatch(/change credentials_wo_version/);
    // The new hash is recorded: the next plan neither warns again nor changes anything.
    await ws.apply([], { env });
    expect(ownDiagnostics(output(await ws.plan(0, [], { env })))).toEqual([]);

    const theirs = (await getObject(emu, PG, id))!.credentialsHash;
    ws.write({ "main.tf": `${blocksFor(emu, PG)}\n${ephemeralPw}${pgBlock({ credentials_wo_version: 2 })}` });
    await ws.apply([], { env });
    expect((await getObject(emu, PG, id))!.credentialsHash).not.toBe(theirs);
  }, 90_000);

  test("platform-managed postgres with password_wo: nothing to ignore, no diff", async () => {
    ws = new TerraformWorkspace();
    ws.write({ "main.tf": `${blocksFor(emu, PG)}\n${ephemeralPw}${pgBlock({ is_platform_managed_credentials: true })}` });
    await ws.apply([], { env: { TF_VAR_pw: "before-managed" } });
    expect(ws.attributes(`${PG}.db`).is_platform_managed_credentials).toBe(true);
    // The server changed the password; ours is write-only, so there is nothing to compare and nothing to warn about.
    const plan = await ws.plan(0, [], { env: { TF_VAR_pw: "whatever-now" } });
    expect(ownDiagnostics(output(plan))).toEqual([]);
  }, 60_000);

  test("an imported connection with password_wo and no version: nothing is re-sent", async () => {
    const made = await emu.infisical("POST", "/api/v1/app-connections/postgres", {
      name: "wo-imported",
      method: "username-and-password",
      credentials: { host: "db.internal", port: 5432, database: "app", username: "app", password: "made-elsewhere", sslEnabled: true, sslRejectUnauthorized: true },
    });
    expect(made.status).toBe(200);
    ws = new TerraformWorkspace();
    ws.write({
      "main.tf": `${blocksFor(emu, PG)}\n${ephemeralPw}import {\n  to = ${PG}.db\n  id = "wo-imported"\n}\n${resourceBlock(PG, "db", {
        name: "wo-imported",
        credentials: { host: "db.internal", database: "app", username: "app", password_wo: raw("var.pw") },
      })}`,
    });
    const env = { TF_VAR_pw: "not-sent" };
    const plan = await ws.plan(2, [], { env });
    expect(output(plan)).toMatch(/Plan: 1 to import, 0 to add, 0 to change, 0 to destroy/);
    await emu.clearRequests();
    await ws.apply([], { env });
    const writes = (await emu.requests()).filter((r) => isResourceCall(r.path) && r.method !== "GET");
    expect(writes).toEqual([]);
    await ws.plan(0, [], { env });
  }, 60_000);
});
