/**
 * A synthesized stack (Terraform JSON, `cdk.tf.json` or any `*.tf.json`) read into what the engine understands:
 * this project's providers (with aliases) and resources, variables, outputs, references, `depends_on`, `count`
 * and `lifecycle`. Everything else is refused before any API call, each problem with its construct path and the
 * advice to run the stack with Terraform, so a stack is never half-applied.
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { z } from "zod";
import { Diagnostics } from "../framework/diagnostics";
import { type Reference, referencesIn, UnsupportedExpressionError } from "./expressions";
import { type Backend, parseBackend } from "./state-store/backend-config";
import { closest } from "./suggest";

export interface StackProviderConfig {
  /** `infisical` or `infisical.<alias>`. */
  readonly key: string;
  readonly name: string;
  readonly alias?: string;
  readonly config: Record<string, unknown>;
}

export interface Lifecycle {
  readonly preventDestroy: boolean;
  readonly createBeforeDestroy: boolean;
  /** Attribute paths (dotted) whose changes are ignored, or "all". */
  readonly ignoreChanges: readonly string[] | "all";
}

export interface StackResource {
  /** `type.name` */
  readonly address: string;
  readonly type: string;
  readonly name: string;
  /** The provider configuration key it uses: `infisical` or `infisical.<alias>`. */
  readonly provider: string;
  readonly config: Record<string, unknown>;
  /** A number, a `${var.x}` string, or absent for a single instance. */
  readonly count?: unknown;
  readonly dependsOn: readonly string[];
  readonly lifecycle: Lifecycle;
  /** The CDKTF construct path when the stack was synthesized by CDKTF, else the address. */
  readonly constructPath: string;
  /** Resources this one refers to or depends on (addresses). */
  readonly dependencies: readonly string[];
}

/** A `data` block of one of vaultbridge's data sources, read at plan time. */
export interface StackDataSource {
  /** `data.type.name` */
  readonly address: string;
  readonly type: string;
  readonly name: string;
  readonly provider: string;
  readonly config: Record<string, unknown>;
  readonly constructPath: string;
  /** Addresses it refers to (resources or other data sources). */
  readonly dependencies: readonly string[];
}

/** An `import { to, id }` block (what CDKTF's `importFrom` synthesizes): adopt an existing object at plan. */
export interface StackImport {
  /** The resource address, `type.name` or `type.name[i]`. */
  readonly to: string;
  /** The import id, possibly a template with variables. */
  readonly id: unknown;
}

export interface StackVariable {
  readonly name: string;
  readonly type?: string;
  readonly default?: unknown;
  readonly sensitive: boolean;
  /** Terraform 1.10's `ephemeral = true`: set per run, never stored (usable in write-only attributes only). */
  readonly ephemeral: boolean;
  readonly description?: string;
}

export interface StackOutput {
  readonly name: string;
  readonly value: unknown;
  readonly sensitive: boolean;
  readonly description?: string;
}

export interface Stack {
  readonly dir: string;
  readonly files: readonly string[];
  readonly providers: readonly StackProviderConfig[];
  readonly resources: readonly StackResource[];
  readonly dataSources: readonly StackDataSource[];
  readonly imports: readonly StackImport[];
  readonly variables: readonly StackVariable[];
  readonly outputs: readonly StackOutput[];
  /** The local backend's state path, resolved against the stack folder. */
  readonly statePath: string;
  /** Where the state lives (`terraform { backend … }`): local by default. */
  readonly backend: Backend;
}

/** The provider names this engine can drive, and the resource type prefix each owns. */
export interface KnownProviders {
  readonly [name: string]: { readonly source: string; readonly resourceTypes: readonly string[]; readonly dataSourceTypes: readonly string[] };
}

const ADVICE = "run this stack with Terraform (`terraform plan` / `terraform apply`) instead";
const META = "//";

const block = z.record(z.string(), z.unknown());
const document = z.looseObject({
  terraform: z.looseObject({ required_providers: z.record(z.string(), z.unknown()).optional(), backend: z.record(z.string(), z.unknown()).optional() }).optional(),
  provider: z.record(z.string(), z.union([block, z.array(block)])).optional(),
  resource: z.record(z.string(), z.record(z.string(), block)).optional(),
  data: z.record(z.string(), z.record(z.string(), block)).optional(),
  import: z.array(block).optional(),
  variable: z.record(z.string(), block).optional(),
  output: z.record(z.string(), block).optional(),
});

