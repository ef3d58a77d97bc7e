/**
 * Contract: with `checkPostgres` the emulator checks PostgreSQL credentials for real (connect, `SELECT 1`), against a
 * PostgreSQL 15 started for this test, and masks the password in the driver's message.
 */
import { TestEmulator } from "../support/emulator";
import { pick, pickString, type HttpResult } from "../support/http";
import { freePort, startPostgres, type TestPostgres } from "../support/postgres";

let pg: TestPostgres;
let emu: TestEmulator;
beforeAll(async () => {
  [pg, emu] = await Promise.all([startPostgres(), TestEmulator.start({ checkPostgres: true })]);
}, 60_000);
afterAll(async () => {
  await Promise.all([emu?.close(), pg?.stop()]);
});

const BASE = "/api/v1/app-connections/postgres";

/** Credentials of the test server (no TLS there), with overrides. */
function credentials(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    host: pg.host,
    port: pg.port,
    database: pg.database,
    username: pg.user,
    password: pg.password,
    sslEnabled: false,
    sslRejectUnauthorized: false,
    ...overrides,
  };
}

function body(name: string, overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return { name, method: "username-and-password", credentials: credentials(overrides) };
}

function expectRefused(res: HttpResult, password: string): string {
  expect(res.status).toBe(400);
  expect(pick(res.body, "error")).toBe("BadRequest");
  const message = pickString(res.body, "message");
  expect(message).toMatch(/^Unable to validate connection: /);
  expect(res.text).not.toContain(password);
  return message;
}

test("good credentials: created", async () => {
  const res = await emu.infisical("POST", BASE, body("real-pg"));
  expect(res.status).toBe(200);
  expect(pick(res.body, "appConnection", "credentials")).toEqual({
    host: pg.host,
    port: pg.port,
    database: pg.database,
    username: pg.user,
    sslEnabled: false,
    sslRejectUnauthorized: false,
  });
  expect(res.text).not.toContain(pg.password);
});

test("a wrong password: 400 with the driver's message, nothing stored; also on update", async () => {
  const wrong = "wrong-password-4f2a";
  const message = expectRefused(await emu.infisical("POST", BASE, body("bad-pg", { password: wrong })), wrong);
  expect(message).toBe(`Unable to validate connection: password authentication failed for user "${pg.user}"`);
  expect((await emu.infisical("GET", `${BASE}/connection-name/bad-pg`)).status).toBe(404);

  const created = await emu.infisical("POST", BASE, body("updated-pg"));
  const id = pickString(created.body, "appConnection", "id");
  const update = await emu.infisical("PATCH", `${BASE}/${id}`, { credentials: credentials({ password: wrong }) });
  expectRefused(update, wrong);
  expect((await emu.infisical("GET", `${BASE}/${id}`)).body).toEqual(created.body);
});

test("the password is masked wherever the driver's message holds it", async () => {
  // The user name is the password here, so the server's message would otherwise print it.
  const res = await emu.infisical(
    "POST",
    BASE,
    body("masked-pg", { username: "leaky-password-x", password: "leaky-password-x" }),
  );
  const message = expectRefused(res, "leaky-password-x");
  expect(message).toBe('Unable to validate connection: password authentication failed for user "********"');
});

test("nothing listening: the connection error", async () => {
  const port = await freePort();
  const message = expectRefused(await emu.infisical("POST", BASE, body("refused-pg", { port })), pg.password);
  expect(message).toContain("ECONNREFUSED");
});

test("without checkPostgres the 'invalid' convention applies and nothing connects", async () => {
  const offline = await TestEmulator.start();
  try {
    const ok = await offline.infisical("POST", BASE, body("offline", { port: await freePort(), password: "any" }));
    expect(ok.status).toBe(200);
    const refused = await offline.infisical("POST", BASE, body("offline-bad", { password: "an-invalid-one" }));
    expect(pick(refused.body, "message")).toBe(
      `Unable to validate connection: password authentication failed for user "${pg.user}"`,
    );
  } finally {
    await offline.close();
  }
});
