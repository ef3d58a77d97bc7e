/**
 * The clients against the emulator when the server answers badly: a redirect, an HTML error page, a body that
 * never ends (D10), and a server that hangs — a login included — against one time budget per operation (D8).
 * Every case ends as one clear sentence with the status, in bounded time.
 */
import { NetworkError, RedirectError, ResponseShapeError, ServerError } from "../../src/client/errors";
import { InfisicalClient } from "../../src/client/infisical-client";
import { ScrapEngineClient } from "../../src/client/scrapengine-client";
import { TestEmulator } from "../support/emulator";

const FAST = { minDelayMs: 5, maxDelayMs: 50, maxRetries: 6, budgetMs: 10_000 };
const HTML = `<!DOCTYPE html>\n<html><head><title>502 Bad Gateway</title></head><body><h1>Bad Gateway</h1><p>nginx</p>${"<br>".repeat(500)}</body></html>`;

let emu: TestEmulator;

beforeAll(async () => {
  emu = await TestEmulator.start();
});
afterAll(() => emu.close());
beforeEach(() => emu.reset());

const infisical = (retry: Partial<typeof FAST> = {}, timeoutMs?: number) =>
  new InfisicalClient({ host: emu.url, auth: { kind: "universal", ...emu.emulator.infisical }, retry: { ...FAST, ...retry }, timeoutMs });

async function failure(p: Promise<unknown>): Promise<Error> {
  try {
    await p;
  } catch (err) {
    return err as Error;
  }
  throw new Error("expected the call to fail");
}

describe("D10: answers that are not the API's JSON", () => {
  test("a 3xx says the status and that redirects are not followed", async () => {
    const c = infisical();
    await emu.faults([{ method: "GET", path: "/app-connections$", status: 302, headers: { location: "https://login.example.com/" }, text: "" }]);
    const err = await failure(c.listConnections());
    await c.close();
    expect(err).toBeInstanceOf(RedirectError);
    expect(err.message).toBe(
      "Infisical API answered 302 to GET /api/v1/app-connections: redirects are not followed (it points to https://login.example.com/); configure the API's own address in the provider",
    );
  });

  test("an HTML error page is named with its title, never dumped", async () => {
    const c = infisical({ maxRetries: 0 });
    await emu.faults([{ method: "GET", status: 502, headers: { "content-type": "text/html" }, text: HTML }]);
    const err = await failure(c.listConnections());
    await c.close();
    expect(err).toBeInstanceOf(ServerError);
    expect(err.message).toBe(
      'Infisical API answered 502 to GET /api/v1/app-connections: an HTML page (status 502) titled "502 Bad Gateway" instead of the API\'s JSON; check that the provider\'s address is the API itself',
    );
  });

  test("a 200 HTML page (a captive portal) is a shape error saying so", async () => {
    const s = new ScrapEngineClient({ baseUrl: emu.emulator.scrapengine.baseUrl, apiKey: emu.emulator.scrapengine.apiKey, retry: FAST });
    await emu.faults([{ method: "GET", status: 200, text: HTML }]);
    const err = await failure(s.list());
    await s.close();
    expect(err).toBeInstanceOf(ResponseShapeError);
    expect(err.message).toMatch(/with an unexpected body: an HTML page \(status 200\) titled "502 Bad Gateway"/);
    expect(err.message).not.toContain("<");
  });

  test("a DELETE answered by a 200 HTML page is not taken for a success (the body is ignored only when it is the API's)", async () => {
    const c = infisical();
    const created = await c.createConnection("heroku", { name: "kept", method: "auth-token", credentials: { authToken: "HRKU-x" } });
    await emu.faults([{ method: "DELETE", status: 200, text: HTML, headers: { "content-type": "text/html" }, times: 1 }]);
    const err = await failure(c.deleteConnection("heroku", created.id));
    expect(err).toBeInstanceOf(ResponseShapeError);
    await expect(c.getConnection("heroku", created.id)).resolves.toMatchObject({ name: "kept" });
    await c.close();
  });

  test("a huge error message (a server echoing a big request) is cut to one line of 1000 characters", async () => {
    const c = infisical({ maxRetries: 0 });
    await emu.faults([{ method: "GET", status: 400, body: { statusCode: 400, error: "BadRequest", message: `first line\n${"y".repeat(5_000)}` } }]);
    const err = await failure(c.listConnections());
    await c.close();
    expect(err.message).toMatch(/: first line y+… \(4011 more characters\)$/);
    expect(err.message).not.toContain("\n");
  });

  test.each([200, 500])("an endless body (status %i) is one clear sentence", async (status) => {
    const c = infisical({ maxRetries: 0 });
    await c.listConnections(); // logged in: only the list answers forever
    await emu.faults([{ method: "GET", path: "/app-connections$", status, endlessBody: true }]);
    const err = await failure(c.listConnections());
    await c.close();
    expect(err.message).toMatch(/^Infisical API answered (GET \/api\/v1\/app-connections with an unexpected body|500 to GET \/api\/v1\/app-connections): a body larger than 16 MiB \(or one that never ends\); stopped reading it$/);
  }, 30_000);
});

describe("D8: one time budget per operation, logins included", () => {
  test("a hung login fails at the budget, not after every attempt's timeout", async () => {
    const c = infisical({ budgetMs: 1_500 }, 30_000);
    await emu.faults([{ method: "POST", path: "universal-auth/login$", delayMs: 600_000 }]);
    const started = Date.now();
    const err = await failure(c.listConnections());
    const took = Date.now() - started;
    await c.close();
    expect(err).toBeInstanceOf(NetworkError);
    expect(err.message).toBe(
      "Infisical API did not answer POST /api/v1/auth/universal-auth/login: no answer within the time budget of 1.5 s for the whole operation (logins and retries included)",
    );
    expect(took).toBeGreaterThanOrEqual(1_400);
    expect(took).toBeLessThan(3_000);
  });

  test("a slow login and a slow call share one budget", async () => {
    const c = infisical({ budgetMs: 2_000 }, 30_000);
    // Each alone fits the budget; together they do not.
    await emu.faults([
      { method: "POST", path: "universal-auth/login$", delayMs: 1_200, times: 1 },
      { method: "GET", path: "/app-connections$", delayMs: 1_200, times: 1 },
    ]);
    const started = Date.now();
    const err = await failure(c.listConnections());
    await c.close();
    expect(err.message).toMatch(/did not answer GET \/api\/v1\/app-connections: no answer within the time budget of 2 s/);
    expect(Date.now() - started).toBeLessThan(3_500);
  });

  test("retries of timed-out attempts stop at the budget", async () => {
    const c = infisical({ budgetMs: 1_500, maxRetries: 100 }, 200);
    await c.listConnections();
    await emu.faults([{ method: "GET", path: "/app-connections$", delayMs: 600_000 }]);
    const started = Date.now();
    const err = await failure(c.listConnections());
    await c.close();
    expect(err).toBeInstanceOf(NetworkError);
    expect(Date.now() - started).toBeLessThan(2_500);
  });
});
