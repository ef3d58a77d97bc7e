/**
 * Every login method through the engine (the same provider configuration code as terraform's): apply + destroy
 * with each method from the environment and from the provider block, the sub-organization, and every bad setting
 * refused at plan time naming it, with no write call and no secret in any output.
 */
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { apply, plan } from "../../src/engine/engine";
import type { Diagnostic } from "../../src/framework/diagnostics";
import { AWS_SAFE_ENV, authCase, authStack, LOGIN_ROUTES, type Method, type Source, subOrganizationToken, writeCalls } from "../support/auth-cases";
import { useEmulatorAndStackDir } from "../support/engine-cli";
import { call } from "../support/http";

const suite = useEmulatorAndStackDir("vb-engine-auth-");

/** The process environment without anything that would pick a login or an AWS identity by itself. */
function cleanEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [k, v] of Object.entries(process.env)) if (!/^(INFISICAL_|AWS_|TF_)/.test(k)) env[k] = v;
  return { ...env, ...AWS_SAFE_ENV, ...extra };
}

const errors = (diags: readonly Diagnostic[]) => diags.filter((d) => d.severity === "error");
const everything = (diags: readonly Diagnostic[]) => diags.map((d) => `${d.summary}: ${d.detail}`).join("\n");

const cases: [Method, Source][] = (["oidc", "kubernetes", "aws_iam"] as const).flatMap((m) => [
  [m, "env"] as [Method, Source],
  [m, "config"] as [Method, Source],
]);

test.each(cases)("%s login from %s: apply and destroy", async (method, source) => {
  const c = await authCase(suite.emu, method, source);
  writeFileSync(join(suite.dir, "cdk.tf.json"), authStack(suite.emu, c.auth, `engine-${method.replace("_", "-")}-${source}`));
  const env = cleanEnv(c.env);

  const created = await apply(await plan(suite.dir, { env }), { env });
  expect(errors(created.diagnostics)).toEqual([]);
  expect(created.applied).toBe(1);
  const requests = await suite.emu.requests();
  expect(requests.filter((r) => r.path.startsWith("/api/v1/auth/")).map((r) => `${r.path} ${r.status}`)).toContain(`${c.route} 200`);
  expect(requests.some((r) => r.path === "/api/v1/auth/universal-auth/login")).toBe(false);
  expect(writeCalls(requests)).toEqual(["POST /api/v1/app-connections/heroku"]);

  const destroyed = await apply(await plan(suite.dir, { env, destroy: true }), { env });
  expect(errors(destroyed.diagnostics)).toEqual([]);
  expect((await suite.emu.infisical("GET", "/api/v1/app-connections")).body).toEqual({ appConnections: [] });
  for (const secret of c.secrets) expect(everything([...created.diagnostics, ...destroyed.diagnostics])).not.toContain(secret);
});

test("organization_slug: the connection lands in the sub-organization, not the root one", async () => {
  const c = await authCase(suite.emu, "oidc", "config");
  const { slug, id } = suite.emu.emulator.subOrganization;
  writeFileSync(join(suite.dir, "cdk.tf.json"), authStack(suite.emu, { ...c.auth, organization_slug: slug }, "in-sub-org"));
  const env = cleanEnv(c.env);
  const created = await apply(await plan(suite.dir, { env }), { env });
  expect(errors(created.diagnostics)).toEqual([]);

  // The root organization (universal auth lands there) does not see it.
  expect((await suite.emu.infisical("GET", "/api/v1/app-connections")).body).toEqual({ appConnections: [] });
  const subToken = await subOrganizationToken(suite.emu);
  const inSub = await call(suite.emu.url, "GET", "/api/v1/app-connections", { bearer: subToken });
  const rows = (inSub.body as { appConnections: { name: string; orgId: string }[] }).appConnections;
  expect(rows.map((x) => [x.name, x.orgId])).toEqual([["in-sub-org", id]]);

  // INFISICAL_AUTH_ORGANIZATION_SLUG does the same from the environment; destroy through it.
  writeFileSync(join(suite.dir, "cdk.tf.json"), authStack(suite.emu, c.auth, "in-sub-org"));
  const subEnv = cleanEnv({ ...c.env, INFISICAL_AUTH_ORGANIZATION_SLUG: slug });
  const destroyed = await apply(await plan(suite.dir, { env: subEnv, destroy: true }), { env: subEnv });
  expect(errors(destroyed.diagnostics)).toEqual([]);
  expect((await call(suite.emu.url, "GET", "/api/v1/app-connections", { bearer: subToken })).body).toEqual({ appConnections: [] });
});

