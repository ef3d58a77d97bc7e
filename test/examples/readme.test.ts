/**
 * The README's snippets are real: its first lines are the two commands a newcomer runs; every ```ts block, put
 * together, compiles under `tsc --strict` as a consumer of the package and synthesizes (construct validations
 * included); every ```hcl block, put together, passes `terraform fmt -check` and `terraform validate` (the provider's
 * own rules) with the providers installed. Attribute names are therefore exactly the schemas' (snake_case in HCL,
 * the generated camelCase in CDKTF).
 */
import { mkdirSync, readFileSync, symlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { cleanEnv, installProviders, remove, requireBuild, ROOT, run, tempDir, terraform, TSX_CJS } from "./helpers";

const README = readFileSync(join(ROOT, "README.md"), "utf8");
const blocks = (lang: string): string[] => [...README.matchAll(new RegExp("```" + lang + "\\n([\\s\\S]*?)```", "g"))].map((m) => m[1]);

let work: string;
beforeAll(() => {
  requireBuild();
  work = tempDir("example-readme");
});
afterAll(() => remove(work));

test("the README opens with exactly the two commands: the main job and the tests", () => {
  const first = README.split("\n").slice(0, 6);
  expect(first[0]).toBe("# vaultbridge");
  expect(first[2]).toBe("```sh");
  expect(first[3]).toMatch(/^npm ci && npm run example\s+# /);
  expect(first[4]).toMatch(/^npm test\s+# /);
  expect(first[5]).toBe("```");
});

test("the CDKTF snippets compile under tsc --strict and synthesize", async () => {
  const snippets = blocks("ts");
  expect(snippets.length).toBeGreaterThanOrEqual(6);
  // Imports hoisted and merged per module; the rest, in order, inside one stack.
  const imports = new Map<string, Set<string>>();
  const body: string[] = [];
  for (const snippet of snippets) {
    for (const line of snippet.split("\n")) {
      const m = /^import \{ (.+) \} from "(.+)";$/.exec(line);
      if (m) {
        const names = imports.get(m[2]) ?? new Set<string>();
        for (const n of m[1].split(",")) names.add(n.trim());
        imports.set(m[2], names);
      } else body.push(line);
    }
  }
  for (const n of ["App", "TerraformStack"]) imports.get("cdktf")?.add(n);
  const source = [
    ...[...imports].map(([mod, names]) => `import { ${[...names].sort().join(", ")} } from "${mod}";`),
    `const app = new App({ outdir: ${JSON.stringify(join(work, "ts-out"))} });`,
    `const stack = new TerraformStack(app, "readme");`,
    ...body,
    "app.synth();",
    "",
  ].join("\n");

  // A consumer folder, as a user has it: node_modules/vaultbridge is this package.
  const consumer = join(work, "consumer");
  mkdirSync(join(consumer, "node_modules", "@types"), { recursive: true });
  symlinkSync(ROOT, join(consumer, "node_modules", "vaultbridge"), "dir");
  for (const dep of ["cdktf", "constructs", "@types/node"]) symlinkSync(join(ROOT, "node_modules", dep), join(consumer, "node_modules", dep), "dir");
  writeFileSync(join(consumer, "package.json"), JSON.stringify({ name: "consumer", private: true }));
  writeFileSync(join(consumer, "readme.ts"), source);
  writeFileSync(
    join(consumer, "tsconfig.json"),
    JSON.stringify({ compilerOptions: { strict: true, noEmit: true, skipLibCheck: true, target: "ES2022", module: "node16", moduleResolution: "node16", types: ["node"] }, files: ["readme.ts"] }),
  );
  const tsc = await run(process.execPath, [join(ROOT, "node_modules", "typescript", "bin", "tsc"), "-p", "tsconfig.json"], { cwd: consumer, env: cleanEnv() });
  if (tsc.code !== 0) throw new Error(`the README's TypeScript does not compile:\n${tsc.stdout}${tsc.stderr}\n--- source\n${source}`);

  const synth = await run(process.execPath, ["--require", TSX_CJS, "readme.ts"], { cwd: consumer, env: cleanEnv() });
  if (synth.code !== 0) throw new Error(`the README's CDKTF app does not synthesize:\n${synth.stderr}\n--- source\n${source}`);
  const doc = JSON.parse(readFileSync(join(work, "ts-out", "stacks", "readme", "cdk.tf.json"), "utf8")) as { resource: Record<string, Record<string, unknown>> };
  expect(Object.keys(doc.resource).sort()).toEqual([
    "infisical_app_connection_azure_key_vault",
    "infisical_app_connection_heroku",
    "infisical_app_connection_postgres",
    "scrapengine_vault_integration",
  ]);
}, 60_000);

test("the HCL snippets pass terraform fmt and validate", async () => {
  const snippets = blocks("hcl");
  expect(snippets.length).toBeGreaterThanOrEqual(5);
  const hcl = snippets.join("\n");
  const vars = [...new Set([...hcl.matchAll(/\bvar\.([a-z_]+)/g)].map((m) => m[1]))].sort();
  const stack = join(work, "hcl");
  mkdirSync(stack);
  writeFileSync(join(stack, "main.tf"), hcl);
  writeFileSync(join(stack, "variables.tf"), vars.map((v) => `variable "${v}" {\n  type      = string\n  sensitive = true\n}\n`).join("\n"));
  const cliConfig = await installProviders(work);
  const opts = { cwd: stack, env: cleanEnv({ TF_CLI_CONFIG_FILE: cliConfig }) };
  const fmt = await terraform(["fmt", "-check", "-diff", "main.tf"], opts);
  expect(fmt.stdout).toBe("");
  await terraform(["init", "-input=false", "-backend=false"], { ...opts, expect: 0 });
  const validate = await terraform(["validate"], opts);
  if (validate.code !== 0) throw new Error(`the README's HCL does not validate:\n${validate.stdout}${validate.stderr}`);
  expect(validate.stdout).toContain("Success! The configuration is valid.");
}, 60_000);
