/**
 * Every plan-time rule of DESIGN §2 yields an error diagnostic on the right attribute path, with a detail that
 * says what is allowed — from configuration alone (the API is never involved: no provider is configured here).
 */
import { ProviderCore } from "../../src/core/provider-core";
import type { Diagnostics } from "../../src/framework/diagnostics";
import type { ObjectValue } from "../../src/framework/value";
import { infisicalProvider } from "../../src/providers/infisical";
import { scrapengineProvider } from "../../src/providers/scrapengine";
import { configs } from "../support/configs";

const infisical = new ProviderCore(infisicalProvider, { env: {} });
const scrapengine = new ProviderCore(scrapengineProvider, { env: {} });

const AZURE = "infisical_app_connection_azure_key_vault";
const PG = "infisical_app_connection_postgres";
const HEROKU = "infisical_app_connection_heroku";
const VAULT = "scrapengine_vault_integration";

function errorsOf(d: Diagnostics): { path: string; detail: string; summary: string }[] {
  return d.errors.map((e) => ({ path: String(e.path ?? ""), detail: e.detail, summary: e.summary }));
}

function expectError(type: string, config: ObjectValue, path: string, detail: RegExp): void {
  const core = type === VAULT ? scrapengine : infisical;
  const errors = errorsOf(core.validateResourceConfig(type, config));
  expect(errors).toEqual(expect.arrayContaining([expect.objectContaining({ path, detail: expect.stringMatching(detail) })]));
}

/** A rule that needs to know the object is being created (a secret is needed only then): planned with no state. */
function expectCreateError(type: string, config: ObjectValue, path: string, detail: RegExp): void {
  const core = type === VAULT ? scrapengine : infisical;
  expect(errorsOf(core.validateResourceConfig(type, config))).toEqual([]);
  const errors = errorsOf(core.planResourceChange(type, null, config).diagnostics);
  expect(errors).toEqual(expect.arrayContaining([expect.objectContaining({ path, detail: expect.stringMatching(detail) })]));
}

describe("valid configurations pass", () => {
  test.each([
    [AZURE, configs.azureClientSecret()],
    [AZURE, configs.azureOauth()],
    [AZURE, configs.azureClientSecret({ is_auto_rotation_enabled: true, rotation: { rotation_interval: 30, rotate_at_utc: { hours: 3, minutes: 15 } } })],
    [PG, configs.postgres()],
    [PG, configs.postgres({ gateway_id: "3c90c3cc-0d44-4b50-8888-8dd25736052a", is_platform_managed_credentials: true })],
    [HEROKU, configs.heroku()],
    [HEROKU, configs.heroku({ method: "oauth", credentials: { code: "x" } })],
    [VAULT, configs.vault()],
  ])("%s", (type, config) => {
    const core = type === VAULT ? scrapengine : infisical;
    expect(errorsOf(core.validateResourceConfig(type, config))).toEqual([]);
  });
});

describe("common app-connection rules", () => {
  test("name must be a lowercase slug", () => expectError(PG, configs.postgres({ name: "Prod_DB" }), "name", /lowercase slug/));
  test("name at most 64 characters", () => expectError(PG, configs.postgres({ name: "a".repeat(65) }), "name", /1–64 characters/));
  test("description at most 256 characters", () => expectError(HEROKU, configs.heroku({ description: "x".repeat(257) }), "description", /0–256/));
  test("method must be one of the app's methods, all listed", () =>
    expectError(AZURE, configs.azureClientSecret({ method: "password" }), "method", /"oauth", "client-secret", "certificate"/));
  test("a missing required attribute names its path", () =>
    expectError(PG, configs.postgres({ credentials: { host: "h", database: "u", password: "p" } }), "credentials.username", /required/));
  test("a secret missing at create names both of its forms", () =>
    expectCreateError(PG, configs.postgres({ credentials: { host: "h", database: "d", username: "u" } }), "credentials.password", /credentials.password or credentials.password_wo is required to create/));
  test("an unknown argument is refused", () => expectError(PG, configs.postgres({ colour: "blue" }), "colour", /not expected/));
  test("a read-only attribute cannot be set", () => expectError(PG, configs.postgres({ credentials_hash: "x" }), "credentials_hash", /set by the server/));
});

