/**
 * The engine's JSON plan beside the real terraform 1.11's for the same Terraform JSON stack (each against its own
 * emulator, so both see the same objects): the same keys, the same addresses and actions, the same masks — values
 * aside (ids and times differ; secrets are null in the engine's by design).
 */
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { TestEmulator } from "../support/emulator";
import { TerraformWorkspace } from "../support/terraform";

const BIN = join(__dirname, "..", "..", "bin", "vaultbridge.js");
const SECRET = "HRKU-json-canary-4471";
let forTerraform: TestEmulator;
let forEngine: TestEmulator;
let ws: TerraformWorkspace;
let dir: string;

beforeAll(async () => {
  forTerraform = await TestEmulator.start();
  forEngine = await TestEmulator.start();
  ws = new TerraformWorkspace();
  dir = mkdtempSync(join(tmpdir(), "vb-planjson-"));
});
afterAll(async () => {
  await forTerraform.close();
  await forEngine.close();
  ws.cleanup();
  rmSync(dir, { recursive: true, force: true });
});

function stack(emu: TestEmulator, round: 1 | 2): string {
  const { url, infisical } = emu.emulator;
  const heroku: Record<string, unknown> = {
    web: { name: "web", description: round === 1 ? "first" : "second", credentials: { auth_token: "${var.token}" } },
    ...(round === 1 ? { old: { name: "old", credentials: { auth_token: "${var.token}" } } } : { fresh: { name: "fresh", credentials: { auth_token: "${var.token}" } } }),
  };
  return JSON.stringify({
    terraform: { required_providers: { infisical: { source: "vaultbridge/infisical" } } },
    provider: { infisical: [{ host: url, auth: { universal: { client_id: infisical.clientId, client_secret: infisical.clientSecret } } }] },
    variable: { token: { type: "string", sensitive: true }, env: { type: "string", default: "prod" } },
    resource: {
      infisical_app_connection_heroku: heroku,
      infisical_app_connection_postgres: { db: { name: "db-${var.env}", credentials: { host: "h", database: "d", username: "u", password: "pw-json" } } },
    },
    output: { db_id: { value: "${infisical_app_connection_postgres.db.id}" }, token: { value: "${var.token}", sensitive: true } },
  });
}

function engine(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const child = spawn(process.execPath, [BIN, ...args], { cwd: dir, env: { ...process.env, TF_VAR_token: SECRET }, stdio: ["ignore", "pipe", "pipe"] });
  let stdout = "";
  let stderr = "";
  child.stdout.on("data", (d: Buffer) => (stdout += String(d)));
  child.stderr.on("data", (d: Buffer) => (stderr += String(d)));
  return new Promise((resolve) => child.on("close", (code) => resolve({ code, stdout, stderr })));
}

type Doc = Record<string, unknown>;

/** What must agree: keys at every level that matters, addresses, actions, reasons and masks. */
function shape(doc: Doc): unknown {
  const changes = (doc.resource_changes as Doc[]).map((c) => {
    const change = c.change as Doc;
    return { address: c.address, keys: Object.keys(c).sort(), actions: change.actions, changeKeys: Object.keys(change).sort(), reason: c.action_reason, afterSensitive: change.after_sensitive, afterUnknown: change.after_unknown };
  });
  const planned = doc.planned_values as { outputs: Doc; root_module: { resources?: Doc[] } };
  const outputs = doc.output_changes as Record<string, Doc>;
  const config = doc.configuration as { root_module: Doc; provider_config: Doc };
  return {
    keys: Object.keys(doc).sort(),
    changes,
    drift: ((doc.resource_drift as Doc[] | undefined) ?? []).map((d) => [d.address, (d.change as Doc).actions]),
    planned: (planned.root_module.resources ?? []).map((r) => [r.address, Object.keys(r).sort(), r.sensitive_values]),
    plannedOutputs: Object.keys(planned.outputs).sort(),
    outputs: Object.fromEntries(Object.entries(outputs).map(([k, o]) => [k, [o.actions, Object.keys(o).sort()]])),
    configKeys: Object.keys(config.root_module).sort(),
    configResources: ((config.root_module.resources as Doc[]) ?? []).map((r) => [r.address, Object.keys(r).sort(), Object.keys(r.expressions as Doc).sort()]),
    providerConfig: Object.keys(config.provider_config),
    variables: Object.keys(doc.variables as Doc).sort(),
    prior: doc.prior_state === undefined ? null : Object.keys((doc.prior_state as { values: Doc }).values).sort(),
  };
}

async function bothPlans(round: 1 | 2): Promise<[Doc, Doc]> {
  ws.write({ "main.tf.json": stack(forTerraform, round) });
  writeFileSync(join(dir, "main.tf.json"), stack(forEngine, round));
  await ws.run(["plan", "-out=tfplan"], { expectCode: 0, env: { TF_VAR_token: SECRET } });
  const tf = JSON.parse((await ws.run(["show", "-json", "tfplan"], { expectCode: 0 })).stdout) as Doc;
  expect((await engine(["plan", "-out=tfplan"])).code).toBe(0);
  const vb = JSON.parse((await engine(["show", "-json", "tfplan"])).stdout) as Doc;
  return [tf, vb];
}

test("creates, then an update, a delete, a create and drift: the engine's show -json has terraform's shape", async () => {
  const [tf1, vb1] = await bothPlans(1);
  expect(shape(vb1)).toEqual(shape(tf1));
  await ws.run(["apply", "tfplan"], { expectCode: 0, env: { TF_VAR_token: SECRET } });
  expect((await engine(["apply", "tfplan"])).code).toBe(0);

  // Drift on both sides: the same out-of-band edit.
  for (const emu of [forTerraform, forEngine]) {
    const found = await emu.infisical("GET", "/api/v1/app-connections/postgres/connection-name/db-prod");
    const id = (found.body as { appConnection: { id: string } }).appConnection.id;
    await emu.infisical("PATCH", `/api/v1/app-connections/postgres/${id}`, { description: "edited by hand" });
  }
  const [tf2, vb2] = await bothPlans(2);
  expect(shape(vb2)).toEqual(shape(tf2));
  expect(JSON.stringify(vb2)).not.toContain(SECRET);
  expect(JSON.stringify(vb2)).not.toContain("pw-json");
}, 120_000);
