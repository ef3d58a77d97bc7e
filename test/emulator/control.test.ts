/**
 * Contract: the control API (src/emulator/control.ts): fault rules, rate limits, latency, background refresh, the
 * request log (which never holds a secret) and reset.
 */
import { TestEmulator } from "../support/emulator";
import { connectionCase, createBody, ROTATION, vaultIntegrationBody } from "../support/fixtures";
import { call, pick, pickString, type HttpResult } from "../support/http";

let emu: TestEmulator;
beforeAll(async () => {
  emu = await TestEmulator.start();
});
afterAll(() => emu.close());
beforeEach(() => emu.reset());

const heroku = connectionCase("heroku", "auth-token");
const HEROKU = "/api/v1/app-connections/heroku";

async function setFaults(rules: unknown[]): Promise<HttpResult> {
  const res = await emu.control("PUT", "/faults", { rules });
  expect(res.status).toBe(200);
  return res;
}

async function names(): Promise<string[]> {
  const res = await emu.infisical("GET", "/api/v1/app-connections");
  return (pick(res.body, "appConnections") as { name: string }[]).map((c) => c.name);
}

async function requests(): Promise<Record<string, unknown>[]> {
  return pick((await emu.control("GET", "/requests")).body, "requests") as Record<string, unknown>[];
}

