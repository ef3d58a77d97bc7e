/**
 * Acceptance, through the real `terraform` binary and the bundled provider: apply + destroy with every login
 * method from the environment and from the provider block (OIDC with token_environment_variable_name, Kubernetes
 * from a token file, AWS IAM from env keys), the emulator's log showing the method's login route; the connection
 * of a sub-organization login absent from the root organization; and each bad setting refused by name before any
 * write, with no secret in the output — the debug log included.
 */
import { AWS_SAFE_ENV, authCase, authStack, LOGIN_ROUTES, type Method, type Source, subOrganizationToken, tokenFile, writeCalls } from "../support/auth-cases";
import { call } from "../support/http";
import { describeRun, type RunResult } from "../support/terraform";
import { listConnections, useEmulatorAndWorkspace } from "./helpers";

const suite = useEmulatorAndWorkspace();

const output = (r: RunResult) => `${r.stdout}\n${r.stderr}`;
const DEBUG = { TF_LOG: "debug" };

const cases: [Method, Source][] = (["oidc", "kubernetes", "aws_iam"] as const).flatMap((m) => [
  [m, "env"] as [Method, Source],
  [m, "config"] as [Method, Source],
]);

test.each(cases)("%s login from %s: terraform apply and destroy", async (method, source) => {
  const c = await authCase(suite.emu, method, source);
  const name = `tf-${method.replace("_", "-")}-${source}`;
  suite.ws.write({ "main.tf.json": authStack(suite.emu, c.auth, name) });
  const env = { ...AWS_SAFE_ENV, ...c.env, ...DEBUG };

  const applied = await suite.ws.apply([], { env });
  const logins = (await suite.emu.requests()).filter((r) => r.path.startsWith("/api/v1/auth/"));
  expect(logins.length).toBeGreaterThan(0);
  expect(logins.map((r) => `${r.path} ${r.status}`)).toEqual(logins.map(() => `${c.route} 200`));
  expect((await listConnections(suite.emu)).map((x) => x.name)).toEqual([name]);

  const destroyed = await suite.ws.run(["destroy", "-auto-approve"], { env, expectCode: 0 });
  expect(await listConnections(suite.emu)).toEqual([]);
  for (const r of [applied, destroyed]) for (const secret of c.secrets) expect(output(r)).not.toContain(secret);
});

test("aws_iam with keys from a shared credentials file profile (the AWS chain, no key in the environment)", async () => {
  const { aws, awsIam } = suite.emu.emulator.identities;
  const credentials = tokenFile(`[ci]\naws_access_key_id = ${aws.accessKeyId}\naws_secret_access_key = ${aws.secretAccessKey}`);
  suite.ws.write({ "main.tf.json": authStack(suite.emu, { aws_iam: { identity_id: awsIam } }, "tf-aws-profile") });
  const env = { ...AWS_SAFE_ENV, AWS_SHARED_CREDENTIALS_FILE: credentials, AWS_CONFIG_FILE: `${credentials}.absent`, AWS_PROFILE: "ci", ...DEBUG };
  const applied = await suite.ws.apply([], { env });
  expect((await suite.emu.requests()).filter((r) => r.path.startsWith("/api/v1/auth/")).map((r) => `${r.path} ${r.status}`)).toEqual([`${LOGIN_ROUTES.aws_iam} 200`]);
  await suite.ws.run(["destroy", "-auto-approve"], { env, expectCode: 0 });
  expect(output(applied)).not.toContain(aws.secretAccessKey);
});

test("organization_slug: created in the sub-organization, absent from the root one", async () => {
  const c = await authCase(suite.emu, "kubernetes", "config");
  const { slug, id } = suite.emu.emulator.subOrganization;
  suite.ws.write({ "main.tf.json": authStack(suite.emu, { ...c.auth, organization_slug: slug }, "tf-sub-org") });
  await suite.ws.apply([], { env: { ...AWS_SAFE_ENV, ...c.env } });
  expect(suite.ws.attributes("infisical_app_connection_heroku.web").org_id).toBe(id);

  expect(await listConnections(suite.emu)).toEqual([]);
  const inSub = await call(suite.emu.url, "GET", "/api/v1/app-connections", { bearer: await subOrganizationToken(suite.emu) });
  expect((inSub.body as { appConnections: { name: string }[] }).appConnections.map((x) => x.name)).toEqual(["tf-sub-org"]);

  await suite.ws.plan(0, [], { env: { ...AWS_SAFE_ENV, ...c.env } });
  await suite.ws.run(["destroy", "-auto-approve"], { env: { ...AWS_SAFE_ENV, ...c.env }, expectCode: 0 });
  expect((await call(suite.emu.url, "GET", "/api/v1/app-connections", { bearer: await subOrganizationToken(suite.emu) })).body).toEqual({ appConnections: [] });
});

