/** CDKTF's PgBackend and HttpBackend synthesize into the backend settings the engine reads (and terraform does). */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { App, HttpBackend, PgBackend, TerraformStack } from "cdktf";
import { Diagnostics } from "../../src/framework/diagnostics";
import { KNOWN } from "../../src/engine/engine";
import { loadStack } from "../../src/engine/stack";
import { AppConnectionHeroku, InfisicalProvider } from "../../src/cdktf/generated/infisical";

process.env.CHECKPOINT_DISABLE = "1";
const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

function synth(backend: (stack: TerraformStack) => void): ReturnType<typeof loadStack> {
  const outdir = mkdtempSync(join(tmpdir(), "vb-backend-"));
  dirs.push(outdir);
  const app = new App({ outdir });
  const stack = new TerraformStack(app, "s");
  backend(stack);
  new InfisicalProvider(stack, "infisical", {});
  new AppConnectionHeroku(stack, "h", { name: "h", credentials: { authToken: "HRKU-x" } });
  app.synth();
  const diags = new Diagnostics();
  const loaded = loadStack(join(outdir, "stacks", "s"), KNOWN, diags);
  expect(diags.toArray()).toEqual([]);
  return loaded;
}

test("PgBackend", () => {
  const stack = synth((s) => new PgBackend(s, { connStr: "postgres://u:p@127.0.0.1:5432/db", schemaName: "states_here" }));
  expect(stack?.backend).toEqual({ kind: "pg", settings: expect.objectContaining({ connStr: "postgres://u:p@127.0.0.1:5432/db", schemaName: "states_here" }) });
});

test("HttpBackend", () => {
  const stack = synth((s) => new HttpBackend(s, { address: "https://gitlab.example/api/v4/projects/1/terraform/state/app", lockAddress: "https://gitlab.example/api/v4/projects/1/terraform/state/app/lock", lockMethod: "POST", unlockMethod: "DELETE", username: "ci" }));
  expect(stack?.backend).toMatchObject({ kind: "http", settings: { address: expect.stringContaining("/state/app"), lockMethod: "POST", unlockMethod: "DELETE", username: "ci" } });
});
