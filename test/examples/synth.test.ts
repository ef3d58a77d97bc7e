/**
 * examples/basic as a user's CDKTF app: it compiles under `tsc --strict` with its own tsconfig (the root type-check
 * leaves examples/ out), synthesizes one resource of each type with a relative local backend, and keeps secrets
 * out of every synthesized file. The root cdktf.json names the same app.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { BASIC, CDKTN, cleanEnv, filesUnder, PLANTED, remove, requireBuild, ROOT, run, synthBasic, tempDir, TSX_CJS } from "./helpers";

let work: string;
beforeAll(() => {
  requireBuild();
  work = tempDir("example-synth");
});
afterAll(() => remove(work));

/** Everything a careless app might leak from: the stack's TF_VAR_ secrets and the providers' credentials. */
const PLANTED_ENV = {
  ...PLANTED,
  INFISICAL_HOST: "http://127.0.0.1:9",
  INFISICAL_UNIVERSAL_AUTH_CLIENT_ID: "planted-client-id-7d1c",
  INFISICAL_UNIVERSAL_AUTH_CLIENT_SECRET: "planted-client-secret-7d1c",
  INFISICAL_TOKEN: "planted-token-7d1c",
  SCRAPENGINE_BASE_URL: "http://127.0.0.1:9/api/v1",
  SCRAPENGINE_API_KEY: "planted-api-key-7d1c",
};
const SECRET_VALUES = Object.entries(PLANTED_ENV)
  .filter(([k]) => !k.endsWith("_HOST") && !k.endsWith("_BASE_URL") && !k.endsWith("_CLIENT_ID"))
  .map(([, v]) => v);

type Doc = {
  terraform: { backend: Record<string, { path: string }>; required_providers: Record<string, { source: string }> };
  provider: Record<string, Record<string, unknown>[]>;
  variable: Record<string, { sensitive?: boolean; default?: unknown }>;
  resource: Record<string, Record<string, Record<string, unknown>>>;
};

test.each([
  ["examples/basic", BASIC],
  ["examples/cdktn", CDKTN],
])("%s compiles under tsc --strict with its own tsconfig", async (_example, dir) => {
  const tsconfig = JSON.parse(readFileSync(join(dir, "tsconfig.json"), "utf8")) as { compilerOptions: { strict: boolean } };
  expect(tsconfig.compilerOptions.strict).toBe(true);
  const tsc = join(ROOT, "node_modules", "typescript", "bin", "tsc");
  const r = await run(process.execPath, [tsc, "-p", join(dir, "tsconfig.json"), "--strict", "--noEmit"], { cwd: dir, env: cleanEnv() });
  expect(r.stdout + r.stderr).toBe("");
  expect(r.code).toBe(0);
}, 60_000);

