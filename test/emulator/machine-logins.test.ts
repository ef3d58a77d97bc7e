/**
 * Contract: the OIDC, Kubernetes and AWS IAM logins of the emulated machine identities, as Infisical answers them;
 * AWS IAM checked with Infisical's own Node SDK (a signer no one here wrote); sub-organization scoping; the
 * client's fresh login on an expired token for every method; and a request log without bodies.
 */
import { writeFileSync } from "node:fs";
import { InfisicalSDK } from "@infisical/sdk";
import { InfisicalClient } from "../../src/client/infisical-client";
import type { InfisicalAuth } from "../../src/client/logins";
import { AWS_SAFE_ENV, emulatorJwt, LOGIN_ROUTES, tokenFile } from "../support/auth-cases";
import { TestEmulator } from "../support/emulator";
import { call, pickString, type HttpResult } from "../support/http";

const LIST = "/api/v1/app-connections";

function expectError(res: HttpResult, status: number, error: string, message: string | RegExp): void {
  expect(res.status).toBe(status);
  expect(res.body).toEqual({ reqId: expect.any(String), statusCode: status, error, message: typeof message === "string" ? message : expect.stringMatching(message) });
}

let emu: TestEmulator;
beforeAll(async () => {
  emu = await TestEmulator.start();
});
afterAll(() => emu.close());
beforeEach(() => emu.reset());

const ids = () => emu.emulator.identities;
const jwtLogin = (route: string, body: Record<string, unknown>) => call(emu.url, "POST", route, { body });

describe("OIDC and Kubernetes logins check the JWT against the emulator's key", () => {
  test.each([
    ["oidc", () => ids().oidc],
    ["kubernetes", () => ids().kubernetes],
  ] as const)("%s: a minted token logs in, and the access token works", async (method, identity) => {
    const jwt = await emulatorJwt(emu, identity());
    const res = await jwtLogin(LOGIN_ROUTES[method], { identityId: identity(), jwt });
    expect(res.status).toBe(200);
    expect((await call(emu.url, "GET", LIST, { bearer: pickString(res.body, "accessToken") })).status).toBe(200);
  });

  test("a token signed by another key is 401 Access denied: invalid signature", async () => {
    const other = await TestEmulator.start();
    try {
      // Another emulator, another key; the same identity id claimed.
      const forged = await emulatorJwt(other, other.emulator.identities.oidc, { sub: `vaultbridge-emulator:${ids().oidc}` });
      expectError(await jwtLogin(LOGIN_ROUTES.oidc, { identityId: ids().oidc, jwt: forged }), 401, "UnauthorizedError", "Access denied: invalid signature");
    } finally {
      await other.close();
    }
  });

  test("an expired token is 401 Access denied: jwt expired; a malformed one 401 Invalid JWT", async () => {
    const expired = await emulatorJwt(emu, ids().kubernetes, { exp: Math.floor(Date.now() / 1000) - 60 });
    expectError(await jwtLogin(LOGIN_ROUTES.kubernetes, { identityId: ids().kubernetes, jwt: expired }), 401, "UnauthorizedError", "Access denied: jwt expired");
    expectError(await jwtLogin(LOGIN_ROUTES.oidc, { identityId: ids().oidc, jwt: "not.a-jwt" }), 401, "UnauthorizedError", "Invalid JWT");
  });

  test("an identity without the method is 404; another identity's token is refused", async () => {
    const jwt = await emulatorJwt(emu, ids().oidc);
    expectError(
      await jwtLogin(LOGIN_ROUTES.oidc, { identityId: ids().kubernetes, jwt }),
      404,
      "NotFound",
      "OIDC auth method not found for identity, did you configure OIDC auth?",
    );
    expectError(await jwtLogin(LOGIN_ROUTES.kubernetes, { identityId: ids().kubernetes, jwt }), 401, "UnauthorizedError", "Access denied: Kubernetes subject not allowed.");
    expect((await jwtLogin(LOGIN_ROUTES.oidc, { identityId: ids().oidc })).status).toBe(422);
  });

  test("the control API mints only for the OIDC and Kubernetes identities", async () => {
    const res = await emu.control("POST", "/oidc/token", { identityId: ids().awsIam });
    expect(res.status).toBe(404);
  });
});

describe("AWS IAM with Infisical's own Node SDK", () => {
  const saved = { ...process.env };
  afterEach(() => {
    for (const k of Object.keys(process.env)) if (k.startsWith("AWS_") && !(k in saved)) delete process.env[k];
    Object.assign(process.env, saved);
  });
  const useKeys = (accessKeyId: string, secretAccessKey: string) =>
    Object.assign(process.env, AWS_SAFE_ENV, { AWS_ACCESS_KEY_ID: accessKeyId, AWS_SECRET_ACCESS_KEY: secretAccessKey });

  test("logs in with the emulator's key, and the access token works", async () => {
    useKeys(ids().aws.accessKeyId, ids().aws.secretAccessKey);
    const sdk = new InfisicalSDK({ siteUrl: emu.url });
    await sdk.auth().awsIamAuth.login({ identityId: ids().awsIam });
    const token = sdk.auth().getAccessToken() ?? undefined;
    expect(token).toEqual(expect.any(String));
    expect((await call(emu.url, "GET", LIST, { bearer: token })).status).toBe(200);
    expect((await emu.requests()).map((r) => `${r.method} ${r.path} ${r.status}`)).toEqual([`POST ${LOGIN_ROUTES.aws_iam} 200`, `GET ${LIST} 200`]);
  });

  test("is refused with a wrong secret, and with an unknown access key", async () => {
    useKeys(ids().aws.accessKeyId, `x${ids().aws.secretAccessKey.slice(1)}`);
    await expect(new InfisicalSDK({ siteUrl: emu.url }).auth().awsIamAuth.login({ identityId: ids().awsIam })).rejects.toThrow(
      /401.*SignatureDoesNotMatch: The request signature we calculated does not match/,
    );
    useKeys("AKIAUNKNOWNKEY000000", ids().aws.secretAccessKey);
    await expect(new InfisicalSDK({ siteUrl: emu.url }).auth().awsIamAuth.login({ identityId: ids().awsIam })).rejects.toThrow(/401.*InvalidClientTokenId/);
    const log = JSON.stringify(await emu.requests());
    expect(log).not.toContain(ids().aws.secretAccessKey.slice(1));
  });
});