describe("azure key vault", () => {
  test("is_platform_managed_credentials = true", () =>
    expectError(AZURE, configs.azureClientSecret({ is_platform_managed_credentials: true }), "is_platform_managed_credentials", /Not supported for Azure Key Vault Connections/));
  test("any gateway_id", () =>
    expectError(AZURE, configs.azureClientSecret({ gateway_id: "3c90c3cc-0d44-4b50-8888-8dd25736052a" }), "gateway_id", /Not supported for Azure Key Vault Connections/));
  test("rotation with a method other than client-secret", () =>
    expectError(AZURE, configs.azureOauth({ is_auto_rotation_enabled: true, rotation: { rotation_interval: 30, rotate_at_utc: { hours: 1, minutes: 0 } } }), "rotation", /only supported for the "client-secret" method/));
  test("auto rotation without a schedule", () =>
    expectError(AZURE, configs.azureClientSecret({ is_auto_rotation_enabled: true }), "is_auto_rotation_enabled", /needs a rotation schedule/));
  test("rotation interval 1–365 days", () =>
    expectError(AZURE, configs.azureClientSecret({ is_auto_rotation_enabled: true, rotation: { rotation_interval: 366, rotate_at_utc: { hours: 1, minutes: 0 } } }), "rotation.rotation_interval", /1–365 days/));
  test("rotate_at_utc.hours 0–23", () =>
    expectError(AZURE, configs.azureClientSecret({ is_auto_rotation_enabled: true, rotation: { rotation_interval: 30, rotate_at_utc: { hours: 24, minutes: 0 } } }), "rotation.rotate_at_utc.hours", /0–23/));
  test("a credential the method needs is missing", () =>
    expectError(AZURE, configs.azureClientSecret({ credentials: { tenant_id: "9f3c2a1e-4b5d-4e6f-8a7b-1c2d3e4f5a6b", client_secret: "s" } }), "credentials.client_id", /required when method is "client-secret"/));
  test("a secret the method needs is missing at create", () =>
    expectCreateError(AZURE, configs.azureClientSecret({ credentials: { tenant_id: "9f3c2a1e-4b5d-4e6f-8a7b-1c2d3e4f5a6b", client_id: "1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d" } }), "credentials.client_secret", /credentials.client_secret or credentials.client_secret_wo .*"client-secret"/));
  test("a credential of another method", () =>
    expectError(AZURE, configs.azureOauth({ credentials: { code: "c", client_secret: "s" } }), "credentials.client_secret", /not used by method "oauth". That method takes: "tenant_id", "code"/));
  test("certificate needs its PEM fields", () =>
    expectCreateError(AZURE, configs.azureClientSecret({ method: "certificate", credentials: { tenant_id: "9f3c2a1e-4b5d-4e6f-8a7b-1c2d3e4f5a6b", client_id: "1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d" } }), "credentials.certificate_body", /credentials.certificate_body or credentials.certificate_body_wo .*"certificate"/));
  test("client_secret 1–50 characters, without echoing it", () => {
    const secret = "canary-" + "z".repeat(60);
    const d = infisical.validateResourceConfig(AZURE, configs.azureClientSecret({ credentials: { tenant_id: "9f3c2a1e-4b5d-4e6f-8a7b-1c2d3e4f5a6b", client_id: "1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d", client_secret: secret } }));
    expect(errorsOf(d)).toEqual([expect.objectContaining({ path: "credentials.client_secret", detail: expect.stringMatching(/1–50 characters/) })]);
    expect(JSON.stringify(errorsOf(d))).not.toContain("canary");
  });
  test("OAuth code is required to create, not to manage an imported connection", () => {
    const config = configs.azureOauth({ credentials: { tenant_id: "9f3c2a1e-4b5d-4e6f-8a7b-1c2d3e4f5a6b" } });
    expect(errorsOf(infisical.validateResourceConfig(AZURE, config))).toEqual([]);
    const created = infisical.planResourceChange(AZURE, null, config);
    expect(errorsOf(created.diagnostics)).toEqual([expect.objectContaining({ path: "credentials.code", detail: expect.stringMatching(/required to create/) })]);
  });
});

