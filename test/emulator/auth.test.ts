/** Contract: Universal Auth login and renew, and how calls answer a missing, unknown or expired token. */
import { loginResponse } from "../../src/api/infisical";
import { TestEmulator } from "../support/emulator";
import { call, pick, pickString, type HttpResult } from "../support/http";

const LOGIN = "/api/v1/auth/universal-auth/login";
const RENEW = "/api/v1/auth/token/renew";
const LIST = "/api/v1/app-connections";

function expectError(res: HttpResult, status: number, error: string, message: string): void {
  expect({ status: res.status, body: res.body }).toEqual({
    status,
    body: { reqId: expect.any(String), statusCode: status, error, message },
  });
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe("with the default token lifetime", () => {
  let emu: TestEmulator;
  beforeAll(async () => {
    emu = await TestEmulator.start({ clientId: "my-client", clientSecret: "my-secret" });
  });
  afterAll(() => emu.close());

  test("login answers a bearer token valid for 7200 s", async () => {
    const res = await call(emu.url, "POST", LOGIN, { body: { clientId: "my-client", clientSecret: "my-secret" } });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      accessToken: expect.any(String),
      expiresIn: 7200,
      accessTokenMaxTTL: 2592000,
      tokenType: "Bearer",
    });
    expect(() => loginResponse.parse(res.body)).not.toThrow();
    const token = pickString(res.body, "accessToken");
    expect((await call(emu.url, "GET", LIST, { bearer: token })).status).toBe(200);
  });

  test.each([
    [{ clientId: "my-client", clientSecret: "wrong" }],
    [{ clientId: "someone-else", clientSecret: "my-secret" }],
  ])("bad credentials are 401 Invalid credentials", async (body) => {
    expectError(await call(emu.url, "POST", LOGIN, { body }), 401, "UnauthorizedError", "Invalid credentials");
  });

  test("a login body without the fields is 422", async () => {
    const res = await call(emu.url, "POST", LOGIN, { body: {} });
    expect(res.status).toBe(422);
    expect((pick(res.body, "message") as { path: unknown }[]).map((i) => i.path)).toEqual([
      ["clientId"],
      ["clientSecret"],
    ]);
  });

  test("no token is 401 Token missing; an unknown one 401", async () => {
    expectError(await call(emu.url, "GET", LIST), 401, "UnauthorizedError", "Token missing");
    expectError(await call(emu.url, "POST", `${LIST}/heroku`, { body: {} }), 401, "UnauthorizedError", "Token missing");
    expectError(
      await call(emu.url, "GET", LIST, { bearer: "not-a-token" }),
      401,
      "UnauthorizedError",
      "Invalid access token",
    );
  });

  test("renew answers the same token", async () => {
    const token = await emu.login(true);
    const res = await call(emu.url, "POST", RENEW, { body: { accessToken: token } });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ accessToken: token, expiresIn: 7200, accessTokenMaxTTL: 2592000, tokenType: "Bearer" });
    expectError(
      await call(emu.url, "POST", RENEW, { body: { accessToken: "unknown" } }),
      401,
      "UnauthorizedError",
      "Invalid access token",
    );
  });

  test("reset forgets every token", async () => {
    const token = await emu.login(true);
    await emu.reset();
    expectError(await call(emu.url, "GET", LIST, { bearer: token }), 401, "UnauthorizedError", "Invalid access token");
  });
});

describe("with a short token lifetime", () => {
  let emu: TestEmulator;
  beforeAll(async () => {
    emu = await TestEmulator.start({ tokenTtlSeconds: 0.6 });
  });
  afterAll(() => emu.close());

  test("an expired token is 403 TokenError; renewing it is 401", async () => {
    const token = await emu.login(true);
    expect((await call(emu.url, "GET", LIST, { bearer: token })).status).toBe(200);
    await sleep(700);
    expectError(
      await call(emu.url, "GET", LIST, { bearer: token }),
      403,
      "TokenError",
      "Your token has expired. Please re-authenticate.",
    );
    expectError(
      await call(emu.url, "POST", RENEW, { body: { accessToken: token } }),
      401,
      "UnauthorizedError",
      "Failed to renew MI access token due to TTL expiration",
    );
  });

  test("renewing in time extends the token", async () => {
    const token = await emu.login(true);
    await sleep(400);
    expect((await call(emu.url, "POST", RENEW, { body: { accessToken: token } })).status).toBe(200);
    await sleep(400); // 800 ms after login, 400 ms after the renewal
    expect((await call(emu.url, "GET", LIST, { bearer: token })).status).toBe(200);
  });
});

test("a token lifetime of 0 never expires", async () => {
  const emu = await TestEmulator.start({ tokenTtlSeconds: 0 });
  try {
    const res = await call(emu.url, "POST", LOGIN, {
      body: { clientId: emu.emulator.infisical.clientId, clientSecret: emu.emulator.infisical.clientSecret },
    });
    expect(pick(res.body, "expiresIn")).toBe(0);
  } finally {
    await emu.close();
  }
});
