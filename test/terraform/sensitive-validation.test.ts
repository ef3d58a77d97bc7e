/**
 * D3 through the real `terraform` (TF_LOG=trace): invalid values that come from sensitive variables are refused
 * at plan with the attribute path and the reason, and never quoted. Terraform strips sensitivity marks before a
 * provider sees the configuration, so no validator may quote any value. Each validator kind gets a canary.
 */
import { output, ownDiagnostics, raw, resourceBlock } from "../support/terraform";
import { AZURE, CLIENT, HEROKU, PG, TENANT, VAULT, useEmulatorAndWorkspace } from "./helpers";

const CANARY = "canary-d3-5c0a";
/** Canaries for number attributes: numbers that appear nowhere else. */
const PORT = 987_654;
const DAYS = 43_219;

const VARIABLES: Record<string, string | number> = {
  bad_name: `Not A Slug ${CANARY}`,
  long_description: `${CANARY} ${"x".repeat(300)}`,
  bad_uuid: `uuid-${CANARY}`,
  bad_method: `method-${CANARY}`,
  bad_address: `ftp://${CANARY}`,
  bad_type: `type-${CANARY}`,
  bad_port: PORT,
  bad_days: DAYS,
};

const ctx = useEmulatorAndWorkspace();

const v = (name: string) => raw(`var.${name}`);

test("sensitive invalid values are refused at plan and never printed", async () => {
  const { emu, ws } = ctx;
  const variables = Object.entries(VARIABLES)
    .map(([name, value]) => `variable "${name}" {\n  type      = ${typeof value === "number" ? "number" : "string"}\n  sensitive = true\n}\n`)
    .join("\n");
  const { url, infisical, scrapengine } = emu.emulator;
  ws.write({
    "main.tf": [
      `terraform {\n  required_providers {\n    infisical   = { source = "vaultbridge/infisical" }\n    scrapengine = { source = "vaultbridge/scrapengine" }\n  }\n}`,
      `provider "infisical" {\n  host = "${url}"\n  auth = { universal = { client_id = "${infisical.clientId}", client_secret = "${infisical.clientSecret}" } }\n}`,
      `provider "scrapengine" {\n  base_url = "${scrapengine.baseUrl}"\n  api_key  = "${scrapengine.apiKey}"\n}`,
      variables,
      resourceBlock(HEROKU, "h", { name: v("bad_name"), description: v("long_description"), credentials: { auth_token: "HRKU-x" } }),
      resourceBlock(PG, "db", { name: "db", gateway_id: v("bad_uuid"), credentials: { host: "h", port: v("bad_port"), database: "d", username: "u", password: "p" } }),
      resourceBlock(AZURE, "az", {
        name: "az",
        method: v("bad_method"),
        credentials: { tenant_id: v("bad_uuid"), client_id: CLIENT },
        rotation: { rotation_interval: v("bad_days"), rotate_at_utc: { hours: 1, minutes: 0 } },
      }),
      resourceBlock(AZURE, "az2", { name: "az2", method: "client-secret", credentials: { tenant_id: TENANT, client_id: CLIENT, client_secret: "s" } }),
      resourceBlock(VAULT, "vault", { name: "v", type: v("bad_type"), address: v("bad_address"), role_id: "r", secret_id: "s" }),
    ].join("\n"),
    "terraform.tfvars.json": JSON.stringify(VARIABLES),
  });
  const plan = await ws.run(["plan"], { env: { TF_LOG: "trace" }, expectCode: 1 });
  const all = output(plan);
  const leaks = all.split("\n").filter((l) => l.includes(CANARY) || l.includes(String(PORT)) || l.includes(String(DAYS)));
  expect(leaks).toEqual([]);

  const details = ownDiagnostics(all).map((d) => d.detail);
  for (const expected of [
    /^name must be a lowercase slug/,
    /^description must be 0–256 characters long; the value has \d+\.$/,
    /^gateway_id must be a UUID such as/,
    /^credentials\.port must be a whole number from 1–65535\.$/,
    /^method must be one of: "oauth", "client-secret", "certificate"\.$/,
    /^credentials\.tenant_id must be a UUID/,
    /^rotation\.rotation_interval must be a whole number from 1–365 days\.$/,
    /^type must be one of: "hashicorp"\.$/,
    /^address must be an http:\/\/ or https:\/\/ URL/,
  ]) {
    expect({ expected: String(expected), found: details.some((d) => expected.test(d)) }).toEqual({ expected: String(expected), found: true });
  }
  expect((await emu.requests()).filter((r) => !r.path.includes("/auth/"))).toEqual([]);
}, 60_000);
