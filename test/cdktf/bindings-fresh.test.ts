/**
 * The committed bindings of both CDKs (src/cdktf/generated, src/cdktn/generated) are exactly what
 * `npm run gen:bindings` makes from schemas/*.json: regenerated into a temporary folder and compared file by file.
 * Fails when a schema changed without regenerating (or the generated files were edited by hand), naming the files
 * that differ.
 */
import { execFile } from "node:child_process";
import { mkdtempSync, readFileSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { promisify } from "node:util";

const run = promisify(execFile);
const root = join(__dirname, "..", "..");

function files(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => relative(dir, join(e.parentPath, e.name)))
    .sort();
}

let scratch: string;
beforeAll(() => (scratch = mkdtempSync(join(tmpdir(), "vaultbridge-bindings-check-"))));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

test.each([
  ["cdktf", "import * as cdktf from 'cdktf'"],
  ["cdktn", "import * as cdktn from 'cdktn'"],
])("the committed %s bindings match a fresh generation from schemas/*.json", async (cdk, importLine) => {
  const committed = join(root, "src", cdk, "generated");
  const fresh = join(scratch, cdk);
  await run(process.execPath, [join(root, "scripts", "generate-bindings.js"), "--cdk", cdk, "--out", fresh], { cwd: root, env: { ...process.env, CHECKPOINT_DISABLE: "1" } });

  const expected = files(fresh);
  const actual = files(committed);
  const stale = [
    ...expected.filter((f) => !actual.includes(f)).map((f) => `missing: ${f}`),
    ...actual.filter((f) => !expected.includes(f)).map((f) => `not generated: ${f}`),
    ...expected.filter((f) => actual.includes(f) && readFileSync(join(fresh, f), "utf8") !== readFileSync(join(committed, f), "utf8")).map((f) => `differs: ${f}`),
  ];
  if (stale.length > 0) throw new Error(`src/${cdk}/generated is stale; run \`npm run gen:bindings\`:\n  ${stale.join("\n  ")}`);
  expect(expected).toEqual(expect.arrayContaining(["infisical.ts", "scrapengine.ts", "providers/infisical/app-connection-postgres/index.ts"]));
  // Each CDK's bindings load their own CDK only.
  const postgres = readFileSync(join(committed, "providers", "infisical", "app-connection-postgres", "index.ts"), "utf8");
  expect(postgres).toContain(importLine);
  expect(postgres).not.toMatch(cdk === "cdktf" ? /from 'cdktn'/ : /from 'cdktf'/);
  // The write-only getters give back what was configured; no "always null" deprecation is left on them.
  expect(postgres).toContain("public get passwordWo(): string | undefined {");
  expect(postgres).not.toContain("@deprecated Write-only");
});
