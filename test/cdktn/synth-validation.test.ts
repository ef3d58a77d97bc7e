/**
 * The CDK Terrain bindings (`vaultbridge/cdktn/*`, src/cdktn/generated) validate at synth exactly as the CDKTF ones
 * do — the same rules, the same messages with the construct path — on cdktn's own App and stacks, and load no cdktf.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { App, LocalBackend, TerraformStack, TerraformVariable } from "cdktn";
import { Construct } from "constructs";
import { AppConnectionHeroku, AppConnectionPostgres, DataInfisicalAppConnections, InfisicalProvider } from "../../src/cdktn/generated/infisical";
import { ScrapengineProvider, VaultIntegration } from "../../src/cdktn/generated/scrapengine";

import { synthError } from "../support/synth-error";

process.env.CHECKPOINT_DISABLE = "1";

const outdirs: string[] = [];
afterAll(() => outdirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

function newStack(): { app: App; stack: TerraformStack; stackFile: string } {
  const outdir = mkdtempSync(join(tmpdir(), "vaultbridge-cdktn-"));
  outdirs.push(outdir);
  // cdktn checks features against the Terraform/OpenTofu versions a project targets (default >=1.5.7 / >=1.6.0);
  // write-only attributes need 1.11 (cdktf.json `targetVersions`, or this context for a standalone synth).
  const app = new App({ outdir, context: { targetVersions: { terraform: ">=1.11.0", opentofu: ">=1.11.0" } } });
  const stack = new TerraformStack(app, "stack");
  new LocalBackend(stack, { path: "terraform.tfstate" });
  new InfisicalProvider(stack, "infisical", {});
  new ScrapengineProvider(stack, "scrapengine", {});
  return { app, stack, stackFile: join(outdir, "stacks", "stack", "cdk.tf.json") };
}

test("a valid stack synthesizes, write-only twins as references whose getters read no state", () => {
  const { app, stack, stackFile } = newStack();
  const pw = new TerraformVariable(stack, "pw", { type: "string", sensitive: true });
  pw.addOverride("ephemeral", true);
  const ref = pw.stringValue;
  const pg = new AppConnectionPostgres(stack, "pg", { name: "pg-main", credentials: { host: "h", database: "d", username: "u", passwordWo: ref }, credentialsWoVersion: 1 });
  const vault = new VaultIntegration(stack, "vault", { name: "vault", address: "https://vault.example.com", roleId: "r", secretIdWo: ref, secretIdWoVersion: 1 });
  new DataInfisicalAppConnections(stack, "all", { app: "postgres" });
  app.synth();
  const tf = JSON.parse(readFileSync(stackFile, "utf8")) as { resource: Record<string, Record<string, unknown>>; data: Record<string, unknown> };
  expect(tf.resource.infisical_app_connection_postgres.pg).toMatchObject({ name: "pg-main", credentials: { password_wo: "${var.pw}" }, credentials_wo_version: 1 });
  expect(tf.data).toHaveProperty("infisical_app_connections");
  expect(pg.credentials.passwordWo).toBe(ref);
  expect(vault.secretIdWo).toBe(ref);
});

test("an invalid configuration fails app.synth() with the construct path and the attribute, nested constructs too", () => {
  const { app, stack } = newStack();
  const group = new Construct(stack, "connections");
  new AppConnectionHeroku(group, "heroku", { name: "Heroku", credentials: { authToken: "HRKU-x" }, gatewayId: "3c90c3cc-0d44-4b50-8888-8dd25736052a" });
  new VaultIntegration(stack, "vault", { name: "vault", address: "vault.example.com", roleId: "r", secretId: "s" });
  const message = synthError(app);
  expect(message).toContain("[stack/connections/heroku] name: ");
  expect(message).toMatch(/\[stack\/connections\/heroku\] gateway_id: .*Not supported for Heroku Connections/);
  expect(message).toContain("[stack/vault] address: ");
  expect(existsSync(join(app.outdir, "stacks", "stack", "cdk.tf.json"))).toBe(false);
});

test("the cdktn bindings load no cdktf", () => {
  const loaded = Object.keys(require.cache).filter((f) => /node_modules[\\/]cdktf[\\/]/.test(f));
  expect(loaded).toEqual([]);
});