describe("postgres", () => {
  test("is_auto_rotation_enabled = true", () =>
    expectError(PG, configs.postgres({ is_auto_rotation_enabled: true }), "is_auto_rotation_enabled", /Not supported for PostgreSQL Connections/));
  test("a rotation block", () =>
    expectError(PG, configs.postgres({ rotation: { rotation_interval: 30, rotate_at_utc: { hours: 1, minutes: 0 } } }), "rotation", /Not supported for PostgreSQL Connections/));
  test("gateway_id must be a UUID", () => expectError(PG, configs.postgres({ gateway_id: "gw-1" }), "gateway_id", /UUID/));
  test("port 1–65535", () => expectError(PG, configs.postgres({ credentials: { host: "h", database: "d", username: "u", password: "p", port: 70000 } }), "credentials.port", /1–65535/));
});

describe("heroku", () => {
  test.each([
    ["is_platform_managed_credentials", true],
    ["gateway_id", "3c90c3cc-0d44-4b50-8888-8dd25736052a"],
    ["is_auto_rotation_enabled", true],
    ["rotation", { rotation_interval: 30, rotate_at_utc: { hours: 1, minutes: 0 } }],
  ])("%s is not supported", (attribute, value) =>
    expectError(HEROKU, configs.heroku({ [attribute]: value }), attribute, /Not supported for Heroku Connections/));
  test("auth_token must start with HRKU-, without echoing it", () => {
    const d = infisical.validateResourceConfig(HEROKU, configs.heroku({ credentials: { auth_token: "canary-token" } }));
    expect(errorsOf(d)).toEqual([expect.objectContaining({ path: "credentials.auth_token", detail: expect.stringMatching(/must start with "HRKU-"/) })]);
    expect(JSON.stringify(errorsOf(d))).not.toContain("canary");
  });
  test("oauth needs a code to create", () => {
    const d = infisical.planResourceChange(HEROKU, null, configs.heroku({ method: "oauth", credentials: {} })).diagnostics;
    expect(errorsOf(d)).toEqual([expect.objectContaining({ path: "credentials.code" })]);
  });
});

describe("vault integration", () => {
  test("address must be an http(s) URL", () => expectError(VAULT, configs.vault({ address: "vault.local" }), "address", /http:\/\/ or https:\/\//));
  test("secret_id must not be empty", () => expectError(VAULT, configs.vault({ secret_id: "" }), "secret_id", /1–4096/));
  test("type only hashicorp", () => expectError(VAULT, configs.vault({ type: "aws" }), "type", /"hashicorp"/));
  test("auth_method only approle", () => expectError(VAULT, configs.vault({ auth_method: "token" }), "auth_method", /"approle"/));
});

describe("provider configuration", () => {
  test("both token and universal auth are refused", () => {
    const d = infisical.validateProviderConfig({ auth: { token: "t", universal: { client_id: "a", client_secret: "b" } } });
    expect(errorsOf(d)).toEqual([expect.objectContaining({ path: "auth", detail: expect.stringMatching(/both set/) })]);
  });
  test("no auth anywhere fails at configure with the variables to set", () => {
    const core = new ProviderCore(infisicalProvider, { env: {} });
    expect(errorsOf(core.configure({}))).toEqual([expect.objectContaining({ detail: expect.stringMatching(/INFISICAL_UNIVERSAL_AUTH_CLIENT_ID/) })]);
  });
  test("scrapengine needs an api key", () => {
    const core = new ProviderCore(scrapengineProvider, { env: {} });
    expect(errorsOf(core.configure({}))).toEqual([expect.objectContaining({ path: "api_key" })]);
  });
});
