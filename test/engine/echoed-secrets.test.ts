/**
 * D2 through the engine's command line (text and --json): a server whose error messages echo the request must not
 * get a secret into the engine's output. Provider credentials (from the environment), the access token and each
 * resource's secret carry a canary. Assumes dist/ is built.
 */
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { runVaultbridge, useEmulatorAndStackDir } from "../support/engine-cli";

const CANARY = "canary-engine-echo-1b7e";
const ctx = useEmulatorAndStackDir("vb-echo-", { clientSecret: `cs-${CANARY}`, apiKey: `key-${CANARY}` });

beforeEach(() => {
  writeFileSync(
    join(ctx.dir, "cdk.tf.json"),
    JSON.stringify({
      terraform: { required_providers: { infisical: { source: "vaultbridge/infisical" }, scrapengine: { source: "vaultbridge/scrapengine" } } },
      provider: { infisical: [{}], scrapengine: [{}] },
      variable: { pw: { type: "string", sensitive: true } },
      resource: {
        infisical_app_connection_postgres: { db: { name: "db", credentials: { host: "h", database: "d", username: "u", password: "${var.pw}" } } },
        infisical_app_connection_heroku: { web: { name: "web", credentials: { auth_token: `HRKU-${CANARY}` } } },
        scrapengine_vault_integration: { v: { name: "v", address: "https://vault.example.com", role_id: "r", secret_id: `sid-${CANARY}` } },
      },
    }),
  );
});

async function run(args: string[]): Promise<{ code: number | null; out: string }> {
  const { url, infisical, scrapengine } = ctx.emu.emulator;
  const env = {
    ...process.env,
    TF_VAR_pw: `pw-${CANARY}`,
    INFISICAL_HOST: url,
    INFISICAL_UNIVERSAL_AUTH_CLIENT_ID: infisical.clientId,
    INFISICAL_UNIVERSAL_AUTH_CLIENT_SECRET: infisical.clientSecret,
    SCRAPENGINE_BASE_URL: scrapengine.baseUrl,
    SCRAPENGINE_API_KEY: scrapengine.apiKey,
  };
  const r = await runVaultbridge(args, ctx.dir, env);
  return { code: r.code, out: `${r.stdout}\n${r.stderr}` };
}

test.each([[[] as string[]], [["--json"]]])("apply %j: echoed logins and bodies print no secret", async (extra) => {
  await ctx.emu.faults([
    { method: "POST", path: "universal-auth/login$", status: 400, echoBody: true, times: 1 },
    { method: "POST", path: "^/api/v1/(app-connections/[a-z-]+|vault-integrations)$", status: 400, echoBody: true, echoHeaders: true },
  ]);
  const first = await run(["apply", "--auto-approve", ...extra]);
  expect(first.code).toBe(1);
  expect(first.out).toContain("(redacted)");
  expect(first.out.split("\n").filter((l) => l.includes(CANARY))).toEqual([]);
  // Logged in by now: every create's echo carries the bearer token too.
  const second = await run(["apply", "--auto-approve", ...extra]);
  expect(second.code).toBe(1);
  expect(second.out).toContain("Bearer (redacted)");
  expect(second.out.split("\n").filter((l) => l.includes(CANARY))).toEqual([]);
});
