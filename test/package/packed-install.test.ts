/**
 * The package as a user gets it: `npm pack` once, then a fresh folder per CDK that installs the tarball beside its
 * own CDK (`npm i <tgz> cdktf@0.21.0 constructs@10.7.2 typescript@5.9.3`, and the same with cdktn@0.24.0), from the
 * npm cache where it can. In each: exactly one `constructs`; a strict `tsc --noEmit` of an app using every class
 * under moduleResolution node16, nodenext and bundler; the app synthesizes and the engine the package ships applies it
 * against an emulator (and destroys it); an invalid construct fails the synth with its construct path.
 *
 * ASSUMPTION: dist/ is built and current (`npm run build`); the pack skips `prepare` so it packs that build.
 */
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { TestEmulator } from "../support/emulator";
import { makeObjects } from "../support/made-outside";
import { cleanEnv, emulatorCounts, emulatorEnv, remove, requireBuild, ROOT, run, tempDir } from "../examples/helpers";
import { CLASSES, consumerApp } from "./consumer-app";

const CDKS = [
  { cdk: "cdktf", version: "0.21.0", entry: "vaultbridge" },
  { cdk: "cdktn", version: "0.24.0", entry: "vaultbridge/cdktn" },
] as const;
type Cdk = (typeof CDKS)[number]["cdk"];

const NPM = "npm";
const npmFlags = ["--no-audit", "--no-fund", "--prefer-offline", "--loglevel=error"];
const { devDependencies } = JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")) as { devDependencies: Record<string, string> };

let work: string;
let emu: TestEmulator;
let existing: { pg: string };
const consumers = new Map<Cdk, string>();
const timings: string[] = [];
let packedFiles: string[] = [];

beforeAll(async () => {
  requireBuild();
  work = tempDir("packed");
  emu = await TestEmulator.start();
  existing = { pg: String((await makeObjects(emu)).pg.id) };

  let started = Date.now();
  const pack = await run(NPM, ["pack", "--ignore-scripts", "--json", "--pack-destination", work], { cwd: ROOT, env: cleanEnv(), expect: 0, timeoutMs: 120_000 });
  const [packed] = JSON.parse(pack.stdout) as { filename: string; files: { path: string }[] }[];
  const tarball = join(work, packed.filename);
  packedFiles = packed.files.map((f) => f.path);
  timings.push(`npm pack ${Date.now() - started} ms`);

  started = Date.now();
  await Promise.all(
    CDKS.map(async ({ cdk, version }) => {
      const dir = join(work, cdk);
      mkdirSync(dir);
      writeFileSync(join(dir, "package.json"), JSON.stringify({ name: `consumer-${cdk}`, version: "1.0.0", private: true }));
      const deps = [tarball, `${cdk}@${version}`, "constructs@10.7.2", "typescript@5.9.3", `@types/node@${devDependencies["@types/node"]}`];
      await run(NPM, ["install", "--save-exact", ...npmFlags, ...deps], { cwd: dir, env: cleanEnv(), expect: 0, timeoutMs: 240_000 });
      consumers.set(cdk, dir);
    }),
  );
  timings.push(`both installs ${Date.now() - started} ms`);
}, 400_000);

afterAll(async () => {
  if (timings.length) process.stderr.write(`packed-install: ${timings.join(", ")}\n`);
  await emu?.close();
  remove(work);
});

test("the tarball holds the build, both CDKs' bindings, the schemas and the MPL-2.0 LICENSE its package.json names", () => {
  expect(packedFiles).toEqual(expect.arrayContaining(["LICENSE", "package.json", "bin/vaultbridge.js", "dist/cdktf/generated/infisical.js", "dist/cdktn/generated/infisical.d.ts", "schemas/infisical.json"]));
  const { license } = JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")) as { license: string };
  const text = readFileSync(join(ROOT, "LICENSE"), "utf8");
  expect(license).toBe("MPL-2.0");
  expect(text.startsWith("Mozilla Public License Version 2.0\n==================================\n")).toBe(true);
  for (const part of ["1. Definitions", "10. Versions of the License", 'Exhibit A - Source Code Form License Notice', 'Exhibit B - "Incompatible With Secondary Licenses" Notice']) expect(text).toContain(part);
});

const consumer = (cdk: Cdk): string => {
  const dir = consumers.get(cdk);
  if (!dir) throw new Error(`the ${cdk} consumer was not installed`);
  return dir;
};

const RESOLUTIONS = [
  ["node16", { module: "node16", moduleResolution: "node16" }],
  ["nodenext", { module: "nodenext", moduleResolution: "nodenext" }],
  ["bundler", { module: "esnext", moduleResolution: "bundler" }],
] as const;

