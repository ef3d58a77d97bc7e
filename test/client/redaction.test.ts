/**
 * D2: a server that echoes the request in its error message must not put a secret into any error or log line.
 * The clients run against the real emulator, whose fault rules echo the body (and headers) as a careless server
 * does; every secret the client knows is planted as a canary: provider credentials, the access token, and the
 * secret fields of the request (raw, with JSON-special characters, multi-line PEM).
 */
import { InfisicalClient } from "../../src/client/infisical-client";
import { REDACTED, Redactor } from "../../src/client/redactor";
import { ScrapEngineClient } from "../../src/client/scrapengine-client";
import { secretApiFields } from "../../src/framework/api-mapping";
import { infisicalProvider } from "../../src/providers/infisical";
import { scrapengineProvider } from "../../src/providers/scrapengine";
import { TestEmulator, recordingLogger } from "../support/emulator";

const CANARY = "canary-d2-41f7";
const CLIENT_SECRET = `client-secret-${CANARY}`;
const API_KEY = `api-key-${CANARY}`;
const FAST = { minDelayMs: 5, maxDelayMs: 50, maxRetries: 2, budgetMs: 10_000 };
const INFISICAL_FIELDS = secretApiFields(infisicalProvider.attributes, ...infisicalProvider.resources.map((r) => r.attributes));
const SCRAPENGINE_FIELDS = secretApiFields(scrapengineProvider.attributes, ...scrapengineProvider.resources.map((r) => r.attributes));

let emu: TestEmulator;
let log: ReturnType<typeof recordingLogger>;
let client: InfisicalClient;
let scrap: ScrapEngineClient;

beforeAll(async () => {
  emu = await TestEmulator.start({ clientSecret: CLIENT_SECRET, apiKey: API_KEY });
});
afterAll(() => emu.close());
beforeEach(async () => {
  await emu.reset();
  log = recordingLogger();
  const { clientId, clientSecret } = emu.emulator.infisical;
  client = new InfisicalClient({ host: emu.url, auth: { kind: "universal", clientId, clientSecret }, log, retry: FAST, secretFields: INFISICAL_FIELDS });
  scrap = new ScrapEngineClient({ baseUrl: emu.emulator.scrapengine.baseUrl, apiKey: API_KEY, log, retry: FAST, secretFields: SCRAPENGINE_FIELDS });
});
afterEach(async () => {
  await client.close();
  await scrap.close();
  expect(log.lines.filter((l) => l.includes(CANARY))).toEqual([]);
});

const failure = (p: Promise<unknown>): Promise<Error> =>
  p.then(
    () => {
      throw new Error("expected the call to fail");
    },
    (e: unknown) => e as Error,
  );

test("the declarations name every secret API field", () => {
  expect([...INFISICAL_FIELDS].sort()).toEqual(["authToken", "certificateBody", "clientSecret", "code", "password", "privateKey", "serviceAccountToken", "token"]);
  expect([...SCRAPENGINE_FIELDS].sort()).toEqual(["apiKey", "secretId"]);
});

test("a 400 echoing a create body names the status, not the password (JSON-special characters included)", async () => {
  const password = `p"w\\${CANARY}\n`;
  await emu.faults([{ method: "POST", path: "/postgres$", status: 400, echoBody: true }]);
  const body = { name: "db", method: "username-and-password", credentials: { host: "h", port: 5432, database: "d", username: "u", password, sslEnabled: true, sslRejectUnauthorized: true } };
  const err = await failure(client.createConnection("postgres", body));
  expect(err.message).toMatch(/^Infisical API answered 400 .* to POST \/api\/v1\/app-connections\/postgres: Injected fault/);
  expect(err.message).toContain(`"password":"${REDACTED}"`);
  expect(err.message).toContain('"username":"u"'); // the rest of the echo stays readable
  expect(err.message).not.toContain(CANARY);
});

test("a 5xx after commit echoing a PEM certificate and key redacts every line of them", async () => {
  const pem = (label: string) => `-----BEGIN ${label}-----\nMIIBline1${CANARY}abc\nMIIBline2${CANARY}def\n-----END ${label}-----`;
  await emu.faults([{ method: "POST", path: "/azure-key-vault$", failAfterCommit: 500, echoBody: true }]);
  const credentials = { tenantId: "9f3c2a1e-4b5d-4e6f-8a7b-1c2d3e4f5a6b", clientId: "1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d", certificateBody: pem("CERTIFICATE"), privateKey: pem("PRIVATE KEY") };
  const err = await failure(client.createConnection("azure-key-vault", { name: "cert", method: "certificate", credentials }));
  expect(err.message).toMatch(/answered 500/);
  expect(err.message).not.toContain(CANARY);
});