/** Reads every `*.tf.json` of `dir` (a synthesized CDKTF stack folder holds one `cdk.tf.json`). */
export function loadStack(dir: string, known: KnownProviders, diags: Diagnostics): Stack | null {
  const folder = resolve(dir);
  const files = existsSync(folder) ? readdirSync(folder).filter((f) => f.endsWith(".tf.json")).sort() : [];
  if (files.length === 0) {
    diags.error("No Stack Found", `${folder} holds no *.tf.json file. Run the engine in a synthesized stack folder (e.g. cdktf.out/stacks/<stack>), or where cdktf.json names the app.`);
    return null;
  }
  if (readdirSync(folder).some((f) => f.endsWith(".tf"))) {
    diags.error("HCL Not Supported", `${folder} holds .tf (HCL) files; the engine reads Terraform JSON only — ${ADVICE}.`);
  }
  const providers: StackProviderConfig[] = [];
  const resources: StackResource[] = [];
  const dataSources: StackDataSource[] = [];
  const imports: StackImport[] = [];
  const variables: StackVariable[] = [];
  const outputs: StackOutput[] = [];
  let statePath = join(folder, "terraform.tfstate");
  let stateBackend: Backend = { kind: "local" };
  // Each name once across the stack's files (within one file JSON itself keeps only the last).
  const declarations = new Map<string, string[]>();
  const declared = (what: string, file: string): void => void declarations.set(what, [...(declarations.get(what) ?? []), file]);

  for (const file of files) {
    let raw: unknown;
    try {
      raw = JSON.parse(readFileSync(join(folder, file), "utf8"));
    } catch (err) {
      diags.error("Invalid Stack File", `${file} is not valid JSON: ${err instanceof Error ? err.message : String(err)}`);
      continue;
    }
    const parsed = document.safeParse(raw);
    if (!parsed.success) {
      const i = parsed.error.issues[0];
      diags.error("Invalid Stack File", `${file}: ${i.path.join(".")}: ${i.message}`);
      continue;
    }
    const doc = parsed.data;
    for (const key of Object.keys(doc)) {
      if (BLOCKS.includes(key)) continue;
      const typo = key in TERRAFORM_BLOCKS ? undefined : closest(key, BLOCKS);
      if (typo) diags.error("Unsupported Construct", `${file}: "${key}" is not a Terraform JSON block: did you mean "${typo}"?`);
      else diags.error("Unsupported Construct", `${file}: "${key}" blocks (${describeBlock(key)}) are not supported by the engine; ${ADVICE}.`);
    }
    const backend = doc.terraform?.backend;
    if (backend) {
      const [kind, settings] = Object.entries(backend)[0] ?? [];
      const parsed = kind === undefined ? { error: 'terraform.backend names no backend; remove it (the engine keeps terraform.tfstate beside the stack) or name one' } : parseBackend(kind, settings);
      if ("error" in parsed) diags.error("Unsupported Backend", `${file}: ${parsed.error}; ${ADVICE}.`);
      else {
        stateBackend = parsed;
        if (parsed.kind === "local" && parsed.path !== undefined) statePath = resolve(folder, parsed.path);
      }
    }
    for (const [name, value] of Object.entries(doc.provider ?? {})) {
      for (const config of Array.isArray(value) ? value : [value]) {
        if (!(name in known)) {
          const typo = closest(name, Object.keys(known));
          diags.error(
            "Unsupported Provider",
            typo ? `${file}: provider "${name}" is not one of vaultbridge's: did you mean "${typo}"?` : `${file}: provider "${name}" is not one of vaultbridge's (${Object.keys(known).join(", ")}); ${ADVICE}.`,
          );
          continue;
        }
        const { alias, ...rest } = stripMeta(config);
        const key = typeof alias === "string" ? `${name}.${alias}` : name;
        declared(`provider "${key}"`, file);
        providers.push({ key, name, alias: typeof alias === "string" ? alias : undefined, config: rest });
      }
    }
    for (const [name, v] of Object.entries(doc.variable ?? {})) {
      declared(`variable "${name}"`, file);
      variables.push({
        name,
        type: typeof v.type === "string" ? v.type : undefined,
        default: v.default,
        sensitive: v.sensitive === true,
        ephemeral: v.ephemeral === true,
        description: typeof v.description === "string" ? v.description : undefined,
      });
    }
    for (const [name, v] of Object.entries(doc.output ?? {})) {
      declared(`output "${name}"`, file);
      outputs.push({ name, value: v.value, sensitive: v.sensitive === true, description: typeof v.description === "string" ? v.description : undefined });
    }
    for (const [type, byName] of Object.entries(doc.resource ?? {})) {
      for (const [name, body] of Object.entries(byName)) {
        declared(`resource ${type}.${name}`, file);
        const r = readResource(type, name, body, known, diags);
        if (r) resources.push(r);
      }
    }
    for (const [type, byName] of Object.entries(doc.data ?? {})) {
      for (const [name, body] of Object.entries(byName)) {
        const d = readDataSource(type, name, body, known, diags);
        if (d) dataSources.push(d);
      }
    }
    for (const body of doc.import ?? []) {
      const to = typeof body.to === "string" ? body.to.replace(/^\$\{(.*)\}$/, "$1") : undefined;
      if (!to || body.id === undefined) diags.error("Invalid Import Block", `${file}: an import block needs "to" (a resource address) and "id".`);
      else imports.push({ to, id: body.id });
    }
  }

  for (const [what, where] of declarations) {
    if (where.length > 1) diags.error("Duplicate Configuration", `${what} is declared ${where.length} times (${where.join(", ")}); keep one.`);
  }
  checkReferences(resources, variables, diags, dataSources);
  for (const i of imports) {
    const base = i.to.replace(/\[\d+\]$/, "");
    if (!resources.some((r) => r.address === base)) diags.error("Import To Undeclared Resource", `import block: ${i.to} is not declared in the stack; declare the resource the object is imported into.`);
  }
  return { dir: folder, files, providers, resources, dataSources, imports, variables, outputs, statePath, backend: stateBackend };
}