describe.each(CDKS)("installed beside $cdk@$version", ({ cdk, entry }) => {
  test("exactly one constructs in the tree, the app's own", async () => {
    const { stdout } = await run(NPM, ["query", "#constructs"], { cwd: consumer(cdk), env: cleanEnv(), expect: 0 });
    const found = (JSON.parse(stdout) as { version: string; location: string }[]).map((n) => `${n.location}@${n.version}`);
    expect(found).toEqual(["node_modules/constructs@10.7.2"]);
    const ls = await run(NPM, ["ls", "constructs", "--all"], { cwd: consumer(cdk), env: cleanEnv(), expect: 0 });
    expect(ls.stdout).not.toMatch(/invalid|UNMET/);
  });

  test("the app uses every construct class the entries export", async () => {
    const script = `const out = {}; for (const p of ["infisical", "scrapengine"]) { const m = require("${entry}/" + p); out[p] = Object.keys(m).filter((k) => typeof m[k] === "function" && typeof m[k].tfResourceType === "string").sort(); } process.stdout.write(JSON.stringify(out));`;
    const { stdout } = await run(process.execPath, ["-e", script], { cwd: consumer(cdk), env: cleanEnv(), expect: 0 });
    expect(JSON.parse(stdout)).toEqual({ infisical: [...CLASSES.infisical], scrapengine: [...CLASSES.scrapengine] });
  });

  test.each(RESOLUTIONS)("strict tsc --noEmit with moduleResolution %s", async (name, options) => {
    const dir = consumer(cdk);
    writeFileSync(join(dir, "app.ts"), consumerApp(cdk));
    const tsconfig = { compilerOptions: { ...options, target: "ES2022", strict: true, noEmit: true, skipLibCheck: false, types: ["node"] }, files: ["app.ts"] };
    writeFileSync(join(dir, `tsconfig.${name}.json`), JSON.stringify(tsconfig, null, 2));
    const tsc = await run(process.execPath, [join(dir, "node_modules", "typescript", "bin", "tsc"), "-p", `tsconfig.${name}.json`], { cwd: dir, env: cleanEnv(), timeoutMs: 120_000 });
    expect(`${tsc.stdout}${tsc.stderr}`).toBe("");
    expect(tsc.code).toBe(0);
  }, 130_000);

  test("the app synthesizes and the packaged engine applies it against the emulator, then destroys it", async () => {
    const dir = consumer(cdk);
    writeFileSync(join(dir, "app.ts"), consumerApp(cdk));
    const build = { compilerOptions: { module: "node16", moduleResolution: "node16", target: "ES2022", strict: true, outDir: "build", types: ["node"] }, files: ["app.ts"] };
    writeFileSync(join(dir, "tsconfig.build.json"), JSON.stringify(build));
    await run(process.execPath, [join(dir, "node_modules", "typescript", "bin", "tsc"), "-p", "tsconfig.build.json"], { cwd: dir, env: cleanEnv(), expect: 0, timeoutMs: 120_000 });
    writeFileSync(join(dir, "cdktf.json"), JSON.stringify({ language: "typescript", app: "node build/app.js", output: "cdktf.out" }));

    const env = cleanEnv({ ...emulatorEnv(emu), EXISTING: JSON.stringify(existing), TF_VAR_secret: "HRKU-consumer-secret-3b8e" });
    const before = await emulatorCounts(emu);
    const bin = join(dir, "node_modules", ".bin", "vaultbridge");
    const apply = await run(bin, ["apply", "--auto-approve"], { cwd: dir, env, expect: 0, timeoutMs: 120_000 });
    expect(apply.stdout).toMatch(/4 added, 0 changed, 0 destroyed/);
    expect(await emulatorCounts(emu)).toEqual({ connections: before.connections + 3, integrations: before.integrations + 1 });
    const tf = JSON.parse(readFileSync(join(dir, "cdktf.out", "stacks", "consumer", "cdk.tf.json"), "utf8")) as { data: Record<string, unknown> };
    expect(Object.keys(tf.data).sort()).toEqual([
      "infisical_app_connection_azure_key_vault",
      "infisical_app_connection_heroku",
      "infisical_app_connection_postgres",
      "infisical_app_connections",
      "scrapengine_vault_integration",
      "scrapengine_vault_integrations",
    ]);
    const state = JSON.parse(readFileSync(join(dir, "cdktf.out", "stacks", "consumer", "terraform.tfstate"), "utf8")) as { outputs: unknown };
    expect(state.outputs).toMatchObject({ found_pg_port: { value: 6543 }, found_heroku_method: { value: "oauth" }, found_vault_namespace: { value: "team-a" } });

    const plan = await run(bin, ["plan", "--detailed-exitcode"], { cwd: dir, env, timeoutMs: 120_000 });
    expect(plan.code).toBe(0);
    await run(bin, ["destroy", "--auto-approve"], { cwd: dir, env, expect: 0, timeoutMs: 120_000 });
    expect(await emulatorCounts(emu)).toEqual(before);
  }, 300_000);

  test("an invalid construct fails the synth with its construct path, before any API call", async () => {
    const dir = consumer(cdk);
    await emu.clearRequests();
    const env = cleanEnv({ ...emulatorEnv(emu), EXISTING: JSON.stringify(existing), TF_VAR_secret: "x", BAD: "1" });
    const synth = await run(process.execPath, ["build/app.js"], { cwd: dir, env, timeoutMs: 60_000 });
    expect(synth.code).not.toBe(0);
    expect(synth.stderr).toMatch(/\[consumer\/group\/bad\] name: .*lowercase slug/);
    const plan = await run(join(dir, "node_modules", ".bin", "vaultbridge"), ["plan"], { cwd: dir, env, timeoutMs: 60_000 });
    expect(plan.code).toBe(1);
    expect(await emu.requests()).toEqual([]);
  }, 130_000);
});