describe("sub-organizations", () => {
  const universal = (organizationSlug?: string) =>
    call(emu.url, "POST", "/api/v1/auth/universal-auth/login", {
      body: { clientId: emu.emulator.infisical.clientId, clientSecret: emu.emulator.infisical.clientSecret, ...(organizationSlug ? { organizationSlug } : {}) },
    });

  test("a token scoped to the sub-organization sees only its connections; names are unique per organization", async () => {
    const sub = pickString((await universal(emu.emulator.subOrganization.slug)).body, "accessToken");
    const root = pickString((await universal()).body, "accessToken");
    const body = { name: "same-name", method: "auth-token", credentials: { authToken: "HRKU-sub-org" } };
    const inSub = await call(emu.url, "POST", `${LIST}/heroku`, { bearer: sub, body });
    expect(inSub.status).toBe(200);
    expect((inSub.body as { appConnection: { orgId: string } }).appConnection.orgId).toBe(emu.emulator.subOrganization.id);
    expect((await call(emu.url, "POST", `${LIST}/heroku`, { bearer: root, body })).status).toBe(200);

    const names = async (bearer: string) => ((await call(emu.url, "GET", LIST, { bearer })).body as { appConnections: { orgId: string }[] }).appConnections.map((c) => c.orgId);
    expect(await names(sub)).toEqual([emu.emulator.subOrganization.id]);
    expect(await names(root)).toEqual([emu.emulator.orgId]);
    const subId = (inSub.body as { appConnection: { id: string } }).appConnection.id;
    expectError(await call(emu.url, "GET", `${LIST}/heroku/${subId}`, { bearer: root }), 404, "NotFound", `Could not find App Connection with ID ${subId}`);
    // The project belongs to the root organization.
    expect((await call(emu.url, "GET", `${LIST}?projectId=${emu.emulator.projectId}`, { bearer: sub })).status).toBe(404);
  });

  test("an unknown slug is 404 Sub organization with name … not found", async () => {
    expectError(await universal("nope"), 404, "NotFound", "Sub organization with name nope not found");
  });
});

describe("the client logs in again once when its token expires, for every method", () => {
  let short: TestEmulator;
  beforeAll(async () => {
    short = await TestEmulator.start({ tokenTtlSeconds: 0.3 });
  });
  afterAll(() => short.close());
  beforeEach(() => short.reset());
  const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

  const auths = async (): Promise<[string, InfisicalAuth][]> => {
    const i = short.emulator.identities;
    return [
      ["oidc", { kind: "oidc", identityId: i.oidc, jwt: await emulatorJwt(short, i.oidc) }],
      ["kubernetes", { kind: "kubernetes", identityId: i.kubernetes, tokenPath: tokenFile(await emulatorJwt(short, i.kubernetes)) }],
      ["aws_iam", { kind: "aws_iam", identityId: i.awsIam, region: "eu-west-1", aws: { AWS_ACCESS_KEY_ID: i.aws.accessKeyId, AWS_SECRET_ACCESS_KEY: i.aws.secretAccessKey } }],
    ];
  };

  test("an expired token (403 TokenError) is followed by one fresh login", async () => {
    for (const [method, auth] of await auths()) {
      await short.clearRequests();
      const client = new InfisicalClient({ host: short.url, auth });
      try {
        await client.listConnections();
        await sleep(450);
        await client.listConnections();
      } finally {
        await client.close();
      }
      const route = LOGIN_ROUTES[method as keyof typeof LOGIN_ROUTES];
      expect((await short.requests()).map((r) => `${r.path} ${r.status}`)).toEqual([`${route} 200`, `${LIST} 200`, `${LIST} 403`, `${route} 200`, `${LIST} 200`]);
    }
  });

  test("the Kubernetes token file is read again at every login (projected tokens rotate)", async () => {
    const i = short.emulator.identities;
    const file = tokenFile(await emulatorJwt(short, i.kubernetes));
    const client = new InfisicalClient({ host: short.url, auth: { kind: "kubernetes", identityId: i.kubernetes, tokenPath: file } });
    try {
      await client.listConnections();
      writeFileSync(file, "rotated.but-invalid");
      await sleep(450);
      await expect(client.listConnections()).rejects.toThrow(/401 UnauthorizedError .*Invalid JWT \(logging in with auth\.kubernetes/);
    } finally {
      await client.close();
    }
  });
});
