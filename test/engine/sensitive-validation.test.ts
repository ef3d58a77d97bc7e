/**
 * D3 through the engine's command line (text and --json): invalid values from sensitive variables are refused at
 * plan with the path and the reason, never quoted (validators, and the engine's own count check). Assumes dist/ is
 * built.
 */
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { runVaultbridge, useEmulatorAndStackDir } from "../support/engine-cli";

const CANARY = "canary-engine-d3-77a1";
const ctx = useEmulatorAndStackDir("vb-d3-");

async function run(args: string[]): Promise<{ code: number | null; out: string }> {
  const env = { ...process.env, TF_VAR_bad_name: `Bad Name ${CANARY}`, TF_VAR_bad_address: `ftp://${CANARY}`, TF_VAR_bad_count: "-986532" };
  const r = await runVaultbridge(args, ctx.dir, env);
  return { code: r.code, out: `${r.stdout}\n${r.stderr}` };
}

function writeStack(resource: Record<string, unknown>): void {
  const { url, infisical, scrapengine } = ctx.emu.emulator;
  writeFileSync(
    join(ctx.dir, "cdk.tf.json"),
    JSON.stringify({
      provider: {
        infisical: [{ host: url, auth: { universal: { client_id: infisical.clientId, client_secret: infisical.clientSecret } } }],
        scrapengine: [{ base_url: scrapengine.baseUrl, api_key: scrapengine.apiKey }],
      },
      variable: {
        bad_name: { type: "string", sensitive: true },
        bad_address: { type: "string", sensitive: true },
        bad_count: { type: "number", sensitive: true },
      },
      resource,
    }),
  );
}

const leaks = (out: string) => out.split("\n").filter((l) => l.includes(CANARY) || l.includes("986532"));

test.each([[[] as string[]], [["--json"]]])("plan %j: the errors name the attributes, not the values", async (extra) => {
  writeStack({
    infisical_app_connection_heroku: { web: { name: "${var.bad_name}", credentials: { auth_token: "HRKU-x" } } },
    scrapengine_vault_integration: { v: { name: "v", address: "${var.bad_address}", role_id: "r", secret_id: "s" } },
  });
  const plan = await run(["plan", ...extra]);
  expect(plan.code).toBe(1);
  expect(leaks(plan.out)).toEqual([]);
  expect(plan.out).toContain("name must be a lowercase slug");
  expect(plan.out).toContain("address must be an http:// or https:// URL");

  writeStack({ infisical_app_connection_heroku: { many: { count: "${var.bad_count}", name: "many", credentials: { auth_token: "HRKU-x" } } } });
  const counted = await run(["plan", ...extra]);
  expect(counted.code).toBe(1);
  expect(leaks(counted.out)).toEqual([]);
  expect(counted.out).toContain("count must be a whole number");
});
