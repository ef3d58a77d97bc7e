/**
 * The engine's command line in Terraform's spelling, against the emulator: -target, -replace, -refresh-only,
 * -refresh=false, -var-file (JSON and HCL), -lock-timeout, show/output/state/version, Terraform's JSON plan, and a
 * flag it does not have refused by name. examples/gitops/pipeline.sh (terraform's flags only) with TOOL=vaultbridge.
 */
import { spawn } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { acquireStateLock } from "../../src/engine/state-lock";
import { useEmulatorAndStackDir } from "../support/engine-cli";
import { pick } from "../support/http";

const ROOT = join(__dirname, "..", "..");
const BIN = join(ROOT, "bin", "vaultbridge.js");
const SECRET = "HRKU-flags-canary-9931";
const ctx = useEmulatorAndStackDir("vb-flags-");

function writeStack(): void {
  const { url, infisical } = ctx.emu.emulator;
  writeFileSync(
    join(ctx.dir, "cdk.tf.json"),
    JSON.stringify({
      provider: { infisical: [{ host: url, auth: { universal: { client_id: infisical.clientId, client_secret: infisical.clientSecret } } }] },
      variable: { token: { type: "string", sensitive: true }, prefix: { type: "string", default: "app" }, port: { type: "number", default: 5432 } },
      resource: {
        infisical_app_connection_heroku: { a: { name: "${var.prefix}-a", credentials: { auth_token: "${var.token}" } }, b: { name: "${var.prefix}-b", credentials: { auth_token: "${var.token}" } } },
        infisical_app_connection_postgres: { db: { name: "${var.prefix}-db", credentials: { host: "h", port: "${var.port}", database: "d", username: "u", password: "pw-flags" } } },
      },
      output: { a_id: { value: "${infisical_app_connection_heroku.a.id}" }, token: { value: "${var.token}", sensitive: true } },
    }),
  );
}

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}
const runs: Run[] = [];