function readResource(type: string, name: string, body: Record<string, unknown>, known: KnownProviders, diags: Diagnostics): StackResource | null {
  const address = `${type}.${name}`;
  const constructPath = metaPath(body) ?? address;
  const where = constructPath === address ? address : `${constructPath} (${address})`;
  const providerName = Object.entries(known).find(([, p]) => p.resourceTypes.includes(type))?.[0];
  if (!providerName) {
    const typo = closest(type, Object.values(known).flatMap((p) => p.resourceTypes));
    diags.error(
      "Unsupported Resource",
      typo ? `${where}: resource type "${type}" is not one of vaultbridge's: did you mean "${typo}"?` : `${where}: resource type "${type}" does not belong to vaultbridge's providers; ${ADVICE}.`,
    );
    return null;
  }
  const { count, depends_on, lifecycle, provider, for_each, provisioner, connection, ...config } = stripMeta(body);
  for (const [key, present] of [["for_each", for_each], ["provisioner", provisioner], ["connection", connection]] as const) {
    if (present !== undefined) diags.error("Unsupported Construct", `${where}: "${key}" is not supported by the engine; ${ADVICE}.`);
  }
  if ("dynamic" in config) diags.error("Unsupported Construct", `${where}: "dynamic" blocks are not supported by the engine; ${ADVICE}.`);
  if (count !== undefined && typeof count !== "number" && !(typeof count === "string" && /^\$\{var\.[A-Za-z_][\w-]*\}$/.test(count))) {
    diags.error("Unsupported Construct", `${where}: count must be a number or \${var.<name>} for the engine; ${ADVICE}.`);
  }
  const lc = (lifecycle ?? {}) as Record<string, unknown>;
  const ignore = lc.ignore_changes;
  const ignoreChanges: readonly string[] | "all" =
    ignore === "all" || (Array.isArray(ignore) && ignore.includes("all")) ? "all" : Array.isArray(ignore) ? ignore.map((p) => String(p).replace(/\[(\d+)\]/g, ".$1")) : [];
  const providerKey = typeof provider === "string" ? provider.replace(/^\$\{(.*)\}$/, "$1") : providerName;

  const dependsOn = Array.isArray(depends_on) ? depends_on.map((d) => String(d).replace(/^\$\{(.*)\}$/, "$1")) : [];
  let refs: Reference[] = [];
  try {
    refs = referencesIn(config);
  } catch (err) {
    if (!(err instanceof UnsupportedExpressionError)) throw err;
    diags.error("Unsupported Expression", `${where}: ${err.message}`);
  }
  const dependencies = new Set<string>(dependsOn.map((d) => d.split(".").slice(0, 2).join(".")));
  for (const r of refs) if (r.kind === "resource") dependencies.add(`${r.type}.${r.name}`);
  return {
    address,
    type,
    name,
    provider: providerKey,
    config,
    count,
    dependsOn,
    lifecycle: { preventDestroy: lc.prevent_destroy === true, createBeforeDestroy: lc.create_before_destroy === true, ignoreChanges },
    constructPath,
    dependencies: [...dependencies],
  };
}

