/**
 * An adopted stack as a CDKTF app: `main.ts` (the generated classes, one construct per object with `importFrom`,
 * one ephemeral sensitive variable per secret), `cdktf.json` (whose app runs main.ts as examples/basic's does),
 * `package.json` pinning what the app needs, and `tsconfig.json`.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { type AdoptedStack, type ConfigValue, propertyName, VariableRef } from "./adopted-stack";

const STACK = "adopted";

export function cdktfFiles(stack: AdoptedStack): Record<string, string> {
  const pkg = JSON.parse(readFileSync(join(__dirname, "..", "..", "package.json"), "utf8")) as { version: string; dependencies?: Record<string, string>; devDependencies?: Record<string, string> };
  const pin = (name: string): string => pkg.dependencies?.[name] ?? pkg.devDependencies?.[name] ?? "*";
  const byProvider = new Map<string, Set<string>>();
  for (const p of stack.providers) byProvider.set(p, new Set([providerClass(p)]));
  for (const r of stack.resources) byProvider.get(r.provider)?.add(className(r.type, r.provider));

  const lines = [
    "// Written by `vaultbridge adopt`: every object below already exists and is imported by the first apply.",
    "// Secrets are never read back from the APIs: each is a write-only attribute fed by an ephemeral variable",
    "// that defaults to null, so nothing is sent until you set it (TF_VAR_<name>) and bump the *WoVersion.",
    'import { App, LocalBackend, TerraformStack, TerraformVariable } from "cdktf";',
    'import type { Construct } from "constructs";',
    ...[...byProvider].map(([p, names]) => `import { ${[...names].sort().join(", ")} } from "vaultbridge/${p}";`),
    "",
    "class AdoptedStack extends TerraformStack {",
    "  constructor(scope: Construct, id: string) {",
    "    super(scope, id);",
    '    new LocalBackend(this, { path: "terraform.tfstate" });',
    ...stack.providers.map((p) => `    new ${providerClass(p)}(this, ${JSON.stringify(p)}, {});`),
    "",
    "    // Ephemeral (Terraform ≥ 1.10) and null until set: cdktf 0.21 predates the flag, hence the overrides.",
    "    const secret = (name: string, description: string): string => {",
    '      const variable = new TerraformVariable(this, name, { type: "string", sensitive: true, nullable: true, description });',
    '      variable.addOverride("ephemeral", true);',
    '      variable.addOverride("default", null);',
    "      return variable.stringValue;",
    "    };",
    ...stack.variables.map((v) => `    const ${propertyName(v.name)} = secret(${JSON.stringify(v.name)}, ${JSON.stringify(v.description)});`),
    "",
    ...stack.resources.flatMap((r) => [
      `    new ${className(r.type, r.provider)}(this, ${JSON.stringify(r.name)}, ${tsObject(r.config, "    ")}).importFrom(${JSON.stringify(r.importId)});`,
    ]),
    "  }",
    "}",
    "",
    "const app = new App();",
    `new AdoptedStack(app, ${JSON.stringify(STACK)});`,
    "app.synth();",
    "",
  ];
  return {
    "main.ts": lines.join("\n"),
    "cdktf.json": `${JSON.stringify({ language: "typescript", app: "node --require tsx/cjs main.ts", output: "cdktf.out", projectId: "vaultbridge-adopted", sendCrashReports: "false", terraformProviders: [], terraformModules: [], context: {} }, null, 2)}\n`,
    "package.json": `${JSON.stringify(
      {
        name: "vaultbridge-adopted",
        private: true,
        description: "Existing Infisical App Connections and ScrapEngine Vault integrations, adopted by `vaultbridge adopt`.",
        scripts: { synth: "node --require tsx/cjs main.ts", plan: "vaultbridge plan", apply: "vaultbridge apply" },
        dependencies: { cdktf: pin("cdktf"), constructs: pin("constructs"), tsx: pin("tsx"), vaultbridge: pkg.version },
        devDependencies: { "@types/node": pin("@types/node"), typescript: pin("typescript") },
      },
      null,
      2,
    )}\n`,
    "tsconfig.json": `${JSON.stringify({ compilerOptions: { target: "ES2022", module: "node16", moduleResolution: "node16", strict: true, skipLibCheck: true, noEmit: true, types: ["node"] }, files: ["main.ts"] }, null, 2)}\n`,
  };
}

/** `infisical_app_connection_postgres` → `AppConnectionPostgres`, as the cdktf generator names it. */
function className(type: string, provider: string): string {
  return pascal(type.slice(provider.length + 1));
}

const providerClass = (p: string): string => `${pascal(p)}Provider`;
const pascal = (s: string): string => s.split("_").map((w) => w.charAt(0).toUpperCase() + w.slice(1)).join("");

function tsObject(config: { readonly [name: string]: ConfigValue }, indent: string): string {
  const inner = `${indent}  `;
  const entries = Object.entries(config).map(([k, v]) => `${inner}${propertyName(k)}: ${tsValue(v, inner)},`);
  return entries.length ? `{\n${entries.join("\n")}\n${indent}}` : "{}";
}

function tsValue(v: ConfigValue, indent: string): string {
  if (v instanceof VariableRef) return propertyName(v.variable);
  if (typeof v === "object") return tsObject(v, indent);
  return JSON.stringify(v);
}