test("synthesizes one resource of each type, secrets as sensitive variables, state next to cdk.tf.json", async () => {
  const out = join(work, "out");
  const stack = await synthBasic(out, cleanEnv(PLANTED_ENV));
  const doc = JSON.parse(readFileSync(join(stack, "cdk.tf.json"), "utf8")) as Doc;

  expect(doc.terraform.backend).toEqual({ local: { path: "terraform.tfstate" } });
  expect(Object.values(doc.terraform.required_providers).map((p) => p.source).sort()).toEqual([
    "registry.terraform.io/vaultbridge/infisical",
    "registry.terraform.io/vaultbridge/scrapengine",
  ]);
  // Host and credentials are left to the environment, so the same stack runs against the emulator or the services.
  expect(doc.provider).toEqual({ infisical: [{}], scrapengine: [{}] });
  expect(Object.fromEntries(Object.entries(doc.resource).map(([type, byName]) => [type, Object.keys(byName)]))).toEqual({
    infisical_app_connection_azure_key_vault: ["keyvault"],
    infisical_app_connection_heroku: ["web"],
    infisical_app_connection_postgres: ["orders"],
    scrapengine_vault_integration: ["vault"],
  });

  const secretVars = ["azure_client_secret", "heroku_auth_token", "pg_password", "vault_secret_id"];
  expect(Object.keys(doc.variable).sort()).toEqual(secretVars);
  for (const name of secretVars) {
    // Ephemeral secrets into write-only attributes: the synthesized stack holds only references.
    expect(doc.variable[name]).toMatchObject({ sensitive: true, ephemeral: true });
    expect(doc.variable[name]).not.toHaveProperty("default");
  }
  const r = doc.resource;
  expect(r.infisical_app_connection_postgres.orders.credentials).toMatchObject({ password_wo: "${var.pg_password}" });
  expect(r.infisical_app_connection_postgres.orders.credentials).not.toHaveProperty("password");
  expect(r.infisical_app_connection_postgres.orders.credentials_wo_version).toBe(1);
  expect(r.infisical_app_connection_heroku.web.credentials).toEqual({ auth_token_wo: "${var.heroku_auth_token}" });
  expect(r.infisical_app_connection_azure_key_vault.keyvault).toMatchObject({
    method: "client-secret",
    credentials: { client_secret_wo: "${var.azure_client_secret}" },
    credentials_wo_version: 1,
    is_auto_rotation_enabled: true,
    rotation: { rotation_interval: 30, rotate_at_utc: { hours: 3, minutes: 0 } },
  });
  expect(r.scrapengine_vault_integration.vault).toMatchObject({ secret_id_wo: "${var.vault_secret_id}", secret_id_wo_version: 1 });

  // No secret value anywhere in what was synthesized (cdk.tf.json, manifest.json, ...).
  const files = filesUnder(out);
  expect(files.map((f) => f.path.slice(out.length + 1)).sort()).toEqual(["manifest.json", "stacks/basic/cdk.tf.json"]);
  for (const f of files) for (const secret of SECRET_VALUES) expect({ file: f.path, leaked: f.text.includes(secret) }).toEqual({ file: f.path, leaked: false });
}, 60_000);

test("the root cdktf.json and the example's cdktf.json name the same app", async () => {
  const root = JSON.parse(readFileSync(join(ROOT, "cdktf.json"), "utf8")) as { app: string; output: string; language: string };
  const basic = JSON.parse(readFileSync(join(BASIC, "cdktf.json"), "utf8")) as { app: string; output: string };
  expect(root).toMatchObject({ language: "typescript", output: "cdktf.out" });
  expect(root.app).toBe("node --require tsx/cjs examples/basic/main.ts");
  expect(basic.app).toBe("node --require tsx/cjs main.ts");

  // The root app, run as the engine would run it (a shell command from the repo root), writes the same stack.
  const out = join(work, "root-out");
  const args = root.app.split(" ").slice(1).map((a) => (a === "tsx/cjs" ? TSX_CJS : a));
  await run(process.execPath, args, { cwd: ROOT, env: cleanEnv({ ...PLANTED_ENV, CDKTF_OUTDIR: out }), expect: 0 });
  const fromRoot = readFileSync(join(out, "stacks", "basic", "cdk.tf.json"), "utf8");
  expect(fromRoot).toBe(readFileSync(join(work, "out", "stacks", "basic", "cdk.tf.json"), "utf8"));
}, 60_000);

test("construct validations run at app.synth() and Testing.synth(stack, true), not at Testing.synth(stack)", () => {
  // What the README tells users about unit-testing their stacks. The bindings here are the same classes the package
  // exports as vaultbridge/infisical (loaded from src/ so this test needs no package-name resolution).
  const { App, Testing, TerraformStack } = require("cdktf") as typeof import("cdktf");
  const { AppConnectionHeroku, InfisicalProvider } = require("../../src/cdktf/generated/infisical") as typeof import("../../src/cdktf/generated/infisical");
  const make = (): { app: InstanceType<typeof App>; stack: InstanceType<typeof TerraformStack> } => {
    const app = new App({ outdir: join(work, "invalid-out") });
    const stack = new TerraformStack(app, "bad");
    new InfisicalProvider(stack, "infisical", {});
    new AppConnectionHeroku(stack, "web", { name: "Heroku Web", credentials: { authToken: "HRKU-x" }, isPlatformManagedCredentials: true });
    return { app, stack };
  };
  expect(() => Testing.synth(make().stack)).not.toThrow();
  expect(() => Testing.synth(make().stack, true)).toThrow(/\[bad\/web\] name: /);
  let message = "";
  try {
    make().app.synth();
  } catch (err) {
    message = (err as Error).message;
  }
  expect(message).toContain("[bad/web] name: ");
  expect(message).toContain("[bad/web] is_platform_managed_credentials: ");
});