test("a login echoing its body and headers shows neither the client secret nor, later, the access token", async () => {
  await emu.faults([{ method: "POST", path: "universal-auth/login$", status: 400, echoBody: true, times: 1 }]);
  const login = await failure(client.listConnections());
  expect(login.message).toMatch(/answered 400 .* to POST \/api\/v1\/auth\/universal-auth\/login/);
  expect(login.message).toContain(`"clientSecret":"${REDACTED}"`);

  // Logged in now: a read whose error quotes the request headers must not show the bearer token.
  await emu.faults([{ method: "GET", path: "/app-connections$", status: 500, echoHeaders: true }]);
  const read = await failure(client.listConnections());
  expect(read.message).toContain(`Bearer ${REDACTED}`);
  expect(read.message).not.toMatch(/Bearer (?!\(redacted\))/);
});

test("a secret sent earlier is redacted from a later answer, and from a quoted form field", async () => {
  const token = `HRKU-${CANARY}`;
  await client.createConnection("heroku", { name: "web", method: "auth-token", credentials: { authToken: token } });
  const quoted = `Refused: form authToken=${encodeURIComponent(token)}&name=web and authToken=${token}`;
  await emu.faults([{ method: "GET", path: "/heroku$", status: 400, body: { statusCode: 400, error: "BadRequest", message: quoted } }]);
  const err = await failure(client.listConnections({ app: "heroku" }));
  expect(err.message).toContain(`authToken=${REDACTED}&name=web`);
  expect(err.message).not.toContain(CANARY);
});

test("ScrapEngine: a PUT echoing the secret_id, and a read echoing the API key, show neither", async () => {
  const created = await scrap.create({ name: "v", address: "https://vault.example.com", roleId: "r", secretId: "first-secret-id" });
  await emu.faults([{ method: "PUT", status: 400, echoBody: true, times: 1 }]);
  const put = await failure(scrap.rotateSecretId(created.id, `secret-id-${CANARY}`));
  expect(put.message).toMatch(/^ScrapEngine API answered 400 .* to PUT /);
  expect(put.message).toContain(`"secretId":"${REDACTED}"`);
  await emu.faults([{ method: "GET", status: 503, echoHeaders: true }]);
  const read = await failure(scrap.list());
  expect(read.message).toContain(`Bearer ${REDACTED}`);
  expect(read.message).not.toContain(CANARY);
});

test("a 2xx that is not JSON and quotes a secret sent earlier is summarised without it", async () => {
  const password = `pw-${CANARY}-long-enough-to-be-cut`;
  const body = { name: "db2", method: "username-and-password", credentials: { host: "h", port: 5432, database: "d", username: "u", password, sslEnabled: true, sslRejectUnauthorized: true } };
  await emu.faults([{ method: "POST", path: "/postgres$", failAfterCommit: 200, text: `${"x".repeat(150)} created with password ${password}` }]);
  const err = await failure(client.createConnection("postgres", body));
  expect(err.message).toMatch(/with an unexpected body: a body that is not JSON: x+ created with password \(redacted\)/);
  expect(err.message).not.toContain(CANARY);
});

describe("Redactor", () => {
  test("forms: as written, JSON-escaped once and twice, URL-encoded, cut off at the end", () => {
    const r = new Redactor();
    const secret = `a"b\\c/${CANARY}`;
    r.add(secret);
    const once = JSON.stringify(secret).slice(1, -1);
    const twice = JSON.stringify(once).slice(1, -1);
    for (const form of [secret, once, twice, encodeURIComponent(secret)]) {
      expect(r.redact(`x ${form} y`)).toBe(`x ${REDACTED} y`);
    }
    expect(r.redact(`truncated: ${secret.slice(0, 9)}...`)).toBe(`truncated: ${REDACTED}...`);
  });

  test("a short secret is redacted as a whole word only", () => {
    const r = new Redactor();
    r.add("pw1");
    expect(r.redact("password pw1 opw1x")).toBe(`password ${REDACTED} opw1x`);
  });
});
