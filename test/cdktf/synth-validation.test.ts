/**
 * The declaration rules run when a CDKTF app synthesizes: a bad configuration fails `app.synth()` with the construct
 * path and the attribute, before any cdk.tf.json is written; values that are Terraform expressions (variables,
 * references) are left to plan time; secrets stay out of cdk.tf.json and out of the messages.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { App, Fn, LocalBackend, TerraformStack, TerraformVariable } from "cdktf";
import { Construct } from "constructs";
import {
  AppConnectionAzureKeyVault,
  type AppConnectionAzureKeyVaultConfig,
  AppConnectionHeroku,
  type AppConnectionHerokuConfig,
  AppConnectionPostgres,
  type AppConnectionPostgresConfig,
  InfisicalProvider,
} from "../../src/cdktf/generated/infisical";
import { ScrapengineProvider, VaultIntegration, type VaultIntegrationConfig } from "../../src/cdktf/generated/scrapengine";
import { toValue } from "../../src/cdktf/validation";
import { isUnknown } from "../../src/framework/value";

import { synthError } from "../support/synth-error";

process.env.CHECKPOINT_DISABLE = "1";

const TENANT = "9f3c2a1e-4b5d-4e6f-8a7b-1c2d3e4f5a6b";
const CLIENT = "1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d";
const GATEWAY = "3c90c3cc-0d44-4b50-8888-8dd25736052a";

const azure = (o: Partial<AppConnectionAzureKeyVaultConfig> = {}): AppConnectionAzureKeyVaultConfig => ({
  name: "azure-prod",
  method: "client-secret",
  credentials: { tenantId: TENANT, clientId: CLIENT, clientSecret: "s3cret-value" },
  isAutoRotationEnabled: true,
  rotation: { rotationInterval: 30, rotateAtUtc: { hours: 3, minutes: 15 } },
  ...o,
});
const postgres = (o: Partial<AppConnectionPostgresConfig> = {}): AppConnectionPostgresConfig => ({
  name: "pg-main",
  credentials: { host: "db.internal", database: "app", username: "infisical", password: "pg-password-1" },
  gatewayId: GATEWAY,
  ...o,
});
const heroku = (o: Partial<AppConnectionHerokuConfig> = {}): AppConnectionHerokuConfig => ({
  name: "heroku-main",
  credentials: { authToken: "HRKU-abc123" },
  ...o,
});
const vault = (o: Partial<VaultIntegrationConfig> = {}): VaultIntegrationConfig => ({
  name: "vault-main",
  address: "https://vault.example.com:8200",
  roleId: "role-123",
  secretId: "secret-abc",
  ...o,
});

const outdirs: string[] = [];
afterAll(() => outdirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

function newStack(): { app: App; stack: TerraformStack; stackFile: string } {
  const outdir = mkdtempSync(join(tmpdir(), "vaultbridge-cdktf-"));
  outdirs.push(outdir);
  const app = new App({ outdir });
  const stack = new TerraformStack(app, "stack");
  new LocalBackend(stack, { path: "terraform.tfstate" });
  new InfisicalProvider(stack, "infisical", { host: "http://127.0.0.1:1" });
  new ScrapengineProvider(stack, "scrapengine", { baseUrl: "http://127.0.0.1:1/api/v1" });
  return { app, stack, stackFile: join(outdir, "stacks", "stack", "cdk.tf.json") };
}

type Synthesized = { resource: Record<string, Record<string, Record<string, unknown>>>; terraform: { required_providers: Record<string, unknown> } };
const readStack = (file: string): Synthesized => JSON.parse(readFileSync(file, "utf8")) as Synthesized;

describe("valid configurations synthesize", () => {
  test("one resource of each type, with both providers pinned to this package's version", () => {
    const { app, stack, stackFile } = newStack();
    new AppConnectionAzureKeyVault(stack, "azure", azure());
    new AppConnectionPostgres(stack, "pg", postgres());
    new AppConnectionHeroku(stack, "heroku", heroku());
    new AppConnectionHeroku(stack, "heroku-oauth", heroku({ name: "heroku-oauth", method: "oauth", credentials: { code: "one-time" } }));
    new VaultIntegration(stack, "vault", vault({ namespace: "team-a" }));
    app.synth();

    const tf = readStack(stackFile);
    expect(Object.keys(tf.resource).sort()).toEqual([
      "infisical_app_connection_azure_key_vault",
      "infisical_app_connection_heroku",
      "infisical_app_connection_postgres",
      "scrapengine_vault_integration",
    ]);
    expect(tf.resource.infisical_app_connection_postgres.pg).toMatchObject({ name: "pg-main", gateway_id: GATEWAY, credentials: { host: "db.internal" } });
    expect(tf.resource.infisical_app_connection_azure_key_vault.azure).toMatchObject({ rotation: { rotation_interval: 30, rotate_at_utc: { hours: 3, minutes: 15 } } });
    const { version } = JSON.parse(readFileSync(join(__dirname, "..", "..", "package.json"), "utf8")) as { version: string };
    expect(tf.terraform.required_providers).toEqual({
      infisical: { source: "registry.terraform.io/vaultbridge/infisical", version },
      scrapengine: { source: "registry.terraform.io/vaultbridge/scrapengine", version },
    });
  });

  test("the wrapped classes keep the generator's names and Terraform types", () => {
    expect([AppConnectionAzureKeyVault, AppConnectionPostgres, AppConnectionHeroku, InfisicalProvider, VaultIntegration, ScrapengineProvider].map((c) => [c.name, c.tfResourceType])).toEqual([
      ["AppConnectionAzureKeyVault", "infisical_app_connection_azure_key_vault"],
      ["AppConnectionPostgres", "infisical_app_connection_postgres"],
      ["AppConnectionHeroku", "infisical_app_connection_heroku"],
      ["InfisicalProvider", "infisical"],
      ["VaultIntegration", "scrapengine_vault_integration"],
      ["ScrapengineProvider", "scrapengine"],
    ]);
  });
});

describe("an invalid configuration fails app.synth() with the construct path and the attribute", () => {
  test.each([
    ["uppercase name", () => new AppConnectionPostgres(newStackFor(), "pg", postgres({ name: "Prod_DB" })), "stack/pg", "name", /lowercase slug/],
    ["Heroku gatewayId", () => new AppConnectionHeroku(newStackFor(), "heroku", heroku({ gatewayId: GATEWAY })), "stack/heroku", "gateway_id", /Not supported for Heroku Connections/],
    [
      "Postgres rotation",
      () => new AppConnectionPostgres(newStackFor(), "pg", postgres({ rotation: { rotationInterval: 30, rotateAtUtc: { hours: 1, minutes: 0 } } })),
      "stack/pg",
      "rotation",
      /Not supported for PostgreSQL Connections/,
    ],
    ["Azure rotation without client-secret", () => new AppConnectionAzureKeyVault(newStackFor(), "azure", azure({ method: "oauth", credentials: { tenantId: TENANT, code: "c" } })), "stack/azure", "rotation", /client-secret/],
    ["vault address not a URL", () => new VaultIntegration(newStackFor(), "vault", vault({ address: "vault.example.com" })), "stack/vault", "address", /http/],
    [
      "a secret and its write-only twin",
      () => new AppConnectionPostgres(newStackFor(), "pg", postgres({ credentials: { host: "h", database: "d", username: "u", password: "p", passwordWo: "q" } })),
      "stack/pg",
      "credentials.password_wo",
      /credentials\.password and credentials\.password_wo are both set/,
    ],
    ["a secret_id and secret_id_wo", () => new VaultIntegration(newStackFor(), "vault", vault({ secretIdWo: "other" })), "stack/vault", "secret_id_wo", /secret_id and secret_id_wo are both set/],
  ])("%s", (_what, build, constructPath, attribute, detail) => {
    const resource = build();
    const app = resource.node.root as App;
    const message = synthError(app);
    const line = message.split("\n").find((l) => l.includes(`[${constructPath}] ${attribute}: `));
    expect(line).toBeDefined();
    expect(line).toMatch(detail);
    expect(existsSync(join(app.outdir, "stacks", "stack", "cdk.tf.json"))).toBe(false);
  });

  test("every problem is reported at once, for nested constructs too", () => {
    const { app, stack } = newStack();
    const group = new Construct(stack, "connections");
    new AppConnectionHeroku(group, "heroku", heroku({ name: "Heroku", gatewayId: GATEWAY, isAutoRotationEnabled: true }));
    new AppConnectionPostgres(stack, "pg", postgres());
    const message = synthError(app);
    expect(message).toContain("[stack/connections/heroku] name: ");
    expect(message).toContain("[stack/connections/heroku] gateway_id: ");
    expect(message).toContain("[stack/connections/heroku] is_auto_rotation_enabled: ");
    expect(message).not.toContain("[stack/pg]");
  });

  test("what is synthesized is what is checked: an override counts", () => {
    const { app, stack } = newStack();
    new AppConnectionPostgres(stack, "pg", postgres()).addOverride("name", "UPPER");
    expect(synthError(app)).toContain("[stack/pg] name: ");
  });

  test("a setter after construction counts", () => {
    const { app, stack } = newStack();
    const pg = new AppConnectionPostgres(stack, "pg", postgres());
    pg.putRotation({ rotationInterval: 7, rotateAtUtc: { hours: 0, minutes: 0 } });
    expect(synthError(app)).toContain("[stack/pg] rotation: ");
  });

  test("provider configuration is checked too", () => {
    const { app, stack } = newStack();
    new InfisicalProvider(stack, "second", { alias: "second", auth: { token: "t", universal: { clientId: "id", clientSecret: "cs" } } });
    expect(synthError(app)).toContain("[stack/second] auth: ");
  });
});

describe("values known only at plan time are left to plan time", () => {
  test("variables and references for validated attributes pass synth", () => {
    const { app, stack, stackFile } = newStack();
    const name = new TerraformVariable(stack, "pg_name", { type: "string" });
    const port = new TerraformVariable(stack, "pg_port", { type: "number" });
    const token = new TerraformVariable(stack, "heroku_token", { type: "string", sensitive: true });
    const pg = new AppConnectionPostgres(stack, "pg", postgres({ name: name.stringValue, credentials: { ...postgres().credentials, port: port.numberValue } }));
    new AppConnectionHeroku(stack, "heroku", heroku({ name: `${pg.name}-heroku`, credentials: { authToken: token.stringValue } }));
    new AppConnectionAzureKeyVault(stack, "azure", azure({ name: Fn.lower("Azure-Prod"), gatewayId: undefined }));
    app.synth();
    const tf = readStack(stackFile);
    expect(tf.resource.infisical_app_connection_postgres.pg).toMatchObject({ name: "${var.pg_name}", credentials: { port: "${var.pg_port}" } });
    expect(tf.resource.infisical_app_connection_heroku.heroku).toMatchObject({ credentials: { auth_token: "${var.heroku_token}" } });
  });

  test("an expression stands for an unknown; escaped template characters are literal", () => {
    expect(isUnknown(toValue("${var.x}"))).toBe(true);
    expect(isUnknown(toValue("prefix-${var.x}"))).toBe(true);
    expect(isUnknown(toValue("%{ if true }x%{ endif }"))).toBe(true);
    expect(toValue("a$${b}%%{c}")).toBe("a${b}%{c}");
    expect(toValue({ a: [1, true, null], b: undefined })).toEqual({ a: [1, true, null] });
  });
});

describe("write-only twins", () => {
  test("set from ephemeral variables, they synthesize as references only, and their getters read no state", () => {
    const { app, stack, stackFile } = newStack();
    const pw = new TerraformVariable(stack, "pw", { type: "string", sensitive: true });
    pw.addOverride("ephemeral", true);
    const ref = pw.stringValue;
    const pg = new AppConnectionPostgres(stack, "pg", postgres({ credentials: { host: "h", database: "d", username: "u", passwordWo: ref }, credentialsWoVersion: 1 }));
    const v = new VaultIntegration(stack, "vault", vault({ secretId: undefined, secretIdWo: ref, secretIdWoVersion: 3 }));
    app.synth();
    const tf = readStack(stackFile);
    expect(tf.resource.infisical_app_connection_postgres.pg).toMatchObject({ credentials: { password_wo: "${var.pw}" }, credentials_wo_version: 1 });
    expect(tf.resource.scrapengine_vault_integration.vault).toMatchObject({ secret_id_wo: "${var.pw}", secret_id_wo_version: 3 });
    expect(tf.resource.scrapengine_vault_integration.vault).not.toHaveProperty("secret_id");
    expect((tf as unknown as { variable: Record<string, unknown> }).variable.pw).toMatchObject({ ephemeral: true, sensitive: true });
    // What was configured, never a state reference (a write-only value is never in state).
    expect(v.secretIdWo).toBe(ref);
    expect(pg.credentials.passwordWo).toBe(ref);
    expect(v.secretId).toMatch(/\$\{TfToken/); // a stored attribute still reads state
  });
});

describe("secrets", () => {
  test("secrets from sensitive variables never reach cdk.tf.json", () => {
    const canaries = { pg: "canary-pg-password-7f3a", heroku: "HRKU-canary-token-91bd", vault: "canary-vault-secret-c4e2" };
    const saved = { ...process.env };
    Object.assign(process.env, { TF_VAR_pg_password: canaries.pg, TF_VAR_heroku_token: canaries.heroku, TF_VAR_vault_secret_id: canaries.vault });
    try {
      const { app, stack, stackFile } = newStack();
      const pgPassword = new TerraformVariable(stack, "pg_password", { type: "string", sensitive: true });
      const herokuToken = new TerraformVariable(stack, "heroku_token", { type: "string", sensitive: true });
      const vaultSecret = new TerraformVariable(stack, "vault_secret_id", { type: "string", sensitive: true });
      new AppConnectionPostgres(stack, "pg", postgres({ credentials: { ...postgres().credentials, password: pgPassword.stringValue } }));
      new AppConnectionHeroku(stack, "heroku", heroku({ credentials: { authToken: herokuToken.stringValue } }));
      new VaultIntegration(stack, "vault", vault({ secretId: vaultSecret.stringValue }));
      app.synth();
      const text = readFileSync(stackFile, "utf8");
      for (const canary of Object.values(canaries)) expect(text).not.toContain(canary);
      const tf = JSON.parse(text) as { variable: Record<string, { sensitive?: boolean }> };
      expect(Object.values(tf.variable).every((v) => v.sensitive === true)).toBe(true);
      expect(readStack(stackFile).resource.infisical_app_connection_postgres.pg).toMatchObject({ credentials: { password: "${var.pg_password}" } });
    } finally {
      process.env = saved;
    }
  });

  test("validation messages never contain the secret value", () => {
    const { app, stack } = newStack();
    const herokuCanary = "canary-heroku-token-5d1e";
    const azureCanary = "canary-" + "z".repeat(60);
    new AppConnectionHeroku(stack, "heroku", heroku({ credentials: { authToken: herokuCanary } }));
    new AppConnectionAzureKeyVault(stack, "azure", azure({ credentials: { tenantId: TENANT, clientId: CLIENT, clientSecret: azureCanary } }));
    const message = synthError(app);
    expect(message).toContain("[stack/heroku] credentials.auth_token: ");
    expect(message).toContain("[stack/azure] credentials.client_secret: ");
    expect(message).not.toContain(herokuCanary);
    expect(message).not.toContain("canary-zzz");
  });
});

/** A fresh stack (with providers) for a resource built inline in a test table. */
function newStackFor(): TerraformStack {
  return newStack().stack;
}