describe("faults", () => {
  test("status: answered without handling, in the API's error shape, `times` times", async () => {
    await emu.login();
    await setFaults([{ method: "POST", path: "^/api/v1/app-connections/", status: 503, times: 1 }]);
    const failed = await emu.infisical("POST", HEROKU, createBody(heroku, "after-503"));
    expect(failed.status).toBe(503);
    expect(failed.body).toEqual({
      reqId: expect.any(String),
      statusCode: 503,
      error: "ServiceUnavailable",
      message: "Injected fault: the emulator answered 503 by rule",
    });
    expect(await names()).toEqual([]);
    expect((await emu.infisical("POST", HEROKU, createBody(heroku, "after-503"))).status).toBe(200);
    expect(pick((await emu.control("GET", "/faults")).body, "rules", 0, "times")).toBe(0);
  });

  test("a custom body and headers; ScrapEngine errors keep their shape", async () => {
    await setFaults([
      { path: "vault-integrations", method: "get", status: 429, headers: { "retry-after": "2" } },
      { path: "app-connections", status: 418, body: { teapot: true } },
    ]);
    const limited = await emu.scrapengine("GET", "/vault-integrations");
    expect(limited.status).toBe(429);
    expect(limited.headers["retry-after"]).toBe("2");
    expect(limited.body).toEqual({
      statusCode: 429,
      error: "Too Many Requests",
      message: "Rate limit exceeded. Please try again in 1 seconds",
    });
    const teapot = await emu.infisical("GET", HEROKU);
    expect(teapot.status).toBe(418);
    expect(teapot.body).toEqual({ teapot: true });
  });

  test("drop before: the connection closes and nothing is committed", async () => {
    await emu.login();
    await setFaults([{ method: "POST", path: "heroku$", drop: "before", times: 1 }]);
    await expect(emu.infisical("POST", HEROKU, createBody(heroku, "dropped"))).rejects.toThrow();
    expect(await names()).toEqual([]);
    expect(await requests()).toContainEqual(
      expect.objectContaining({ method: "POST", path: HEROKU, status: null, fault: "drop-before" }),
    );
  });

  test("drop after: the connection closes but the object exists", async () => {
    await emu.login();
    await setFaults([{ method: "POST", path: "heroku$", drop: "after", times: 1 }]);
    await expect(emu.infisical("POST", HEROKU, createBody(heroku, "committed"))).rejects.toThrow();
    expect(await names()).toEqual(["committed"]);
    expect(await requests()).toContainEqual(expect.objectContaining({ status: null, fault: "drop-after" }));
  });

  test("failAfterCommit: the change is made, the answer is an error", async () => {
    await emu.login();
    await setFaults([{ method: "POST", failAfterCommit: 502, times: 1 }]);
    const res = await emu.infisical("POST", HEROKU, createBody(heroku, "half-failed"));
    expect(res.status).toBe(502);
    expect(pick(res.body, "error")).toBe("BadGateway");
    expect(await names()).toEqual(["half-failed"]);
    const retry = await emu.infisical("POST", HEROKU, createBody(heroku, "half-failed"));
    expect(pick(retry.body, "message")).toBe('An App Connection with the name "half-failed" already exists');
  });

  test("times counts down; then the rule is spent", async () => {
    await setFaults([{ path: "/app-connections$", status: 500, times: 2 }]);
    const statuses: number[] = [];
    for (let i = 0; i < 3; i++) statuses.push((await emu.infisical("GET", "/api/v1/app-connections")).status);
    expect(statuses).toEqual([500, 500, 200]);
  });

  test("probability 0 never fires, 1 always fires", async () => {
    await setFaults([{ status: 500, probability: 0 }]);
    for (let i = 0; i < 5; i++) expect((await emu.infisical("GET", HEROKU)).status).toBe(200);
    await setFaults([{ status: 500, probability: 1 }]);
    for (let i = 0; i < 3; i++) expect((await emu.infisical("GET", HEROKU)).status).toBe(500);
  });

  test("the method and path must match; rules can be cleared", async () => {
    await emu.login();
    await setFaults([
      { method: "DELETE", status: 500 },
      { path: "^/api/v1/vault", status: 500 },
    ]);
    expect((await emu.infisical("GET", HEROKU)).status).toBe(200);
    await setFaults([]);
    expect((await emu.scrapengine("GET", "/vault-integrations")).status).toBe(200);
  });

  test("delayMs delays", async () => {
    await emu.login();
    await setFaults([{ path: "heroku", delayMs: 250 }]);
    const started = Date.now();
    expect((await emu.infisical("GET", HEROKU)).status).toBe(200);
    expect(Date.now() - started).toBeGreaterThanOrEqual(240);
  });

  test("delayAfterCommitMs: the object exists before the slow answer arrives", async () => {
    await emu.login();
    await setFaults([{ method: "POST", path: "heroku$", delayAfterCommitMs: 800, times: 1 }]);
    const started = Date.now();
    const pending = emu.infisical("POST", HEROKU, createBody(heroku, "slow-answer"));
    await new Promise((r) => setTimeout(r, 300));
    expect(await names()).toEqual(["slow-answer"]);
    expect((await pending).status).toBe(200);
    expect(Date.now() - started).toBeGreaterThanOrEqual(790);
  });

  test("a seed makes the probability draws repeatable", async () => {
    const draw = async (seed: number): Promise<number[]> => {
      const res = await emu.control("PUT", "/faults", { rules: [{ path: "heroku", status: 503, probability: 0.5 }], seed });
      expect(res.status).toBe(200);
      const statuses: number[] = [];
      for (let i = 0; i < 16; i++) statuses.push((await emu.infisical("GET", HEROKU)).status);
      return statuses;
    };
    const first = await draw(7);
    expect(first).toContain(503);
    expect(first).toContain(200);
    expect(await draw(7)).toEqual(first);
    expect(await draw(8)).not.toEqual(first);
  });

  test("invalid rules are 400 and leave the rules unchanged", async () => {
    await setFaults([{ status: 500, times: 0 }]);
    for (const rules of [[{ path: "(" }], [{ status: 500, drop: "before" }], [{ probability: 2 }], "nope"]) {
      const res = await emu.control("PUT", "/faults", { rules });
      expect(res.status).toBe(400);
      expect(pick(res.body, "error")).toBe("Bad Request");
    }
    expect(pick((await emu.control("GET", "/faults")).body, "rules")).toEqual([{ status: 500, times: 0 }]);
  });
});

