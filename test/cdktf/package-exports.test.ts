/**
 * The bindings as a user gets them: `vaultbridge/infisical` and `vaultbridge/scrapengine` resolved by package name
 * (a consumer folder whose node_modules/vaultbridge links to this repository), by Node at run time (CommonJS and
 * ESM) and by TypeScript at compile time (node16 resolution through "exports", node10 through "typesVersions").
 * Runs against the build (`npm run build` first).
 */
import { execFile } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";

const run = promisify(execFile);
const root = join(__dirname, "..", "..");
const env = { ...process.env, CHECKPOINT_DISABLE: "1" };
let consumer: string;

beforeAll(() => {
  if (!existsSync(join(root, "dist", "cdktf", "generated", "infisical.js"))) throw new Error("dist/ has no bindings: run `npm run build` first.");
  consumer = mkdtempSync(join(tmpdir(), "vaultbridge-consumer-"));
  const modules = join(consumer, "node_modules");
  mkdirSync(join(modules, "@types"), { recursive: true });
  symlinkSync(root, join(modules, "vaultbridge"), "dir");
  for (const dep of ["cdktf", "cdktn", "constructs", "@types/node"]) symlinkSync(join(root, "node_modules", dep), join(modules, dep), "dir");
  writeFileSync(join(consumer, "package.json"), JSON.stringify({ name: "consumer", private: true }));
});
afterAll(() => rmSync(consumer, { recursive: true, force: true }));

const COMMONJS_APP = `
const { App, TerraformStack, TerraformVariable } = require("cdktf");
const infisical = require("vaultbridge/infisical");
const scrapengine = require("vaultbridge/scrapengine");
const pkg = require("vaultbridge/package.json");
const lib = require("vaultbridge");
const result = { name: pkg.name, resolved: require.resolve("vaultbridge/infisical"), classes: {}, library: ["plan", "apply", "hasChanges", "renderPlan", "startEmulator"].map((n) => typeof lib[n]) };
for (const [mod, names] of [[infisical, ["InfisicalProvider", "AppConnectionPostgres", "AppConnectionHeroku", "AppConnectionAzureKeyVault"]], [scrapengine, ["ScrapengineProvider", "VaultIntegration"]]]) {
  for (const n of names) result.classes[n] = mod[n] && mod[n].name;
}
try { require("vaultbridge/dist/cdktf/validation.js"); result.deep = "resolved"; } catch (err) { result.deep = err.code; }

function stack(outdir) {
  const app = new App({ outdir });
  const s = new TerraformStack(app, "stack");
  new infisical.InfisicalProvider(s, "infisical", {});
  new scrapengine.ScrapengineProvider(s, "scrapengine", {});
  return { app, s };
}
const ok = stack(process.argv[2] + "/ok");
const secret = new TerraformVariable(ok.s, "secret", { type: "string", sensitive: true });
new infisical.AppConnectionPostgres(ok.s, "pg", { name: "pg", credentials: { host: "h", database: "d", username: "u", password: secret.stringValue } });
new infisical.AppConnectionHeroku(ok.s, "heroku", { name: "heroku", credentials: { authToken: "HRKU-x" } });
new infisical.AppConnectionAzureKeyVault(ok.s, "azure", { name: "azure", method: "oauth", credentials: { tenantId: "9f3c2a1e-4b5d-4e6f-8a7b-1c2d3e4f5a6b", code: "c" } });
new scrapengine.VaultIntegration(ok.s, "vault", { name: "vault", address: "https://vault.example.com", roleId: "r", secretId: secret.stringValue });
ok.app.synth();
result.synthesized = Object.keys(require(process.argv[2] + "/ok/stacks/stack/cdk.tf.json").resource).sort();

const bad = stack(process.argv[2] + "/bad");
new infisical.AppConnectionPostgres(bad.s, "pg", { name: "PG", credentials: { host: "h", database: "d", username: "u", password: "p" } });
try { bad.app.synth(); result.invalid = "synthesized"; } catch (err) { result.invalid = err.message; }
process.stdout.write(JSON.stringify(result));
`;

const ESM_APP = `
import { AppConnectionPostgres, InfisicalProvider } from "vaultbridge/infisical";
import { VaultIntegration } from "vaultbridge/scrapengine";
process.stdout.write(JSON.stringify([AppConnectionPostgres.name, InfisicalProvider.tfResourceType, VaultIntegration.tfResourceType]));
`;

const TYPESCRIPT_APP = `
import { App, TerraformStack } from "cdktf";
import { AppConnectionAzureKeyVault, AppConnectionHeroku, AppConnectionPostgres, type AppConnectionPostgresConfig, InfisicalProvider } from "vaultbridge/infisical";
import { ScrapengineProvider, VaultIntegration } from "vaultbridge/scrapengine";

const stack = new TerraformStack(new App(), "stack");
new InfisicalProvider(stack, "infisical", { auth: { token: "t" } });
new ScrapengineProvider(stack, "scrapengine", { apiKey: "k" });
const config: AppConnectionPostgresConfig = { name: "pg", credentials: { host: "h", database: "d", username: "u", password: "p", port: 5432 } };
const pg: AppConnectionPostgres = new AppConnectionPostgres(stack, "pg", config);
new AppConnectionAzureKeyVault(stack, "azure", { name: "azure", method: "oauth", credentials: { tenantId: "t", code: "c" } });
new VaultIntegration(stack, "vault", { name: "vault", address: "https://v", roleId: "r", secretId: pg.id });
// @ts-expect-error credentials is required: the types are the generator's, not any
new AppConnectionHeroku(stack, "heroku", { name: "heroku" });
`;