describe("bad settings: refused naming the setting, nothing written, no secret shown", () => {
  const SECRET = "super-secret-jwt-value-0815";
  // Terraform quotes the configuration's source lines in its errors: a secret comes from a sensitive variable.
  const SECRET_REF = "${var.secret}";
  const withSecret = (stack: string) =>
    JSON.stringify({ ...JSON.parse(stack), variable: { secret: { type: "string", sensitive: true } } });
  const refused = async (auth: Record<string, unknown> | undefined, env: Record<string, string>, provider: Record<string, unknown> = {}) => {
    suite.ws.write({ "main.tf.json": withSecret(authStack(suite.emu, auth, "refused", provider)) });
    const r = await suite.ws.run(["apply", "-auto-approve"], { env: { ...AWS_SAFE_ENV, ...env, ...DEBUG, TF_VAR_secret: SECRET } });
    if (r.code !== 1) throw new Error(`expected apply to fail\n${describeRun(r)}`);
    expect(writeCalls(await suite.emu.requests())).toEqual([]);
    const text = output(r);
    expect(text).not.toContain(SECRET);
    expect(text).not.toMatch(/bug in vaultbridge/);
    return r.stdout + r.stderr;
  };
  // Terraform wraps long diagnostic lines: compare with the whitespace folded.
  const flat = (s: string) => s.replace(/\s+/g, " ");

  test("unknown INFISICAL_AUTH_METHOD", async () => {
    const text = flat(await refused(undefined, { INFISICAL_AUTH_METHOD: "github", INFISICAL_AUTH_JWT: SECRET }));
    expect(text).toContain('INFISICAL_AUTH_METHOD is "github", which is not a method; it must be one of: token, universal, oidc, kubernetes, aws_iam');
  });

  test("OIDC without a JWT", async () => {
    const text = flat(await refused({ oidc: { identity_id: suite.emu.emulator.identities.oidc, token_environment_variable_name: "GITHUB_OIDC_JWT" } }, {}));
    expect(text).toContain("in the environment variable GITHUB_OIDC_JWT, which is not set or empty");
    expect(text).toContain("auth.oidc.token_environment_variable_name or INFISICAL_OIDC_AUTH_TOKEN_NAME");
  });

  test("a missing token file", async () => {
    const text = flat(await refused(undefined, {
      INFISICAL_AUTH_METHOD: "kubernetes",
      INFISICAL_MACHINE_IDENTITY_ID: suite.emu.emulator.identities.kubernetes,
      INFISICAL_KUBERNETES_SERVICE_ACCOUNT_TOKEN_PATH: "/nonexistent/sa/token",
    }));
    expect(text).toContain("/nonexistent/sa/token, which cannot be read (ENOENT)");
    expect(text).toContain("auth.kubernetes.service_account_token_path or INFISICAL_KUBERNETES_SERVICE_ACCOUNT_TOKEN_PATH");
  });

  test("two methods", async () => {
    const text = flat(await refused({ token: SECRET_REF, kubernetes: { identity_id: "x" } }, {}));
    expect(text).toContain("auth.token and auth.kubernetes are both set; use exactly one method");
  });

  test("host without a scheme, in the block and in INFISICAL_HOST", async () => {
    const host = `127.0.0.1:${new URL(suite.emu.url).port}`;
    const inBlock = flat(await refused({ token: SECRET_REF }, {}, { host }));
    expect(inBlock).toContain(`host must be an http:// or https:// URL with a host, such as https://app.infisical.com`);
    suite.ws.write({ "main.tf.json": JSON.stringify({ ...JSON.parse(authStack(suite.emu, undefined, "refused")), provider: { infisical: [{}] } }) });
    const r = await suite.ws.run(["apply", "-auto-approve"], { env: { INFISICAL_HOST: host, INFISICAL_TOKEN: SECRET } });
    expect(r.code).toBe(1);
    expect(flat(output(r))).toContain(`INFISICAL_HOST must be an http:// or https:// URL with a host, such as https://app.infisical.com or https://eu.infisical.com.`);
    expect(output(r)).not.toMatch(/bug in vaultbridge/);
    expect(output(r)).not.toContain(host);
    expect(output(r)).not.toContain(SECRET);
    expect(await suite.emu.requests()).toEqual([]);
  });

  test("an unknown organization slug", async () => {
    const c = await authCase(suite.emu, "aws_iam", "env");
    const text = flat(await refused(undefined, { ...c.env, INFISICAL_AUTH_ORGANIZATION_SLUG: "no-such-org" }));
    expect(text).toContain('to organization "no-such-org" (auth.organization_slug or INFISICAL_AUTH_ORGANIZATION_SLUG))');
    expect(text).toContain("Sub organization with name no-such-org not found");
    for (const s of c.secrets) expect(text).not.toContain(s);
    expect((await suite.emu.requests()).map((r) => `${r.method} ${r.path} ${r.status}`)).toContain(`POST ${LOGIN_ROUTES.aws_iam} 404`);
  });
});
