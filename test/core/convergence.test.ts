/**
 * D4, D9 and the import ids of D10: what the server would store differently from the configuration (it trims, it
 * stores "" as unset) can never converge, and what can never be valid (a project id or PEM of the wrong form, a
 * blank import id) can never work: both are refused before any API call, with the reason and what to write
 * instead. Values that are accepted do round-trip through the real emulator to a no-op plan.
 */
import { ProviderCore } from "../../src/core/provider-core";
import type { ObjectValue } from "../../src/framework/value";
import { infisicalProvider } from "../../src/providers/infisical";
import { scrapengineProvider } from "../../src/providers/scrapengine";
import { CLIENT, TENANT, configs } from "../support/configs";
import { TestEmulator } from "../support/emulator";
import { pick } from "../support/http";

const AZURE = "infisical_app_connection_azure_key_vault";
const PG = "infisical_app_connection_postgres";
const HEROKU = "infisical_app_connection_heroku";
const VAULT = "scrapengine_vault_integration";
const PEM = "-----BEGIN CERTIFICATE-----\nMIIBfakecertificatebody\n-----END CERTIFICATE-----";
const KEY = "-----BEGIN PRIVATE KEY-----\nMIIEfakeprivatekey\n-----END PRIVATE KEY-----";
const CANARY = "canary-d9-2e1c";

let emu: TestEmulator;
let infisical: ProviderCore<unknown>;
let scrapengine: ProviderCore<unknown>;

beforeAll(async () => {
  emu = await TestEmulator.start();
});
afterAll(() => emu.close());
beforeEach(async () => {
  await emu.reset();
  const { clientId, clientSecret } = emu.emulator.infisical;
  infisical = new ProviderCore(infisicalProvider, { env: {} }) as ProviderCore<unknown>;
  expect(infisical.configure({ host: emu.url, auth: { universal: { client_id: clientId, client_secret: clientSecret } } }).errors).toEqual([]);
  scrapengine = new ProviderCore(scrapengineProvider, { env: {} }) as ProviderCore<unknown>;
  expect(scrapengine.configure({ base_url: emu.emulator.scrapengine.baseUrl, api_key: emu.emulator.scrapengine.apiKey }).errors).toEqual([]);
});
afterEach(async () => {
  await infisical.close();
  await scrapengine.close();
});

const core = (type: string) => (type === VAULT ? scrapengine : infisical);
const errorsOf = (type: string, config: ObjectValue) =>
  core(type)
    .planResourceChange(type, null, config)
    .diagnostics.errors.map((e) => ({ path: String(e.path ?? ""), summary: e.summary, detail: e.detail }));
const pg = (credentials: Record<string, unknown>) => configs.postgres({ credentials: { ...(configs.postgres().credentials as object), ...credentials } });
const cert = (credentials: Record<string, unknown>) =>
  configs.azureClientSecret({ method: "certificate", credentials: { tenant_id: TENANT, client_id: CLIENT, certificate_body: PEM, private_key: KEY, ...credentials } });

const EMPTY = /^\S+ must not be empty: the server stores an empty value as unset, so every plan would show a change\. Remove the attribute \(or set it to null\) for none\.$/;
const TRIMMED = /^\S+ must not start or end with whitespace: the server trims it, so the stored value would never match the configuration and every plan would show a change\. Write it without the surrounding whitespace \(e\.g\. trimspace\(\.\.\.\)\)\.$/;
const PROJECT = /^project_id must be an Infisical project ID: a lowercase UUID such as 3c90c3cc-0d44-4b50-8888-8dd25736052a \(or the 24 lowercase hexadecimal digits of an older project\)\.$/;
const LOWER_UUID = /^gateway_id must be a UUID such as 3c90c3cc-0d44-4b50-8888-8dd25736052a in lowercase \(the server stores it in lowercase, so any other spelling would show as a change on every plan\)\.$/;
const PEM_RULE = /^credentials\.(certificate_body|private_key) must be in PEM format: a -----BEGIN <LABEL>----- line, the base64 body, then -----END <LABEL>-----\.$/;