function vb(args: string[], env: NodeJS.ProcessEnv = {}): Promise<Run> {
  const child = spawn(process.execPath, [BIN, ...args], { cwd: ctx.dir, env: { ...process.env, TF_VAR_token: SECRET, ...env }, stdio: ["ignore", "pipe", "pipe"] });
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

const connections = async (): Promise<{ name: string; id: string; credentials: Record<string, unknown> }[]> =>
  pick((await ctx.emu.infisical("GET", "/api/v1/app-connections")).body, "appConnections") as { name: string; id: string; credentials: Record<string, unknown> }[];

test("-target, -replace, -var-file, -refresh=false and -refresh-only, in terraform's spelling", async () => {
  writeStack();
  // -target: only that resource (and what it depends on).
  const targeted = await vb(["apply", "-auto-approve", "-target=infisical_app_connection_heroku.a", "-input=false", "-no-color"]);
  expect(targeted.code).toBe(0);
  expect(targeted.stdout).toContain("Resource Targeting Is In Effect");
  expect((await connections()).map((c) => c.name)).toEqual(["app-a"]);

  // -var-file: a .tfvars.json and an HCL .tfvars (later files win, -var beats both).
  writeFileSync(join(ctx.dir, "a.tfvars.json"), JSON.stringify({ port: 6432 }));
  writeFileSync(join(ctx.dir, "b.tfvars"), 'port = 7432\nprefix = "app"\n');
  const varFiles = await vb(["plan", "-detailed-exitcode", "-var-file=a.tfvars.json", "-var-file", "b.tfvars", "-var", "port=8432", "-out=tfplan"]);
  expect(varFiles.code).toBe(2);
  expect(varFiles.stdout).toMatch(/port\s+= 8432/);
  expect((await vb(["apply", "tfplan"])).code).toBe(0);
  const db = (await connections()).find((c) => c.name === "app-db")!;
  expect(db.credentials.port).toBe(8432);

  // -replace: a new object for that address, although nothing forces it.
  const beforeIds = new Map((await connections()).map((c) => [c.name, c.id]));
  const replaced = await vb(["apply", "-auto-approve", "-replace=infisical_app_connection_heroku.b", "-var=port=8432"]);
  expect(replaced.code).toBe(0);
  expect(replaced.stdout).toContain("infisical_app_connection_heroku.b must be replaced");
  const afterIds = new Map((await connections()).map((c) => [c.name, c.id]));
  expect(afterIds.get("app-b")).not.toBe(beforeIds.get("app-b"));
  expect(afterIds.get("app-a")).toBe(beforeIds.get("app-a"));

  // Someone renames a connection's description outside: -refresh=false does not see it, -refresh-only records it.
  const a = (await connections()).find((c) => c.name === "app-a")!;
  await ctx.emu.infisical("PATCH", `/api/v1/app-connections/heroku/${a.id}`, { description: "edited by hand" });
  expect((await vb(["plan", "-detailed-exitcode", "-refresh=false", "-var=port=8432"])).code).toBe(0);
  await ctx.emu.clearRequests();
  const refreshOnly = await vb(["apply", "-refresh-only", "-auto-approve", "-var=port=8432"]);
  expect(refreshOnly.code).toBe(0);
  expect((await ctx.emu.requests()).filter((r) => r.method !== "GET" && !r.path.includes("/auth/"))).toEqual([]);
  const state = JSON.parse(readFileSync(join(ctx.dir, "terraform.tfstate"), "utf8")) as { resources: { name: string; instances: { attributes: { description: unknown } }[] }[] };
  expect(state.resources.find((r) => r.name === "a")!.instances[0].attributes.description).toBe("edited by hand");

  for (const r of runs) expect(r.stdout + r.stderr).not.toContain(SECRET);
}, 90_000);

test("show -json is Terraform's JSON plan; show, output, state list/show/rm, version", async () => {
  writeStack();
  expect((await vb(["plan", "-out=tfplan"])).code).toBe(0);
  const json = JSON.parse((await vb(["show", "-json", "tfplan"])).stdout) as Record<string, unknown>;
  // As terraform 1.11 writes them for this stack (test/engine/plan-json-vs-terraform.test.ts compares the two).
  expect(Object.keys(json)).toEqual(["format_version", "terraform_version", "variables", "planned_values", "resource_changes", "output_changes", "prior_state", "configuration", "relevant_attributes", "timestamp", "applyable", "complete", "errored"]);
  expect(json).toMatchObject({ format_version: "1.2", applyable: true, complete: true, errored: false });
  const changes = json.resource_changes as { address: string; change: { actions: string[]; after_sensitive: unknown; after_unknown: unknown } }[];
  expect(changes.map((c) => [c.address, c.change.actions])).toEqual([
    ["infisical_app_connection_heroku.a", ["create"]],
    ["infisical_app_connection_heroku.b", ["create"]],
    ["infisical_app_connection_postgres.db", ["create"]],
  ]);
  expect(changes[0].change.after_sensitive).toEqual({ credentials: { auth_token: true, auth_token_wo: true, code: true, code_wo: true } });
  expect(changes[0].change.after_unknown).toMatchObject({ id: true, credentials: {} });
  expect(JSON.stringify(json)).not.toContain(SECRET);
  expect(JSON.stringify(json)).not.toContain("pw-flags");
  expect((json.variables as Record<string, unknown>).token).toEqual({ value: null });

  expect((await vb(["apply", "tfplan"])).code).toBe(0);
  expect((await vb(["state", "list"])).stdout.trim().split("\n")).toEqual(["infisical_app_connection_heroku.a", "infisical_app_connection_heroku.b", "infisical_app_connection_postgres.db"]);
  const shown = await vb(["state", "show", "infisical_app_connection_postgres.db"]);
  expect(shown.stdout).toContain('resource "infisical_app_connection_postgres" "db" {');
  expect(shown.stdout).toMatch(/password\s+= \(sensitive value\)/);
  const outputs = JSON.parse((await vb(["output", "-json"])).stdout) as Record<string, { sensitive: boolean; value: unknown }>;
  expect(outputs.a_id.value).toEqual(expect.any(String));
  expect(outputs.token).toEqual({ sensitive: true, type: "string", value: null });
  expect((await vb(["output", "-raw", "a_id"])).stdout).toBe(outputs.a_id.value);
  expect((await vb(["output", "token"])).code).toBe(1);
  expect((await vb(["show"])).stdout).toContain("# infisical_app_connection_heroku.a:");
  const stateJson = JSON.parse((await vb(["show", "-json"])).stdout) as { values: { root_module: { resources: unknown[] } } };
  expect(stateJson.values.root_module.resources).toHaveLength(3);

  const rm = await vb(["state", "rm", "infisical_app_connection_heroku.b"]);
  expect(rm.stdout).toContain("Successfully removed 1 resource instance(s).");
  expect((await vb(["state", "list"])).stdout).not.toContain("heroku.b");
  // The object is still there: the next plan wants to create it again, and that is refused as a taken name.
  expect((await connections()).some((c) => c.name === "app-b")).toBe(true);

  expect((await vb(["version"])).stdout).toMatch(/^vaultbridge v\d+\.\d+\.\d+/);
  expect((await vb(["--version"])).stdout.trim()).toMatch(/^\d+\.\d+\.\d+$/);
  for (const r of runs) expect(r.stdout + r.stderr).not.toContain(SECRET);
}, 90_000);

test("-lock-timeout waits for the lock, then fails naming its holder; a flag the engine lacks is refused by name", async () => {
  writeStack();
  const lock = acquireStateLock(join(ctx.dir, "terraform.tfstate"), "apply (another runner)");
  try {
    const started = Date.now();
    const r = await vb(["plan", "-lock-timeout=1s"]);
    expect(r.code).toBe(1);
    expect(Date.now() - started).toBeGreaterThanOrEqual(1000);
    expect(r.stderr).toMatch(/State Locked[\s\S]*apply \(another runner\)[\s\S]*waited 1s/);
  } finally {
    lock.release();
  }
  const unsupported = await vb(["plan", "-generate-config-out=x.tf"]);
  expect(unsupported.code).toBe(1);
  expect(unsupported.stderr).toContain("-generate-config-out is not supported by the engine; run terraform for it.");
}, 60_000);

test("examples/gitops/pipeline.sh, written with terraform's flags only, runs with TOOL=vaultbridge", async () => {
  writeStack();
  writeFileSync(join(ctx.dir, "vars.tfvars"), 'prefix = "pipe"\n');
  const env = { TOOL: "vaultbridge", VAULTBRIDGE: `${process.execPath} ${BIN}`, STACK_DIR: ctx.dir, VAR_FILE: "vars.tfvars" };
  const step = (...args: string[]): Promise<Run> =>
    new Promise((resolve) => {
      const child = spawn("bash", [join(ROOT, "examples", "gitops", "pipeline.sh"), ...args], { cwd: ctx.dir, env: { ...process.env, TF_VAR_token: SECRET, ...env }, stdio: ["ignore", "pipe", "pipe"] });
      let stdout = "";
      let stderr = "";
      child.stdout.on("data", (d: Buffer) => (stdout += String(d)));
      child.stderr.on("data", (d: Buffer) => (stderr += String(d)));
      child.on("close", (code) => resolve({ code, stdout, stderr }));
    });
  const plan = await step("plan");
  expect(plan.code).toBe(2);
  const doc = JSON.parse(readFileSync(join(ctx.dir, "tfplan.json"), "utf8")) as { format_version: string; resource_changes: unknown[] };
  expect(doc.format_version).toBe("1.2");
  expect(doc.resource_changes).toHaveLength(3);
  expect((await step("apply")).code).toBe(0);
  expect((await connections()).map((c) => c.name).sort()).toEqual(["pipe-a", "pipe-b", "pipe-db"]);
  expect((await step("drift")).code).toBe(0);
  expect((await step("replace", "infisical_app_connection_heroku.a")).code).toBe(0);
  expect((await step("refresh")).code).toBe(0);
  expect((await step("drift")).code).toBe(0);
  expect((await step("destroy")).code).toBe(0);
  expect(await connections()).toEqual([]);
}, 120_000);