function readDataSource(type: string, name: string, body: Record<string, unknown>, known: KnownProviders, diags: Diagnostics): StackDataSource | null {
  const address = `data.${type}.${name}`;
  const constructPath = metaPath(body) ?? address;
  const providerName = Object.entries(known).find(([, p]) => p.dataSourceTypes.includes(type))?.[0];
  if (!providerName) {
    diags.error("Unsupported Data Source", `${constructPath}: data source "${type}" does not belong to vaultbridge's providers (${Object.values(known).flatMap((p) => p.dataSourceTypes).join(", ")}); ${ADVICE}.`);
    return null;
  }
  const { provider, depends_on, count, for_each, lifecycle, ...config } = stripMeta(body);
  for (const [key, present] of [["count", count], ["for_each", for_each], ["lifecycle", lifecycle]] as const) {
    if (present !== undefined) diags.error("Unsupported Construct", `${constructPath}: "${key}" on a data source is not supported by the engine; ${ADVICE}.`);
  }
  let refs: Reference[] = [];
  try {
    refs = referencesIn(config);
  } catch (err) {
    if (!(err instanceof UnsupportedExpressionError)) throw err;
    diags.error("Unsupported Expression", `${constructPath}: ${err.message}`);
  }
  const dependencies = new Set<string>((Array.isArray(depends_on) ? depends_on : []).map((d) => String(d).replace(/^\$\{(.*)\}$/, "$1")));
  for (const r of refs) if (r.kind === "resource") dependencies.add(`${r.type}.${r.name}`);
  const providerKey = typeof provider === "string" ? provider.replace(/^\$\{(.*)\}$/, "$1") : providerName;
  return { address, type, name, provider: providerKey, config, constructPath, dependencies: [...dependencies] };
}

/** Every reference must point at a declared variable, resource or data source; dependencies must not form a cycle. */
function checkReferences(resources: StackResource[], variables: StackVariable[], diags: Diagnostics, dataSources: readonly StackDataSource[] = []): void {
  const byAddress = new Map<string, { readonly dependencies: readonly string[] }>([...resources, ...dataSources].map((r) => [r.address, r]));
  const vars = new Set(variables.map((v) => v.name));
  for (const r of [...resources, ...dataSources]) {
    let refs: Reference[] = [];
    try {
      refs = referencesIn(r.config);
    } catch {
      continue; // reported when the resource was read
    }
    if ("count" in r && typeof r.count === "string") refs.push({ kind: "var", name: r.count.slice(6, -1) });
    for (const ref of refs) {
      if (ref.kind === "var" && !vars.has(ref.name)) diags.error("Reference to Undeclared Variable", `${r.constructPath}: var.${ref.name} is not declared.`);
      if (ref.kind === "count.index" && !("count" in r && r.count !== undefined)) diags.error("Invalid Reference", `${r.constructPath}: count.index is used without count.`);
    }
    for (const dep of r.dependencies) {
      if (!byAddress.has(dep)) diags.error("Reference to Undeclared Resource", `${r.constructPath}: refers to ${dep}, which this stack does not declare.`);
    }
  }
  // Cycle check (depth-first, colours).
  const state = new Map<string, 1 | 2>();
  const visit = (a: string, trail: string[]): void => {
    if (state.get(a) === 2) return;
    if (state.get(a) === 1) {
      diags.error("Dependency Cycle", `These resources depend on each other in a cycle: ${[...trail.slice(trail.indexOf(a)), a].join(" → ")}.`);
      return;
    }
    state.set(a, 1);
    for (const d of byAddress.get(a)?.dependencies ?? []) if (byAddress.has(d)) visit(d, [...trail, a]);
    state.set(a, 2);
  };
  for (const r of [...resources, ...dataSources]) visit(r.address, []);
}

function stripMeta(body: Record<string, unknown>): Record<string, unknown> {
  const { [META]: _meta, ...rest } = body;
  return rest;
}

function metaPath(body: Record<string, unknown>): string | undefined {
  const meta = body[META] as { metadata?: { path?: unknown } } | undefined;
  return typeof meta?.metadata?.path === "string" ? meta.metadata.path : undefined;
}

/** The top-level blocks the engine reads, and those Terraform has that it does not. */
const BLOCKS = ["terraform", "provider", "resource", "data", "import", "variable", "output", META];
const TERRAFORM_BLOCKS: Readonly<Record<string, string>> = {
  data: "data sources",
  module: "modules",
  locals: "local values",
  moved: "moved blocks",
  import: "import blocks",
  check: "checks",
  removed: "removed blocks",
};

function describeBlock(key: string): string {
  return TERRAFORM_BLOCKS[key] ?? "unknown to the engine";
}
