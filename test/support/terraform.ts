/**
 * Drives the real `terraform` binary (1.11.x, on PATH) against the bundled providers, for acceptance tests.
 *
 * ASSUMPTION: dist/bundle/ is built and current. The test command builds first (`npm test` runs `npm run build`;
 * by hand: `npm run build && npx jest test/terraform`); a missing bundle is reported as such.
 *
 * Each TerraformWorkspace is a temp dir holding a copy of both provider bundles, a CLI configuration whose
 * `dev_overrides` point at them (so no `terraform init` is needed — and init would fail), and the .tf files a test
 * writes. Terraform runs asynchronously (spawn, never spawnSync) because the emulator usually runs in the jest
 * worker's own event loop.
 */
import { spawn } from "node:child_process";
import { chmodSync, copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { TestEmulator } from "./emulator";

export const REPO_ROOT = join(__dirname, "..", "..");
const BUNDLE_DIR = join(REPO_ROOT, "dist", "bundle");
const PROVIDERS = ["infisical", "scrapengine"] as const;

/** Generous: a terraform command here takes 1–3 s; a fault-injected apply of 30 resources some more. */
export const DEFAULT_RUN_TIMEOUT_MS = 60_000;

/** Subcommands that accept `-no-color`. */
const NO_COLOR_COMMANDS = new Set(["plan", "apply", "destroy", "import", "refresh", "validate", "show", "output", "providers"]);

/** Inherited variables that would change what Terraform or the providers do: dropped for hermetic runs. */
const SCRUBBED_ENV = /^(TF_|INFISICAL_|SCRAPENGINE_|CHECKPOINT_)/;

export interface RunOptions {
  /** Extra environment for this run (e.g. `{ TF_LOG: "trace" }`). */
  readonly env?: Readonly<Record<string, string>>;
  /** Throw, with the whole output, when the exit code differs. */
  readonly expectCode?: number;
  readonly timeoutMs?: number;
}

export interface RunningTerraform {
  readonly result: Promise<RunResult>;
  /** Sends a signal to terraform's whole process group (terraform and its provider processes). */
  signal(sig: NodeJS.Signals): void;
}

export interface RunResult {
  readonly args: readonly string[];
  readonly code: number | null;
  /** The signal that ended terraform, if one did. */
  readonly signal: NodeJS.Signals | null;
  readonly stdout: string;
  readonly stderr: string;
  readonly durationMs: number;
}

export interface StateInstance {
  readonly index_key?: string | number;
  readonly attributes: Record<string, unknown>;
}

export interface StateResource {
  readonly mode: string;
  readonly type: string;
  readonly name: string;
  readonly provider: string;
  readonly instances: readonly StateInstance[];
}

export interface TerraformState {
  readonly version: number;
  readonly serial: number;
  readonly resources: readonly StateResource[];
}

export function requireBundles(): void {
  for (const name of PROVIDERS) {
    const file = join(BUNDLE_DIR, `terraform-provider-${name}.js`);
    if (!existsSync(file)) throw new Error(`${file} is missing: run \`npm run build\` before the terraform tests`);
  }
}

export class TerraformWorkspace {
  readonly dir: string;
  readonly pluginDir: string;
  readonly cliConfig: string;
  /** Every run so far, for timing reports and post-mortems. */
  readonly runs: RunResult[] = [];

  constructor() {
    requireBundles();
    this.dir = mkdtempSync(join(tmpdir(), "vaultbridge-tf-"));
    this.pluginDir = join(this.dir, ".plugins");
    mkdirSync(this.pluginDir);
    for (const name of PROVIDERS) {
      const target = join(this.pluginDir, `terraform-provider-${name}`);
      copyFileSync(join(BUNDLE_DIR, `terraform-provider-${name}.js`), target);
      chmodSync(target, 0o755);
    }
    this.cliConfig = join(this.dir, ".terraformrc");
    writeFileSync(
      this.cliConfig,
      [
        "provider_installation {",
        "  dev_overrides {",
        ...PROVIDERS.map((name) => `    "registry.terraform.io/vaultbridge/${name}" = ${JSON.stringify(this.pluginDir)}`),
        "  }",
        "  direct {}",
        "}",
        "",
      ].join("\n"),
    );
  }

  /** Writes (or replaces) files in the workspace, e.g. `{ "main.tf": "..." }`. */
  write(files: Readonly<Record<string, string>>): void {
    for (const [name, text] of Object.entries(files)) writeFileSync(join(this.dir, name), text);
  }

  read(name: string): string {
    return readFileSync(join(this.dir, name), "utf8");
  }

  /** Runs `terraform <args>` in the workspace (`-no-color` added where the subcommand takes it). */
  run(args: readonly string[], opts: RunOptions = {}): Promise<RunResult> {
    return this.start(args, opts).result;
  }

  /**
   * Starts `terraform <args>` and hands back its process group (terraform and the providers it launches), so a
   * test can signal them the way a terminal does: `signal("SIGINT")` is Ctrl-C, `signal("SIGKILL")` a crash.
   */
  start(args: readonly string[], opts: RunOptions = {}): RunningTerraform {
    let pgid: number | undefined;
    const result = this.spawnRun(args, opts, (pid) => (pgid = pid));
    return {
      result,
      signal: (sig) => {
        if (pgid === undefined) throw new Error("terraform has not started");
        process.kill(-pgid, sig);
      },
    };
  }

  private spawnRun(args: readonly string[], opts: RunOptions, onSpawn: (pid: number) => void): Promise<RunResult> {
    const full = [...args];
    if (full.length > 0 && NO_COLOR_COMMANDS.has(full[0]) && !full.includes("-no-color")) full.splice(1, 0, "-no-color");
    const env: NodeJS.ProcessEnv = {};
    for (const [k, v] of Object.entries(process.env)) if (!SCRUBBED_ENV.test(k)) env[k] = v;
    Object.assign(env, { TF_CLI_CONFIG_FILE: this.cliConfig, CHECKPOINT_DISABLE: "1", TF_IN_AUTOMATION: "1" }, opts.env);
    const timeoutMs = opts.timeoutMs ?? DEFAULT_RUN_TIMEOUT_MS;
    const started = Date.now();

    return new Promise<RunResult>((resolve, reject) => {
      // Its own process group, so a timeout can end terraform together with the provider processes it started.
      const child = spawn("terraform", full, { cwd: this.dir, env, stdio: ["ignore", "pipe", "pipe"], detached: true });
      if (child.pid !== undefined) onSpawn(child.pid);
      const out: Buffer[] = [];
      const err: Buffer[] = [];
      child.stdout.on("data", (c: Buffer) => out.push(c));
      child.stderr.on("data", (c: Buffer) => err.push(c));
      let timedOut = false;
      const timer = setTimeout(() => {
        timedOut = true;
        try {
          if (child.pid !== undefined) process.kill(-child.pid, "SIGKILL");
        } catch {
          /* already gone */
        }
      }, timeoutMs);
      child.once("error", (e) => {
        clearTimeout(timer);
        reject(new Error(`could not run terraform ${full.join(" ")}: ${e.message}`));
      });
      child.once("close", (code, signal) => {
        clearTimeout(timer);
        const result: RunResult = {
          args: full,
          code,
          signal,
          stdout: Buffer.concat(out).toString("utf8"),
          stderr: Buffer.concat(err).toString("utf8"),
          durationMs: Date.now() - started,
        };
        this.runs.push(result);
        if (timedOut) return reject(new Error(`terraform ${full.join(" ")} timed out after ${timeoutMs} ms\n${describeRun(result)}`));
        if (opts.expectCode !== undefined && code !== opts.expectCode) {
          return reject(new Error(`terraform ${full.join(" ")} exited ${String(code)}, expected ${opts.expectCode}\n${describeRun(result)}`));
        }
        resolve(result);
      });
    });
  }

  /** `apply -auto-approve` that must succeed. */
  apply(extra: readonly string[] = [], opts: RunOptions = {}): Promise<RunResult> {
    return this.run(["apply", "-auto-approve", ...extra], { expectCode: 0, ...opts });
  }

  /** `plan -detailed-exitcode` with the expected exit code (0 no changes, 2 changes, 1 error). */
  plan(expectCode: 0 | 1 | 2, extra: readonly string[] = [], opts: RunOptions = {}): Promise<RunResult> {
    return this.run(["plan", "-detailed-exitcode", ...extra], { expectCode, ...opts });
  }

  hasState(): boolean {
    return existsSync(join(this.dir, "terraform.tfstate"));
  }

  /** The parsed terraform.tfstate. */
  state(): TerraformState {
    return JSON.parse(this.read("terraform.tfstate")) as TerraformState;
  }

  /** Forgets the local state (and its backup), for importing into a fresh state. */
  removeState(): void {
    rmSync(join(this.dir, "terraform.tfstate"), { force: true });
    rmSync(join(this.dir, "terraform.tfstate.backup"), { force: true });
  }

  /** Every managed instance in state, with its address (`type.name` or `type.name[key]`). */
  instances(type?: string): { address: string; attributes: Record<string, unknown> }[] {
    if (!this.hasState()) return [];
    const all: { address: string; attributes: Record<string, unknown> }[] = [];
    for (const r of this.state().resources) {
      if (r.mode !== "managed" || (type !== undefined && r.type !== type)) continue;
      for (const i of r.instances) {
        const key = i.index_key === undefined ? "" : `[${JSON.stringify(i.index_key)}]`;
        all.push({ address: `${r.type}.${r.name}${key}`, attributes: i.attributes });
      }
    }
    return all;
  }

  /** The attributes of one instance in state (throws when absent). */
  attributes(address: string): Record<string, unknown> {
    const found = this.instances().find((i) => i.address === address);
    if (!found) throw new Error(`${address} is not in state; state has: ${this.instances().map((i) => i.address).join(", ")}`);
    return found.attributes;
  }

  cleanup(): void {
    rmSync(this.dir, { recursive: true, force: true });
  }
}

/** The whole output of a run, for error messages. */
export function describeRun(r: RunResult): string {
  return `--- terraform ${r.args.join(" ")} (exit ${String(r.code)}, ${r.durationMs} ms)\n--- stdout\n${r.stdout}\n--- stderr\n${r.stderr}`;
}

export type ProviderName = (typeof PROVIDERS)[number];

/**
 * The `terraform` block and the provider blocks, configured for a TestEmulator. Both by default; naming only the
 * one a configuration uses spares Terraform launching the other provider (about 0.1 s per launch, 3–5 per run).
 */
export function providerBlocks(emu: TestEmulator, only: readonly ProviderName[] = PROVIDERS): string {
  const { url, infisical, scrapengine } = emu.emulator;
  const blocks = [
    `terraform {
  required_providers {
${only.map((name) => `    ${name} = { source = "vaultbridge/${name}" }`).join("\n")}
  }
}
`,
  ];
  if (only.includes("infisical")) {
    blocks.push(`provider "infisical" {
  host = ${hcl(url)}
  auth = {
    universal = {
      client_id     = ${hcl(infisical.clientId)}
      client_secret = ${hcl(infisical.clientSecret)}
    }
  }
}
`);
  }
  if (only.includes("scrapengine")) {
    blocks.push(`provider "scrapengine" {
  base_url = ${hcl(scrapengine.baseUrl)}
  api_key  = ${hcl(scrapengine.apiKey)}
}
`);
  }
  return blocks.join("\n");
}

/** HCL written as is, e.g. `raw('"conn-${count.index}"')`. */
export class RawHcl {
  constructor(readonly text: string) {}
}
export const raw = (text: string): RawHcl => new RawHcl(text);

/** A JS value as an HCL expression (strings escaped, template sequences included; a RawHcl as written). */
export function hcl(value: unknown, indent = ""): string {
  if (value === null || value === undefined) return "null";
  if (value instanceof RawHcl) return value.text;
  if (typeof value === "string") return JSON.stringify(value).replace(/\$\{/g, "$${").replace(/%\{/g, "%%{");
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  if (Array.isArray(value)) return `[${value.map((v) => hcl(v, indent)).join(", ")}]`;
  if (typeof value === "object") {
    const inner = `${indent}  `;
    const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined);
    if (entries.length === 0) return "{}";
    return `{\n${entries.map(([k, v]) => `${inner}${k} = ${hcl(v, inner)}`).join("\n")}\n${indent}}`;
  }
  throw new Error(`cannot render ${typeof value} as HCL`);
}

/**
 * A resource block, one top-level attribute per line (so lineOf can find each). A value (at any depth) that is
 * a `RawHcl` is written as is (e.g. `"conn-${count.index}"`); `meta` lines (e.g. `count = 3`) come first.
 */
export function resourceBlock(type: string, name: string, attrs: Readonly<Record<string, unknown>>, meta: readonly string[] = []): string {
  const lines = [`resource "${type}" "${name}" {`, ...meta.map((m) => `  ${m}`)];
  for (const [k, v] of Object.entries(attrs)) {
    if (v === undefined) continue;
    lines.push(`  ${k} = ${hcl(v, "  ")}`);
  }
  lines.push("}", "");
  return lines.join("\n");
}

/**
 * 1-based line of `resource "<type>" "<name>" {` in `source`, or with `attribute`, of that block's first line
 * assigning it (`  attribute = ...`). Throws when absent, so a test never asserts against a wrong line.
 */
export function lineOf(source: string, address: string, attribute?: string): number {
  const [type, name] = address.split(".");
  const lines = source.split("\n");
  const header = lines.findIndex((l) => l.startsWith(`resource "${type}" "${name}" {`));
  if (header === -1) throw new Error(`no block for ${address}`);
  if (attribute === undefined) return header + 1;
  const assign = new RegExp(`^\\s*${attribute}\\s*=`);
  for (let i = header + 1; i < lines.length && lines[i] !== "}"; i++) if (assign.test(lines[i])) return i + 1;
  throw new Error(`no ${attribute} in ${address}`);
}

export interface Diagnostic {
  readonly severity: "Error" | "Warning";
  readonly summary: string;
  /** `with <address>,` when Terraform ties it to a resource. */
  readonly address?: string;
  readonly file?: string;
  readonly line?: number;
  /** The source line Terraform prints under `on <file> line N` (its text, without the number). */
  readonly snippet?: string;
  /** The detail, with Terraform's line wrapping undone. */
  readonly detail: string;
}

/**
 * The diagnostics Terraform printed (with -no-color), from stdout and stderr:
 *
 *   Error: <summary>
 *
 *     with <address>,
 *     on <file> line <N>, in resource "<type>" "<name>":
 *     <N>:   <source line>
 *
 *   <detail, wrapped>
 */
export function parseDiagnostics(output: string): Diagnostic[] {
  const lines = output.split("\n");
  const found: Diagnostic[] = [];
  for (let i = 0; i < lines.length; i++) {
    const head = /^(?:│ )?(Error|Warning): (.*)$/.exec(lines[i]);
    if (!head) continue;
    const strip = (l: string) => l.replace(/^│ ?/, "");
    const body: string[] = [];
    let j = i + 1;
    for (; j < lines.length; j++) {
      if (/^(?:│ )?(Error|Warning): /.test(lines[j]) || /^[╵╷]/.test(lines[j])) break;
      body.push(strip(lines[j]));
    }
    i = j - 1;
    let address: string | undefined;
    let file: string | undefined;
    let line: number | undefined;
    let snippet: string | undefined;
    const detail: string[] = [];
    for (let k = 0; k < body.length; k++) {
      const l = body[k];
      const withM = /^  with (.+),$/.exec(l);
      const onM = /^  on (\S+) line (\d+)/.exec(l);
      if (withM && address === undefined) address = withM[1];
      else if (onM && file === undefined) {
        file = onM[1];
        line = Number(onM[2]);
        const src = new RegExp(`^\\s*${line}: (.*)$`).exec(body[k + 1] ?? "");
        if (src) {
          snippet = src[1];
          k++;
          // Further lines of a multi-line subject, and the underline row (with colour only).
          while (k + 1 < body.length && /^\s*(\d+: |│|\s+\^)/.test(body[k + 1]) && body[k + 1].trim() !== "") k++;
        }
      } else if (l.trim() !== "") detail.push(l.trim());
    }
    found.push({
      severity: head[1] as "Error" | "Warning",
      summary: head[2].trim(),
      address,
      file,
      line,
      snippet,
      detail: detail.join(" "),
    });
  }
  return found;
}

/** Diagnostics without the one every dev_overrides run prints. */
export function ownDiagnostics(output: string): Diagnostic[] {
  return parseDiagnostics(output).filter((d) => d.summary !== "Provider development overrides are in effect");
}

export interface PlannedAttributeChange {
  /** `~`, `+`, `-` or `-/+`. */
  readonly marker: string;
  readonly name: string;
  /** The rest of the line after `name =` (or `{` for a nested object). */
  readonly rest: string;
  /** Depth: 0 for a top-level attribute, 1 inside `credentials = {`, ... */
  readonly depth: number;
  readonly forcesReplacement: boolean;
}

export interface PlannedResource {
  readonly address: string;
  /** What Terraform says: "will be created", "will be updated in-place", "must be replaced", "will be destroyed". */
  readonly action: string;
  readonly marker: string;
  readonly lines: readonly string[];
  readonly changes: readonly PlannedAttributeChange[];
}

/** The resource sections of a plan (`# <addr> will be ...` … `}`), from plan or apply output. */
export function parsePlan(output: string): { resources: PlannedResource[]; summary?: { add: number; change: number; destroy: number } } {
  const lines = output.split("\n");
  const resources: PlannedResource[] = [];
  for (let i = 0; i < lines.length; i++) {
    const head = /^  # (\S+) (will be created|will be updated in-place|must be replaced|will be destroyed|will be read during apply)/.exec(lines[i]);
    if (!head) continue;
    let j = i + 1;
    while (j < lines.length && /^  # /.test(lines[j])) j++; // "(imported from …)", "(moved from …)" notes
    const open = /^(  )?(\S+) +(?:resource|data) "/.exec(lines[j] ?? "");
    const marker = open ? open[2] : "";
    const block: string[] = [];
    for (j = j + 1; j < lines.length && lines[j] !== "    }"; j++) block.push(lines[j]);
    const changes: PlannedAttributeChange[] = [];
    for (const l of block) {
      const m = /^(\s*)(-\/\+|[~+-]) ([A-Za-z0-9_"]+)(?: +=)? *(.*)$/.exec(l);
      if (!m) continue;
      changes.push({
        marker: m[2],
        name: m[3].replace(/"/g, ""),
        rest: m[4],
        depth: Math.max(0, Math.round((m[1].length - 6) / 4)),
        forcesReplacement: /# forces replacement/.test(l),
      });
    }
    resources.push({ address: head[1], action: head[2], marker, lines: block, changes });
    i = j;
  }
  const s = /Plan: (\d+) to add, (\d+) to change, (\d+) to destroy/.exec(output);
  return { resources, summary: s ? { add: Number(s[1]), change: Number(s[2]), destroy: Number(s[3]) } : undefined };
}

/** Concatenated stdout and stderr of a run. */
export const output = (r: RunResult): string => `${r.stdout}\n${r.stderr}`;