describe("bad settings are refused at plan time, naming the setting, with no write call and no secret shown", () => {
  const run = async (auth: Record<string, unknown> | undefined, extraEnv: Record<string, string>, provider: Record<string, unknown> = {}) => {
    writeFileSync(join(suite.dir, "cdk.tf.json"), authStack(suite.emu, auth, "refused", provider));
    const env = cleanEnv(extraEnv);
    const planned = await plan(suite.dir, { env });
    const applied = await apply(planned, { env });
    return { diags: [...planned.diagnostics, ...applied.diagnostics], writes: writeCalls(await suite.emu.requests()) };
  };
  const SECRET = "super-secret-jwt-value-4711";

  test.each([
    ["unknown INFISICAL_AUTH_METHOD", undefined, { INFISICAL_AUTH_METHOD: "github", INFISICAL_AUTH_JWT: SECRET }, ["INFISICAL_AUTH_METHOD", '"github"', "aws_iam"]],
    ["OIDC without a JWT", { oidc: { identity_id: "id-1" } }, {}, ["INFISICAL_AUTH_JWT", "auth.oidc.token_environment_variable_name", "INFISICAL_OIDC_AUTH_TOKEN_NAME"]],
    ["OIDC without an identity", undefined, { INFISICAL_AUTH_METHOD: "oidc", INFISICAL_AUTH_JWT: SECRET }, ["auth.oidc.identity_id", "INFISICAL_MACHINE_IDENTITY_ID"]],
    ["a missing token file", { kubernetes: { identity_id: "id-1", service_account_token_path: "/nonexistent/token" } }, {}, ["/nonexistent/token", "auth.kubernetes.service_account_token_path", "INFISICAL_KUBERNETES_SERVICE_ACCOUNT_TOKEN_PATH"]],
    ["two methods", { oidc: { identity_id: "id-1" }, aws_iam: { identity_id: "id-2" } }, { INFISICAL_AUTH_JWT: SECRET }, ["auth.oidc and auth.aws_iam"]],
    ["a slug with a token", { token: SECRET, organization_slug: "x" }, {}, ["auth.organization_slug", "INFISICAL_AUTH_ORGANIZATION_SLUG"]],
  ])("%s", async (_name, auth, extraEnv, mentions) => {
    const { diags, writes } = await run(auth, extraEnv);
    const text = everything(errors(diags));
    for (const m of mentions) expect(text).toContain(m);
    expect(text).not.toContain(SECRET);
    expect(text).not.toMatch(/bug in vaultbridge/);
    expect(writes).toEqual([]);
    expect(await suite.emu.requests()).toEqual([]);
  });

  test("host without a scheme, in config and in INFISICAL_HOST", async () => {
    const fromConfig = await run({ token: SECRET }, {}, { host: "app.infisical.com" });
    expect(everything(errors(fromConfig.diags))).toMatch(/host must be an http:\/\/ or https:\/\/ URL with a host, such as https:\/\/app\.infisical\.com/);
    writeFileSync(join(suite.dir, "cdk.tf.json"), JSON.stringify({ ...JSON.parse(authStack(suite.emu, { token: SECRET }, "refused")), provider: { infisical: [{ auth: { token: SECRET } }] } }));
    const env = cleanEnv({ INFISICAL_HOST: `127.0.0.1:${new URL(suite.emu.url).port}` });
    const fromEnv = await plan(suite.dir, { env });
    const text = everything(errors(fromEnv.diagnostics));
    expect(text).toMatch(/INFISICAL_HOST must be an http:\/\/ or https:\/\/ URL with a host, such as https:\/\/app\.infisical\.com/);
    for (const t of [fromConfig.diags, fromEnv.diagnostics]) {
      expect(everything(t)).not.toMatch(/bug in vaultbridge/);
      expect(everything(t)).not.toContain(SECRET);
    }
    expect(await suite.emu.requests()).toEqual([]);
  });

  test("an unknown organization slug: the login is refused naming the slug's settings; nothing is written", async () => {
    const c = await authCase(suite.emu, "aws_iam", "config");
    const { diags, writes } = await run({ ...c.auth, organization_slug: "no-such-org" }, c.env);
    const text = everything(errors(diags));
    expect(text).toContain('organization "no-such-org" (auth.organization_slug or INFISICAL_AUTH_ORGANIZATION_SLUG)');
    expect(text).toContain("Sub organization with name no-such-org not found");
    for (const s of c.secrets) expect(text).not.toContain(s);
    expect(writes).toEqual([]);
    expect((await suite.emu.requests()).map((r) => `${r.method} ${r.path} ${r.status}`)).toEqual([`POST ${LOGIN_ROUTES.aws_iam} 404`]);
  });
});
