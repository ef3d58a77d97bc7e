/**
 * D2 through the real `terraform` (TF_LOG=trace): a server whose error messages echo the request (body, and
 * headers with the bearer token) must not get a secret into terraform's output or trace log. Every secret the
 * providers know carries a canary: the universal-auth client secret and the ScrapEngine API key (from the
 * environment, so that Terraform itself never sees them), a secret attribute of each resource type, and
 * write-only secrets.
 */
import { output, ownDiagnostics, resourceBlock, type RunResult } from "../support/terraform";
import { AZURE, CLIENT, HEROKU, PG, TENANT, VAULT, useEmulatorAndWorkspace } from "./helpers";

const CANARY = "canary-echo-93d2";
const TRACE = { TF_LOG: "trace" };
const CREATES = "^/api/v1/(app-connections/[a-z-]+|vault-integrations)$";

const ctx = useEmulatorAndWorkspace({ clientSecret: `cs-${CANARY}`, apiKey: `key-${CANARY}` });

/** Providers configured from the environment: the credentials never pass through Terraform. */
function providers(): string {
  return `terraform {
  required_providers {
    infisical   = { source = "vaultbridge/infisical" }
    scrapengine = { source = "vaultbridge/scrapengine" }
  }
}
provider "infisical" {}
provider "scrapengine" {}
`;
}

function env(): Record<string, string> {
  const { url, infisical, scrapengine } = ctx.emu.emulator;
  return {
    ...TRACE,
    INFISICAL_HOST: url,
    INFISICAL_UNIVERSAL_AUTH_CLIENT_ID: infisical.clientId,
    INFISICAL_UNIVERSAL_AUTH_CLIENT_SECRET: infisical.clientSecret,
    SCRAPENGINE_BASE_URL: scrapengine.baseUrl,
    SCRAPENGINE_API_KEY: scrapengine.apiKey,
  };
}

function resources(round: number): string {
  const c = (what: string) => `${what}-${CANARY}-${round}`;
  return [
    resourceBlock(AZURE, "secret", { name: "azure-secret", method: "client-secret", credentials: { tenant_id: TENANT, client_id: CLIENT, client_secret: c("cs") } }),
    resourceBlock(PG, "db", { name: "pg-main", credentials: { host: "db.internal", database: "app", username: "u", password: c("pw") } }),
    resourceBlock(HEROKU, "token", { name: "heroku-token", credentials: { auth_token: `HRKU-${c("token")}` } }),
    resourceBlock(VAULT, "vault", { name: "vault-main", address: "https://vault.example.com", role_id: "role", secret_id: c("sid") }),
    // Write-only secrets are sent under the same API field names: redacted the same way.
    resourceBlock(HEROKU, "wo", { name: "heroku-wo", credentials: { auth_token_wo: `HRKU-${c("wo-token")}` } }),
    resourceBlock(VAULT, "vault_wo", { name: "vault-wo", address: "https://vault.example.com", role_id: "role", secret_id_wo: c("wo-sid") }),
  ].join("\n");
}

function expectNoCanary(r: RunResult): void {
  const leaks = output(r)
    .split("\n")
    .filter((l) => l.includes(CANARY));
  expect({ run: r.args.join(" "), leaks }).toEqual({ run: r.args.join(" "), leaks: [] });
}

test("errors echoing logins, create and update bodies, and request headers print no secret", async () => {
  const { emu, ws } = ctx;
  ws.write({ "main.tf": `${providers()}\n${resources(1)}` });

  // The first login of each provider process, and every create, answer 400 quoting the request.
  await emu.faults([
    { method: "POST", path: "universal-auth/login$", status: 400, echoBody: true, times: 1 },
    { method: "POST", path: CREATES, status: 400, echoBody: true, echoHeaders: true },
  ]);
  const failed = await ws.run(["apply", "-auto-approve"], { env: env(), expectCode: 1 });
  expectNoCanary(failed);
  const details = ownDiagnostics(output(failed)).map((d) => d.detail);
  expect(details.some((d) => /answered 400 .*universal-auth\/login: .*"clientSecret":"\(redacted\)"/.test(d))).toBe(true);
  expect(details.some((d) => /answered 400 .*vault-integrations: .*"secretId":"\(redacted\)"/.test(d))).toBe(true);
  expect(details.some((d) => /Bearer \(redacted\)/.test(d))).toBe(true);

  // Created for real; then every update (new secrets) and every refresh answers with an echo.
  await emu.faults([]);
  await ws.apply([], { env: env() });
  ws.write({ "main.tf": `${providers()}\n${resources(2)}` });
  await emu.faults([
    { method: "PATCH", status: 500, echoBody: true, echoHeaders: true },
    { method: "PUT", status: 400, echoBody: true, echoHeaders: true },
  ]);
  const updates = await ws.run(["apply", "-auto-approve"], { env: env(), expectCode: 1 });
  expectNoCanary(updates);
  expect(ownDiagnostics(output(updates)).filter((d) => d.detail.includes("(redacted)")).length).toBeGreaterThanOrEqual(4);

  await emu.faults([{ method: "GET", status: 500, echoHeaders: true }]);
  const refresh = await ws.run(["plan"], { env: env(), expectCode: 1 });
  expectNoCanary(refresh);
  expect(ownDiagnostics(output(refresh)).map((d) => d.detail).join("\n")).toContain("Bearer (redacted)");
}, 120_000);
