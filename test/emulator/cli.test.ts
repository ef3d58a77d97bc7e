/**
 * Contract: `vaultbridge emulator` as users run it. These tests spawn `node bin/vaultbridge.js`, which loads the
 * compiled dist/: run `npm run build` first (the documented test command does:
 * `npm run build && npx jest test/emulator`).
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { z } from "zod";
import { connectionCase, createBody, vaultIntegrationBody } from "../support/fixtures";
import { call, pick, pickString } from "../support/http";
import { runToExit, spawnUntilFirstLine, type CliRun } from "../support/cli";

const readyLine = z.strictObject({
  url: z.string().regex(/^http:\/\/127\.0\.0\.1:\d+$/),
  orgId: z.uuid(),
  projectId: z.uuid(),
  gatewayId: z.uuid(),
  infisical: z.strictObject({ clientId: z.string(), clientSecret: z.string() }),
  scrapengine: z.strictObject({ baseUrl: z.string(), apiKey: z.string() }),
  identities: z.strictObject({
    oidc: z.uuid(),
    kubernetes: z.uuid(),
    awsIam: z.uuid(),
    aws: z.strictObject({ accessKeyId: z.string().regex(/^AKIA[0-9A-Z]{16}$/), secretAccessKey: z.string().length(40) }),
  }),
  subOrganization: z.strictObject({ slug: z.string().min(1), id: z.uuid() }),
});

const running: CliRun[] = [];
afterEach(async () => {
  await Promise.all(running.splice(0).map((run) => run.stop("SIGKILL")));
});

async function start(args: readonly string[] = []): Promise<{ run: CliRun; ready: z.infer<typeof readyLine> }> {
  const run = await spawnUntilFirstLine(["emulator", "--port", "0", ...args]);
  running.push(run);
  return { run, ready: readyLine.parse(JSON.parse(run.readyLine)) };
}

async function login(ready: z.infer<typeof readyLine>): Promise<string> {
  const res = await call(ready.url, "POST", "/api/v1/auth/universal-auth/login", {
    body: { clientId: ready.infisical.clientId, clientSecret: ready.infisical.clientSecret },
  });
  return pickString(res.body, "accessToken");
}

test("prints one JSON ready line within 2 seconds, serves, and exits cleanly on SIGTERM and SIGINT", async () => {
  for (const signal of ["SIGTERM", "SIGINT"] as const) {
    const { run, ready } = await start();
    expect(run.readyMs).toBeLessThan(2000);
    expect(ready.infisical).toEqual({ clientId: "emulator-client-id", clientSecret: "emulator-client-secret" });
    expect(ready.scrapengine).toEqual({ baseUrl: `${ready.url}/api/v1`, apiKey: "emulator-api-key" });
    expect((await call(ready.url, "GET", "/__emulator/health")).status).toBe(200);
    expect(await run.stop(signal)).toBe(0);
    expect(run.stdout()).toBe(`${run.readyLine}\n`);
  }
});

test("flags set the credentials, the token lifetime and the data file; state survives a restart", async () => {
  const dir = mkdtempSync(join(tmpdir(), "vaultbridge-cli-"));
  try {
    const args = [
      "--client-id",
      "cid",
      "--client-secret",
      "csecret",
      "--api-key",
      "key",
      "--token-ttl",
      "60",
      "--data",
      join(dir, "state.json"),
    ];
    const first = await start(args);
    expect(first.ready.infisical).toEqual({ clientId: "cid", clientSecret: "csecret" });
    expect(first.ready.scrapengine.apiKey).toBe("key");
    const login = await call(first.ready.url, "POST", "/api/v1/auth/universal-auth/login", {
      body: { clientId: "cid", clientSecret: "csecret" },
    });
    expect(pick(login.body, "expiresIn")).toBe(60);
    const token = pickString(login.body, "accessToken");
    const created = await call(first.ready.url, "POST", "/api/v1/app-connections/heroku", {
      bearer: token,
      body: createBody(connectionCase("heroku", "auth-token"), "survivor"),
    });
    expect(created.status).toBe(200);
    expect(await first.run.stop()).toBe(0);

    const second = await start(args);
    const stable = ({ orgId, projectId, gatewayId, identities, subOrganization }: z.infer<typeof readyLine>) => ({
      orgId,
      projectId,
      gatewayId,
      identities,
      subOrganization,
    });
    expect(stable(second.ready)).toEqual(stable(first.ready));
    const got = await call(second.ready.url, "GET", "/api/v1/app-connections/heroku/connection-name/survivor", {
      bearer: token,
    });
    expect(got.body).toEqual(created.body);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test("a planted secret never reaches stdout, stderr (with --log-requests) or the request log", async () => {
  const canary = "CANARY-cli-3b9e71";
  const { run, ready } = await start(["--log-requests"]);
  const token = await login(ready);
  await call(ready.url, "POST", "/api/v1/auth/universal-auth/login", {
    body: { clientId: ready.infisical.clientId, clientSecret: canary },
  });
  await call(ready.url, "POST", "/api/v1/app-connections/heroku", {
    bearer: token,
    body: createBody(connectionCase("heroku", "auth-token"), "canary", {
      credentials: { authToken: `HRKU-${canary}` },
    }),
  });
  await call(ready.url, "POST", "/api/v1/app-connections/azure-key-vault", {
    bearer: token,
    body: createBody(connectionCase("azure-key-vault", "client-secret"), "canary-invalid", {
      credentials: {
        ...connectionCase("azure-key-vault", "client-secret").credentials,
        clientSecret: `${canary}-invalid`,
      },
    }),
  });
  await call(ready.scrapengine.baseUrl, "POST", "/vault-integrations", {
    bearer: ready.scrapengine.apiKey,
    body: vaultIntegrationBody("canary", { secretId: canary }),
  });
  const log = await call(ready.url, "GET", "/__emulator/requests");
  expect(log.text).toContain("/api/v1/vault-integrations");
  expect(log.text).not.toContain(canary);
  expect(await run.stop()).toBe(0);
  expect(run.stderr()).toContain("POST /api/v1/app-connections/heroku 200");
  expect(run.stderr()).not.toContain(canary);
  expect(run.stderr()).not.toContain(token);
  expect(run.stdout()).not.toContain(canary);
  expect(run.stdout().trim().split("\n")).toHaveLength(1);
});

test("--help describes every option", async () => {
  const { code, stdout } = await runToExit(["emulator", "--help"]);
  expect(code).toBe(0);
  for (const option of [
    "--port",
    "--host",
    "--data",
    "--client-id",
    "--client-secret",
    "--api-key",
    "--check-postgres",
    "--token-ttl",
    "--log-requests",
  ]) {
    expect(stdout).toMatch(new RegExp(`${option}\\b[^\\n]*\\s+\\S`));
  }
});

test("a bad flag value is refused with the flag named", async () => {
  const { code, stdout, stderr } = await runToExit(["emulator", "--port", "http"]);
  expect(code).toBe(1);
  expect(stdout).toBe("");
  expect(stderr).toContain("--port must be a number");
});