describe("rate limits", () => {
  test("off by default; when on, 429 with retry-after past the budget, per route", async () => {
    for (let i = 0; i < 5; i++) expect((await emu.infisical("GET", HEROKU)).status).toBe(200);
    const settings = await emu.control("PUT", "/rate-limits", { enabled: true, readsPerMinute: 2, writesPerMinute: 1 });
    expect(settings.body).toEqual({ enabled: true, readsPerMinute: 2, writesPerMinute: 1, windowSeconds: 60 });

    const first = await emu.infisical("GET", HEROKU);
    expect(first.headers["x-ratelimit-limit"]).toBe("2");
    expect(first.headers["x-ratelimit-remaining"]).toBe("1");
    expect((await emu.infisical("GET", HEROKU)).status).toBe(200);
    const limited = await emu.infisical("GET", HEROKU);
    expect(limited.status).toBe(429);
    const retryAfter = Number(limited.headers["retry-after"]);
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(60);
    expect(limited.headers["x-ratelimit-remaining"]).toBe("0");
    expect(limited.headers["x-ratelimit-reset"]).toBe(String(retryAfter));
    expect(limited.body).toEqual({
      reqId: expect.any(String),
      statusCode: 429,
      error: "RateLimitExceeded",
      message: `Rate limit exceeded. Please try again in ${retryAfter} seconds`,
    });

    // another route has its own budget; control routes have none
    expect((await emu.infisical("GET", "/api/v1/app-connections/postgres")).status).toBe(200);
    for (let i = 0; i < 5; i++) expect((await emu.control("GET", "/requests")).status).toBe(200);
    // writes have theirs
    expect((await emu.infisical("POST", HEROKU, createBody(heroku, "one-write"))).status).toBe(200);
    expect((await emu.infisical("POST", HEROKU, createBody(heroku, "two-writes"))).status).toBe(429);

    await emu.control("PUT", "/rate-limits", { enabled: false });
    expect((await emu.infisical("GET", HEROKU)).status).toBe(200);
  });

  test("defaults are 60 reads and 200 writes; a short window resets", async () => {
    const defaults = await emu.control("PUT", "/rate-limits", { enabled: true });
    expect(defaults.body).toEqual({ enabled: true, readsPerMinute: 60, writesPerMinute: 200, windowSeconds: 60 });
    await emu.control("PUT", "/rate-limits", { enabled: true, readsPerMinute: 1, windowSeconds: 1 });
    expect((await emu.scrapengine("GET", "/vault-integrations")).status).toBe(200);
    const limited = await emu.scrapengine("GET", "/vault-integrations");
    expect(limited.status).toBe(429);
    expect(limited.headers["retry-after"]).toBe("1");
    expect(pick(limited.body, "error")).toBe("Too Many Requests");
    await new Promise((resolve) => setTimeout(resolve, 1050));
    expect((await emu.scrapengine("GET", "/vault-integrations")).status).toBe(200);
  });
});

test("latency delays API requests, not control ones", async () => {
  await emu.login();
  expect((await emu.control("PUT", "/latency", { ms: 200 })).body).toEqual({ ms: 200 });
  let started = Date.now();
  await emu.infisical("GET", HEROKU);
  expect(Date.now() - started).toBeGreaterThanOrEqual(190);
  started = Date.now();
  await emu.control("GET", "/latency");
  expect(Date.now() - started).toBeLessThan(150);
  expect((await emu.control("PUT", "/latency", { ms: -1 })).status).toBe(400);
});

test("refresh: a new credentialsHash with no user action; 404 when missing", async () => {
  const created = await emu.infisical("POST", HEROKU, createBody(heroku, "refreshed"));
  const id = pickString(created.body, "appConnection", "id");
  const refreshed = await emu.control("POST", `/connections/${id}/refresh`);
  expect(refreshed.status).toBe(200);
  const hash = pickString(refreshed.body, "appConnection", "credentialsHash");
  expect(hash).not.toBe(pick(created.body, "appConnection", "credentialsHash"));
  const got = await emu.infisical("GET", `${HEROKU}/${id}`);
  expect(got.body).toEqual({
    appConnection: { ...(pick(created.body, "appConnection") as object), credentialsHash: hash },
  });
  expect((await emu.control("POST", "/connections/00000000-0000-4000-8000-000000000000/refresh")).status).toBe(404);
});