const CDKTN_APP = `
import { App, TerraformStack } from "cdktn";
import { AppConnectionPostgres, DataInfisicalAppConnections, InfisicalProvider } from "vaultbridge/cdktn/infisical";
import { ScrapengineProvider, VaultIntegration } from "vaultbridge/cdktn/scrapengine";

const stack = new TerraformStack(new App(), "stack");
new InfisicalProvider(stack, "infisical", {});
new ScrapengineProvider(stack, "scrapengine", {});
const pg: AppConnectionPostgres = new AppConnectionPostgres(stack, "pg", { name: "pg", credentials: { host: "h", database: "d", username: "u", passwordWo: "p" } });
new VaultIntegration(stack, "vault", { name: "vault", address: "https://v", roleId: "r", secretIdWo: pg.id });
new DataInfisicalAppConnections(stack, "all", { app: "postgres" });
`;

function tsconfig(moduleResolution: string, module: string, file = "app.ts"): string {
  return JSON.stringify({
    compilerOptions: { strict: true, noEmit: true, skipLibCheck: true, target: "ES2022", module, moduleResolution, types: ["node"] },
    files: [file],
  });
}

test("require() by package name: the classes, package.json, synthesis and synth-time validation", async () => {
  writeFileSync(join(consumer, "app.js"), COMMONJS_APP);
  mkdirSync(join(consumer, "out"), { recursive: true });
  const { stdout } = await run(process.execPath, ["app.js", join(consumer, "out")], { cwd: consumer, env });
  const result = JSON.parse(stdout) as Record<string, unknown>;
  expect(result.name).toBe("vaultbridge");
  expect(result.resolved).toBe(join(root, "dist", "cdktf", "generated", "infisical.js"));
  expect(result.classes).toEqual({
    InfisicalProvider: "InfisicalProvider",
    AppConnectionPostgres: "AppConnectionPostgres",
    AppConnectionHeroku: "AppConnectionHeroku",
    AppConnectionAzureKeyVault: "AppConnectionAzureKeyVault",
    ScrapengineProvider: "ScrapengineProvider",
    VaultIntegration: "VaultIntegration",
  });
  expect(result.deep).toBe("ERR_PACKAGE_PATH_NOT_EXPORTED");
  expect(result.library).toEqual(["function", "function", "function", "function", "function"]);
  expect(result.synthesized).toEqual([
    "infisical_app_connection_azure_key_vault",
    "infisical_app_connection_heroku",
    "infisical_app_connection_postgres",
    "scrapengine_vault_integration",
  ]);
  expect(result.invalid).toContain("[stack/pg] name: ");
});

test("import by package name from an ES module", async () => {
  writeFileSync(join(consumer, "app.mjs"), ESM_APP);
  const { stdout } = await run(process.execPath, ["app.mjs"], { cwd: consumer, env });
  expect(JSON.parse(stdout)).toEqual(["AppConnectionPostgres", "infisical", "scrapengine_vault_integration"]);
});

test.each([
  ["node16 (package exports)", "node16", "node16"],
  ["node10 (typesVersions)", "node", "commonjs"],
])("TypeScript resolves the types with %s", async (_what, moduleResolution, module) => {
  writeFileSync(join(consumer, "app.ts"), TYPESCRIPT_APP);
  writeFileSync(join(consumer, `tsconfig.${moduleResolution}.json`), tsconfig(moduleResolution, module));
  const tsc = join(root, "node_modules", "typescript", "bin", "tsc");
  const result = await run(process.execPath, [tsc, "-p", `tsconfig.${moduleResolution}.json`], { cwd: consumer, env }).catch((err: { stdout: string }) => err);
  expect(result.stdout).toBe("");
});

test.each([
  ["node16 (package exports)", "node16", "node16"],
  ["node10 (typesVersions)", "node", "commonjs"],
])("TypeScript resolves vaultbridge/cdktn/* with %s", async (_what, moduleResolution, module) => {
  writeFileSync(join(consumer, "cdktn-app.ts"), CDKTN_APP);
  writeFileSync(join(consumer, `tsconfig.cdktn.${moduleResolution}.json`), tsconfig(moduleResolution, module, "cdktn-app.ts"));
  const tsc = join(root, "node_modules", "typescript", "bin", "tsc");
  const result = await run(process.execPath, [tsc, "-p", `tsconfig.cdktn.${moduleResolution}.json`], { cwd: consumer, env }).catch((err: { stdout: string }) => err);
  expect(result.stdout).toBe("");
});

test("the package files ship the compiled bindings", () => {
  const pkg = JSON.parse(readFileSync(join(root, "package.json"), "utf8")) as { files: string[]; exports: Record<string, unknown> };
  expect(pkg.files).toContain("dist");
  expect(Object.keys(pkg.exports)).toEqual(expect.arrayContaining([".", "./infisical", "./scrapengine", "./cdktn/infisical", "./cdktn/scrapengine", "./package.json"]));
});