describe("refused at plan, before any API call", () => {
  test.each<[string, string, ObjectValue, string, RegExp]>([
    ["D4 an empty namespace (stored as none: replaced every apply)", VAULT, configs.vault({ namespace: "" }), "namespace", EMPTY],
    ["D4 an empty ssl_certificate (stored as absent)", PG, pg({ ssl_certificate: "" }), "credentials.ssl_certificate", EMPTY],
    ["D4 an ssl_certificate ending in a newline (trimmed)", PG, pg({ ssl_certificate: `${PEM}\n` }), "credentials.ssl_certificate", TRIMMED],
    ["D4 a description with surrounding spaces (trimmed)", HEROKU, configs.heroku({ description: " my app " }), "description", TRIMMED],
    ["D4 a host with a leading space", PG, pg({ host: " db.internal" }), "credentials.host", TRIMMED],
    ["D4 a database with a trailing space", PG, pg({ database: "app " }), "credentials.database", TRIMMED],
    ["D4 a username with a trailing newline", PG, pg({ username: "u\n" }), "credentials.username", TRIMMED],
    ["D4 a vault name with a leading space", VAULT, configs.vault({ name: " vault" }), "name", TRIMMED],
    ["D4 a vault address with a trailing space (the server parses and trims it)", VAULT, configs.vault({ address: "https://vault.example.com " }), "address", TRIMMED],
    ["D4 a role_id with a trailing space", VAULT, configs.vault({ role_id: "role " }), "role_id", TRIMMED],
    ["D9 a project_id that is no project id", HEROKU, configs.heroku({ project_id: "my-project" }), "project_id", PROJECT],
    ["D9 an empty project_id", HEROKU, configs.heroku({ project_id: "" }), "project_id", PROJECT],
    ["D9 a project_id with a trailing space", HEROKU, configs.heroku({ project_id: "3c90c3cc-0d44-4b50-8888-8dd25736052a " }), "project_id", PROJECT],
    ["D9 a project_id in uppercase (ids are lowercase text: it matches nothing)", HEROKU, configs.heroku({ project_id: "3C90C3CC-0D44-4B50-8888-8DD25736052A" }), "project_id", PROJECT],
    ["D4 a gateway_id in uppercase (answered in lowercase)", PG, configs.postgres({ gateway_id: "3C90C3CC-0D44-4B50-8888-8DD25736052A" }), "gateway_id", LOWER_UUID],
    ["D9 a certificate_body that is not PEM", AZURE, cert({ certificate_body: `not a certificate ${CANARY}` }), "credentials.certificate_body", PEM_RULE],
    ["D9 a private_key that is not PEM", AZURE, cert({ private_key: `MIIE${CANARY}` }), "credentials.private_key", PEM_RULE],
  ])("%s", async (_label, type, config, path, detail) => {
    expect(errorsOf(type, config)).toEqual([expect.objectContaining({ path, detail: expect.stringMatching(detail) })]);
    expect(JSON.stringify(errorsOf(type, config))).not.toContain(CANARY);
    expect(await emu.requests()).toEqual([]);
  });

  test("accepted: project ids of both forms, PEM with a trailing newline (a secret, never read back)", () => {
    expect(errorsOf(HEROKU, configs.heroku({ project_id: "3c90c3cc-0d44-4b50-8888-8dd25736052a" }))).toEqual([]);
    expect(errorsOf(HEROKU, configs.heroku({ project_id: "65a1f0c2b4d3e5f60718293a" }))).toEqual([]);
    expect(errorsOf(AZURE, cert({ certificate_body: `${PEM}\n`, private_key: `${KEY}\n` }))).toEqual([]);
  });
});

describe("what is accepted converges against the emulator", () => {
  async function roundTrip(type: string, config: ObjectValue): Promise<void> {
    const c = core(type);
    const plan = c.planResourceChange(type, null, config);
    expect(plan.diagnostics.errors).toEqual([]);
    const created = await c.applyResourceChange(type, null, plan.planned);
    expect(created.diagnostics.errors).toEqual([]);
    const read = await c.readResource(type, created.state!);
    expect(c.planResourceChange(type, read.state, config).action).toBe("noop");
  }

  test("a namespace, an ssl_certificate, a description with inner spaces, a project id, a certificate", async () => {
    await roundTrip(VAULT, configs.vault({ namespace: "admin/team" }));
    await roundTrip(PG, pg({ ssl_certificate: PEM }));
    await roundTrip(HEROKU, configs.heroku({ description: "my  app", project_id: emu.emulator.projectId }));
    await roundTrip(AZURE, cert({ certificate_body: `${PEM}\n` }));
  });

  test("the emulator answers a gateway id in lowercase whatever its spelling, as the real server's UUID column does", async () => {
    const gateway = emu.emulator.gatewayId.toUpperCase();
    const res = await emu.infisical("POST", "/api/v1/app-connections/postgres", {
      name: "gw",
      method: "username-and-password",
      gatewayId: gateway,
      credentials: { host: "h", port: 5432, database: "d", username: "u", password: "p", sslEnabled: true, sslRejectUnauthorized: true },
    });
    expect(pick(pick(res.body, "appConnection"), "gatewayId")).toBe(emu.emulator.gatewayId);
  });

  test("the emulator stores an empty namespace as none, as the real server does", async () => {
    const res = await emu.scrapengine("POST", "/vault-integrations", { name: "ns", address: "https://v.example.com", roleId: "r", secretId: "s", namespace: "" });
    expect(pick(res.body, "namespace")).toBeNull();
  });
});

describe("D10: import ids that can name nothing are refused with the accepted forms, before any call", () => {
  const FORMS = "Import by ID (a UUID such as 3c90c3cc-0d44-4b50-8888-8dd25736052a), by name (organization scope, e.g. prod-db), or as <project_id>/<name>.";
  test.each([
    [" ", `The import ID " " cannot name a Heroku Connection: it is blank. ${FORMS}`],
    ["Not A Slug", `The import ID "Not A Slug" cannot name a Heroku Connection: the name part is not a connection name (a lowercase slug of 1–64 characters). ${FORMS}`],
    ["my-project/web", `The import ID "my-project/web" cannot name a Heroku Connection: the part before the last "/" is not a project ID, which is a lowercase UUID such as 3c90c3cc-0d44-4b50-8888-8dd25736052a (or the 24 lowercase hexadecimal digits of an older project). ${FORMS}`],
  ])("%j", async (id, detail) => {
    const imported = await infisical.importResourceState(HEROKU, id);
    expect(imported.diagnostics.errors.map((e) => [e.summary, e.detail])).toEqual([["Invalid Import ID", detail]]);
    expect((await emu.requests()).filter((r) => r.path.startsWith("/api/v1/app-connections"))).toEqual([]);
  });

  test("vault integration: a blank id", async () => {
    const imported = await scrapengine.importResourceState(VAULT, "  ");
    expect(imported.diagnostics.errors.map((e) => e.detail)).toEqual([
      'The import ID "  " is blank. Import a vault integration by ID (a UUID such as 3c90c3cc-0d44-4b50-8888-8dd25736052a) or by name.',
    ]);
    expect(await emu.requests()).toEqual([]);
  });
});