test("rotate: the scheduled rotation now: new credentialsHash, next rotation counted from now", async () => {
  const azure = connectionCase("azure-key-vault", "client-secret");
  const created = await emu.infisical(
    "POST",
    "/api/v1/app-connections/azure-key-vault",
    createBody(azure, "rotated", { isAutoRotationEnabled: true, rotation: { ...ROTATION, rotationInterval: 1 } }),
  );
  const id = pickString(created.body, "appConnection", "id");
  const before = Date.now();
  const rotated = await emu.control("POST", `/connections/${id}/rotate`);
  expect(rotated.status).toBe(200);
  expect(pick(rotated.body, "appConnection", "credentialsHash")).not.toBe(
    pick(created.body, "appConnection", "credentialsHash"),
  );
  expect(pick(rotated.body, "appConnection", "updatedAt")).toBe(pick(created.body, "appConnection", "updatedAt"));
  const next = new Date(before);
  next.setUTCDate(next.getUTCDate() + 1);
  next.setUTCHours(3, 15, 0, 0);
  expect(pick(rotated.body, "appConnection", "rotation", "nextRotationAt")).toBe(next.toISOString());

  const plain = await emu.infisical("POST", HEROKU, createBody(heroku, "not-rotating"));
  const plainId = pickString(plain.body, "appConnection", "id");
  expect((await emu.control("POST", `/connections/${plainId}/rotate`)).status).toBe(400);
});

test("the request log: method, path, query, status, time; never a secret; control calls excluded", async () => {
  const canary = "CANARY-7d1f0c2e-secret";
  const login = await call(emu.url, "POST", "/api/v1/auth/universal-auth/login", {
    body: { clientId: emu.emulator.infisical.clientId, clientSecret: canary },
  });
  expect(login.status).toBe(401);
  await emu.infisical("POST", HEROKU, createBody(heroku, "logged", { credentials: { authToken: `HRKU-${canary}` } }));
  await emu.infisical("POST", "/api/v1/app-connections/postgres", {
    name: "logged-pg",
    method: "username-and-password",
    credentials: { ...connectionCase("postgres", "username-and-password").credentials, password: canary },
  });
  await emu.scrapengine("POST", "/vault-integrations", vaultIntegrationBody("logged", { secretId: canary }));
  await emu.infisical("GET", `/api/v1/app-connections?projectId=${emu.emulator.projectId}`);

  const log = await emu.control("GET", "/requests");
  expect(log.text).not.toContain(canary);
  expect(log.text).not.toContain(await emu.login());
  const entries = pick(log.body, "requests") as Record<string, unknown>[];
  expect(entries[0]).toEqual({
    method: "POST",
    path: "/api/v1/auth/universal-auth/login",
    query: {},
    status: 401,
    time: expect.any(String),
    durationMs: expect.any(Number),
    api: "infisical",
  });
  expect(entries).toContainEqual(
    expect.objectContaining({ method: "POST", path: "/api/v1/vault-integrations", status: 201, api: "scrapengine" }),
  );
  expect(entries).toContainEqual(
    expect.objectContaining({
      method: "GET",
      path: "/api/v1/app-connections",
      query: { projectId: emu.emulator.projectId },
    }),
  );
  expect(entries.some((e) => String(e.path).startsWith("/__emulator"))).toBe(false);

  expect((await emu.control("DELETE", "/requests")).status).toBe(204);
  expect(await requests()).toEqual([]);
});

test("reset forgets state and settings, keeps ids and credentials", async () => {
  const token = await emu.login();
  await emu.infisical("POST", HEROKU, createBody(heroku, "forgotten"));
  await emu.scrapengine("POST", "/vault-integrations", vaultIntegrationBody("forgotten"));
  await setFaults([{ status: 500, probability: 0 }]);
  await emu.control("PUT", "/rate-limits", { enabled: true });
  await emu.control("PUT", "/latency", { ms: 10 });

  expect((await emu.control("POST", "/reset")).status).toBe(204);
  expect(await requests()).toEqual([]);
  expect((await call(emu.url, "GET", HEROKU, { bearer: token })).status).toBe(401);
  expect(pick((await emu.control("GET", "/faults")).body, "rules")).toEqual([]);
  expect(pick((await emu.control("GET", "/rate-limits")).body, "enabled")).toBe(false);
  expect((await emu.control("GET", "/latency")).body).toEqual({ ms: 0 });
  await emu.reset(); // forget the cached token
  expect(await names()).toEqual([]);
  expect(pick((await emu.scrapengine("GET", "/vault-integrations")).body, "data")).toEqual([]);
  const created = await emu.infisical("POST", HEROKU, createBody(heroku, "after-reset"));
  expect(pick(created.body, "appConnection", "orgId")).toBe(emu.emulator.orgId);
  expect((await emu.control("GET", "/health")).body).toEqual({ ok: true });
  expect((await emu.control("GET", "/nope")).status).toBe(404);
});
