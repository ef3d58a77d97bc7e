/**
 * The engine with write-only secrets and ephemeral variables (Terraform 1.10/1.11 semantics), through its command
 * line against the emulator: the secrets reach the API (a create without its secret is refused there) and no file
 * the engine writes (state, backup, intents, saved plan) nor any output, text or --json, holds one.
 */
import { spawn } from "node:child_process";
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { useEmulatorAndStackDir } from "../support/engine-cli";

const BIN = join(__dirname, "..", "..", "bin", "vaultbridge.js");
const TENANT = "9f3c2a1e-4b5d-4e6f-8a7b-1c2d3e4f5a6b";
const CLIENT = "1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d";
const ctx = useEmulatorAndStackDir("vb-wo-");

const canary = (name: string, round: string): string => `eph-canary-${name}-${round}-51c2`;
const secretsFor = (round: string): Record<string, string> => ({
  pg: canary("pg", round),
  az: canary("az", round),
  cert: `-----BEGIN CERTIFICATE-----\n${canary("cert", round)}\n-----END CERTIFICATE-----`,
  key: `-----BEGIN PRIVATE KEY-----\n${canary("key", round)}\n-----END PRIVATE KEY-----`,
  heroku: `HRKU-${canary("heroku", round)}`,
  vault: canary("vault", round),
});

function writeStack(version: number, extra: Record<string, unknown> = {}): void {
  const { url, infisical, scrapengine } = ctx.emu.emulator;
  const v = (name: string) => `\${var.${name}}`;
  const variable = { type: "string", sensitive: true, ephemeral: true };
  writeFileSync(
    join(ctx.dir, "cdk.tf.json"),
    JSON.stringify({
      terraform: { required_providers: { infisical: { source: "vaultbridge/infisical" }, scrapengine: { source: "vaultbridge/scrapengine" } } },
      provider: {
        infisical: [{ host: url, auth: { universal: { client_id: infisical.clientId, client_secret: infisical.clientSecret } } }],
        scrapengine: [{ base_url: scrapengine.baseUrl, api_key: scrapengine.apiKey }],
      },
      variable: Object.fromEntries(Object.keys(secretsFor("x")).map((n) => [n, variable])),
      resource: {
        infisical_app_connection_postgres: { db: { name: "eng-db", credentials: { host: "db", database: "d", username: "u", password_wo: v("pg") }, credentials_wo_version: version } },
        infisical_app_connection_azure_key_vault: {
          secret: { name: "eng-az", method: "client-secret", credentials: { tenant_id: TENANT, client_id: CLIENT, client_secret_wo: v("az") }, credentials_wo_version: version },
          cert: { name: "eng-cert", method: "certificate", credentials: { tenant_id: TENANT, client_id: CLIENT, certificate_body_wo: v("cert"), private_key_wo: v("key") }, credentials_wo_version: version },
        },
        infisical_app_connection_heroku: { h: { name: "eng-heroku", credentials: { auth_token_wo: v("heroku") }, credentials_wo_version: version, ...extra } },
        scrapengine_vault_integration: { v: { name: "eng-vault", address: "https://vault.internal", role_id: "r", secret_id_wo: v("vault"), secret_id_wo_version: version } },
      },
    }),
  );
}

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}
const runs: Run[] = [];

function run(args: string[], secrets: Record<string, string> | null): Promise<Run> {
  const env: NodeJS.ProcessEnv = { ...process.env };
  for (const [k, v] of Object.entries(secrets ?? {})) env[`TF_VAR_${k}`] = v;
  const child = spawn(process.execPath, [BIN, ...args], { cwd: ctx.dir, env, stdio: ["ignore", "pipe", "pipe"] });
  let stdout = "";
  let stderr = "";
  child.stdout.on("data", (d: Buffer) => (stdout += String(d)));
  child.stderr.on("data", (d: Buffer) => (stderr += String(d)));
  return new Promise((resolve) =>
    child.on("close", (code) => {
      const r = { code, stdout, stderr };
      runs.push(r);
      resolve(r);
    }),
  );
}

/** Every file the engine left in the stack folder and every output so far, searched for the canaries. */
function leaks(): string[] {
  const texts: Record<string, string> = {};
  for (const f of readdirSync(ctx.dir)) texts[f] = readFileSync(join(ctx.dir, f), "latin1");
  runs.forEach((r, i) => (texts[`run ${i}`] = `${r.stdout}\n${r.stderr}`));
  return Object.entries(texts).flatMap(([where, text]) => (text.includes("eph-canary") ? [where] : []));
}

const writes = async (): Promise<string[]> =>
  (await ctx.emu.requests()).filter((r) => r.method !== "GET" && !r.path.includes("/auth/")).map((r) => `${r.method} ${r.path}`);

test("ephemeral variables into write-only attributes: nothing at rest, a saved plan asks for them again, no-op re-plan", async () => {
  runs.length = 0;
  writeStack(1);
  const one = secretsFor("one");
  const planned = await run(["plan", "--out", "tfplan"], one);
  expect(planned.code).toBe(0);
  expect(planned.stdout).toContain("(write-only attribute)");
  expect(planned.stdout).toContain("Plan: 5 to add, 0 to change, 0 to destroy.");

  // As terraform does: an ephemeral value is never saved, so applying the saved plan needs it again.
  await ctx.emu.clearRequests();
  const without = await run(["apply", "tfplan"], null);
  expect(without.code).toBe(1);
  expect(without.stderr).toMatch(/var\.pg is ephemeral[\s\S]*apply needs it again/);
  expect(await writes()).toEqual([]);

  const applied = await run(["apply", "tfplan"], one);
  expect(applied.code).toBe(0);
  expect((await writes()).filter((w) => w.startsWith("POST"))).toHaveLength(5);
  const state = JSON.parse(readFileSync(join(ctx.dir, "terraform.tfstate"), "utf8")) as { resources: { instances: { attributes: Record<string, unknown> }[] }[] };
  expect(state.resources).toHaveLength(5);

  const again = await run(["plan", "--detailed-exitcode"], one);
  expect(again.code).toBe(0);
  // A new value with the same version plans nothing; a new version re-sends from a JSON-printing apply.
  expect((await run(["plan", "--detailed-exitcode"], secretsFor("two"))).code).toBe(0);
  writeStack(2);
  const json = await run(["plan", "--json"], secretsFor("two"));
  expect(json.code).toBe(0);
  await ctx.emu.clearRequests();
  const bumped = await run(["apply", "--auto-approve", "--json"], secretsFor("two"));
  expect(bumped.code).toBe(0);
  expect((await writes()).map((w) => w.split(" ")[0]).sort()).toEqual(["PATCH", "PATCH", "PATCH", "PATCH", "PUT"]);
  expect((await run(["plan", "--detailed-exitcode"], secretsFor("two"))).code).toBe(0);

  expect(leaks()).toEqual([]);
}, 90_000);

test("an ephemeral variable in a stored attribute is refused at plan with its path, before any API call", async () => {
  runs.length = 0;
  writeStack(1, { description: "${var.pg}" });
  await ctx.emu.clearRequests();
  const r = await run(["plan"], secretsFor("three"));
  expect(r.code).toBe(1);
  expect(r.stderr).toMatch(/infisical_app_connection_heroku\.h\.description: var\.pg is ephemeral/);
  expect(await ctx.emu.requests()).toEqual([]);
  expect(leaks()).toEqual([]);
}, 30_000);
