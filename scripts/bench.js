#!/usr/bin/env node
// `npm run bench`: the provider's performance figures, measured in one run on this machine, printed as a table.
// Needs a build (npm run build) and terraform on PATH. Figures, not pass/fail: targets are printed beside them.
"use strict";
const { execFile, spawn } = require("node:child_process");
const { mkdtempSync, mkdirSync, writeFileSync, rmSync } = require("node:fs");
const { tmpdir } = require("node:os");
const { join } = require("node:path");
const { promisify } = require("node:util");

const root = join(__dirname, "..");
const { startEmulator } = require(join(root, "dist", "emulator"));
const { createPluginCertificate } = require(join(root, "dist", "plugin", "certificate"));
const { providerMemoryRows } = require("./bench-provider-memory");
const run = promisify(execFile);
// The CLI as users start it: the package's `bin`, a sh launcher (bin/vaultbridge), not node on bin/vaultbridge.js.
const VAULTBRIDGE = join(root, "bin", "vaultbridge");
const COOKIE = "d602bf8f470bc67ca7faa0386276bbdd4330efaf76d1a219cb4d6991ca9872b2";

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const ms = (n) => `${Math.round(n)} ms`;
const rows = [];
const report = (what, value, target = "") => {
  rows.push([what, value, target]);
  process.stderr.write(`  ${what}: ${value}\n`);
};

/**
 * Spawn → handshake line, median of `runs`, for each launcher in turn (interleaved, so a busy neighbour on a
 * shared machine slows them alike). A launcher is [file, args]: the Node script, or the single executable.
 */
async function handshakeMedians(launchers, runs = 21, extraEnv = {}) {
  const client = createPluginCertificate();
  const env = { ...process.env, ...extraEnv, TF_PLUGIN_MAGIC_COOKIE: COOKIE, PLUGIN_PROTOCOL_VERSIONS: "5,6", PLUGIN_CLIENT_CERT: client.certPem };
  for (const [k, v] of Object.entries(extraEnv)) if (v === undefined) delete env[k];
  const times = launchers.map(() => []);
  for (let i = 0; i < runs; i++) {
    for (const [n, [file, args]] of launchers.entries()) {
      const started = process.hrtime.bigint();
      const child = spawn(file, args, { env, stdio: ["ignore", "pipe", "ignore"] });
      await new Promise((resolve) => child.stdout.once("data", resolve));
      times[n].push(Number(process.hrtime.bigint() - started) / 1e6);
      child.kill("SIGKILL");
    }
  }
  return times.map(median);
}

/** The infisical provider as a single-executable application (what `provider package` zips), in a temp folder. */
async function buildSea() {
  const { buildExecutable } = require(join(root, "dist", "release", "sea"));
  const dir = mkdtempSync(join(tmpdir(), "vb-bench-sea-"));
  const out = join(dir, "terraform-provider-infisical");
  await buildExecutable({ bundle: join(root, "dist", "bundle", "terraform-provider-infisical.js"), node: process.execPath, out });
  return { out, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

/** The providers as `provider install` writes them (a sh launcher, the bundle and its code caches beside it). */
function placeInstalled(type, executable) {
  const { placeLaunchedProvider } = require(join(root, "dist", "release", "launcher"));
  placeLaunchedProvider(type, join(root, "dist", "bundle", `terraform-provider-${type}.js`), executable);
}

async function handshakes() {
  const dir = mkdtempSync(join(tmpdir(), "vb-bench-launch-"));
  const launcher = join(dir, "terraform-provider-infisical");
  placeInstalled("infisical", launcher);
  const installed = [launcher, []];
  const sea = await buildSea();
  try {
    const variants = [["", {}]];
    if (process.env.NODE_EXTRA_CA_CERTS) variants.push([" without NODE_EXTRA_CA_CERTS", { NODE_EXTRA_CA_CERTS: undefined }]);
    for (const [label, extraEnv] of variants) {
      const [s, e] = await handshakeMedians([installed, [sea.out, []]], 21, extraEnv);
      report(`provider spawn → handshake${label}, median of 21: installed (launcher + bundle) / single executable`, `${ms(s)} / ${ms(e)} (×${(e / s).toFixed(2)})`, "≤ 60 ms");
    }
  } finally {
    sea.cleanup();
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * One plan's provider launches as terraform's own trace tells them: the last launch's ConfigureProvider (the first
 * use of undici and zod), its first ReadResource (the first connection: login and list), and Shutdown → process
 * gone. Each an interval between two trace lines of terraform, so what terraform itself waits for.
 */
async function providerSession(ws, cwd, runs = 5) {
  const at = (line) => Date.parse(line.slice(0, 24));
  const configure = [];
  const firstRead = [];
  const exit = [];
  for (let i = 0; i < runs; i++) {
    const { stderr } = await run("terraform", ["plan", "-no-color"], { cwd, env: { ...ws.env, TF_LOG: "trace" }, maxBuffer: 256 * 1024 * 1024 });
    const lines = stderr.split("\n").filter((l) => /GRPCProvider\.v6: [A-Z]\w+$|plugin process exited/.test(l));
    const index = (pattern, from = 0) => lines.findIndex((l, n) => n >= from && pattern.test(l));
    const c = lines.map((l) => /ConfigureProvider$/.test(l)).lastIndexOf(true);
    const r = index(/ReadResource$/, c);
    const closed = lines.map((l) => /: Close$/.test(l)).lastIndexOf(true);
    const gone = index(/plugin process exited/, closed);
    if (c < 0 || r < 0 || closed < 0 || gone < 0) throw new Error("terraform's trace lacks the provider calls the bench reads");
    configure.push(at(lines[c + 1]) - at(lines[c]));
    firstRead.push(at(lines[r + 1]) - at(lines[r]));
    exit.push(at(lines[gone]) - at(lines[closed]));
  }
  report(`ConfigureProvider (undici and zod first used), in terraform's trace, median of ${runs}`, ms(median(configure)), "≤ 15 ms");
  report(`first ReadResource (login + one list call), in terraform's trace, median of ${runs}`, ms(median(firstRead)));
  report(`Shutdown → provider process gone, in terraform's trace, median of ${runs}`, ms(median(exit)), "≤ 10 ms");
}

function workspace() {
  const dir = mkdtempSync(join(tmpdir(), "vb-bench-"));
  const plugins = join(dir, "plugins");
  mkdirSync(plugins);
  for (const t of ["infisical", "scrapengine"]) placeInstalled(t, join(plugins, `terraform-provider-${t}`));
  const cli = join(dir, "cli.tfrc");
  writeFileSync(
    cli,
    `provider_installation {\n  dev_overrides {\n    "registry.terraform.io/vaultbridge/infisical" = "${plugins}"\n    "registry.terraform.io/vaultbridge/scrapengine" = "${plugins}"\n  }\n  direct {}\n}\n`,
  );
  const env = { ...process.env, TF_CLI_CONFIG_FILE: cli, CHECKPOINT_DISABLE: "1", TF_IN_AUTOMATION: "1" };
  return {
    dir,
    env,
    async tf(cwd, args) {
      const started = process.hrtime.bigint();
      await run("terraform", args, { cwd, env, maxBuffer: 64 * 1024 * 1024 });
      return Number(process.hrtime.bigint() - started) / 1e6;
    },
    stack(name, body) {
      const cwd = join(dir, name);
      mkdirSync(cwd);
      writeFileSync(join(cwd, "main.tf"), body);
      return cwd;
    },
    cleanup: () => rmSync(dir, { recursive: true, force: true }),
  };
}

const providerBlock = (emu) => `terraform {
  required_providers {
    infisical = { source = "vaultbridge/infisical" }
  }
}
provider "infisical" {
  host = "${emu.url}"
  auth = { universal = { client_id = "${emu.infisical.clientId}", client_secret = "${emu.infisical.clientSecret}" } }
}
`;
const connections = (n, prefix) => `resource "infisical_app_connection_heroku" "c" {
  count       = ${n}
  name        = "${prefix}-\${count.index}"
  credentials = { auth_token = "HRKU-bench" }
}
`;
const terraformData = (n) => `resource "terraform_data" "d" {
  count = ${n}
  input = "x-\${count.index}"
}
`;

async function control(emu, method, path, body) {
  const res = await fetch(`${emu.url}/__emulator${path}`, {
    method,
    headers: body ? { "content-type": "application/json" } : {},
    body: body ? JSON.stringify(body) : undefined,
  });
  if (res.status >= 400) throw new Error(`${method} ${path}: ${res.status} ${await res.text()}`);
  return res.status === 204 ? undefined : res.json();
}

/**
 * The engine at scale, as users run it: `vaultbridge apply` / `plan` as processes against an emulator process of
 * its own (so the server's work is not counted as the engine's), at 1000 and 10,000 connections; one apply each, the
 * no-op plans a median of 3. Peak RSS is the CLI process's own (`process.resourceUsage().maxRSS` at exit, through a
 * --require hook), at 1000.
 */
async function engineAtScale() {
  const dir = mkdtempSync(join(tmpdir(), "vb-bench-engine-"));
  const emulator = spawn(process.execPath, [join(root, "bin", "vaultbridge.js"), "emulator", "--port", "0"], { stdio: ["ignore", "pipe", "inherit"] });
  try {
    const emu = JSON.parse(await new Promise((resolve, reject) => {
      emulator.once("error", reject);
      emulator.stdout.once("data", (d) => resolve(String(d)));
    }));
    const hook = join(dir, "max-rss.js");
    writeFileSync(hook, `process.on("exit", () => require("node:fs").writeFileSync(process.env.VB_BENCH_MAX_RSS, String(process.resourceUsage().maxRSS)));\n`);
    const cli = async (cwd, args) => {
      const rssFile = join(dir, "rss");
      const started = process.hrtime.bigint();
      const nodeOptions = [process.env.NODE_OPTIONS, `--require ${hook}`].filter(Boolean).join(" ");
      await run(VAULTBRIDGE, args, { cwd, env: { ...process.env, CHECKPOINT_DISABLE: "1", VB_BENCH_MAX_RSS: rssFile, NODE_OPTIONS: nodeOptions }, maxBuffer: 256 * 1024 * 1024 });
      const took = Number(process.hrtime.bigint() - started) / 1e6;
      return { ms: took, rssMb: Number(require("node:fs").readFileSync(rssFile, "utf8")) / 1024 };
    };
    const at = {};
    for (const n of [1000, 10_000]) {
      await control(emu, "POST", "/reset");
      const cwd = join(dir, `n${n}`);
      mkdirSync(cwd);
      writeFileSync(
        join(cwd, "cdk.tf.json"),
        JSON.stringify({
          terraform: { required_providers: { infisical: { source: "vaultbridge/infisical" } } },
          provider: { infisical: [{ host: emu.url, auth: { universal: { client_id: emu.infisical.clientId, client_secret: emu.infisical.clientSecret } } }] },
          resource: { infisical_app_connection_heroku: { c: { count: n, name: `s${n}-\${count.index}`, credentials: { auth_token: "HRKU-bench" } } } },
        }),
      );
      const apply = await cli(cwd, ["apply", "-auto-approve", "-no-color"]);
      const plans = [];
      for (let i = 0; i < 3; i++) plans.push(await cli(cwd, ["plan", "-no-color", "-detailed-exitcode"]));
      at[n] = { apply, plan: { ms: median(plans.map((p) => p.ms)), rssMb: Math.max(...plans.map((p) => p.rssMb)) } };
    }
    const ratio = (f) => `×${(f(at[10_000]) / f(at[1000])).toFixed(1)}`;
    report("engine CLI (a process; emulator in another): apply of 1000 / 10,000 new connections", `${ms(at[1000].apply.ms)} / ${ms(at[10_000].apply.ms)} (${ratio((x) => x.apply.ms)})`, "10,000 ≤ 11× 1000");
    report("engine CLI: no-op plan of 1000 / 10,000 existing connections, median of 3", `${ms(at[1000].plan.ms)} / ${ms(at[10_000].plan.ms)} (${ratio((x) => x.plan.ms)})`, "1000 < 300 ms");
    report("engine CLI peak RSS at 1000: apply / no-op plan", `${Math.round(at[1000].apply.rssMb)} MB / ${Math.round(at[1000].plan.rssMb)} MB`);
  } finally {
    emulator.kill();
    rmSync(dir, { recursive: true, force: true });
  }
}

async function main() {
  process.stderr.write("vaultbridge benchmark (this machine, one run)\n");
  await handshakes();

  const emu = await startEmulator({ port: 0 });
  const ws = workspace();
  try {
    for (const n of [1, 10, 100]) {
      const ours = ws.stack(`conn-${n}`, providerBlock(emu) + connections(n, `b${n}`));
      await ws.tf(ours, ["apply", "-auto-approve", "-no-color"]);
      const core = ws.stack(`data-${n}`, terraformData(n));
      await ws.tf(core, ["init", "-no-color"]);
      await ws.tf(core, ["apply", "-auto-approve", "-no-color"]);
      const oursTimes = [];
      const coreTimes = [];
      for (let i = 0; i < 3; i++) {
        oursTimes.push(await ws.tf(ours, ["plan", "-no-color"]));
        coreTimes.push(await ws.tf(core, ["plan", "-no-color"]));
      }
      const [o, c] = [median(oursTimes), median(coreTimes)];
      const target = { 1: "≤ 8× core", 100: "≤ 5× core" }[n] ?? "";
      report(`terraform plan, ${n} existing connection(s) / ${n} terraform_data (core alone), median of 3`, `${ms(o)} / ${ms(c)} (×${(o / c).toFixed(1)})`, target);
    }
    await providerSession(ws, join(ws.dir, "conn-1"));

    // The warm paths beside the plain launch and terraform core alone: `vaultbridge terraform` (one provider process
    // started for the run) and terraform against a long-lived `provider serve` (started once, outside the timing).
    // At 100 the served row is also what terraform itself costs with these providers, with no launch and warm code.
    {
      const serve = spawn(process.execPath, [join(root, "bin", "vaultbridge.js"), "provider", "serve", "--json"], { stdio: ["ignore", "pipe", "ignore"] });
      const reattach = await new Promise((resolve) => serve.stdout.once("data", (d) => resolve(String(d).trim())));
      const plainEnv = { ...process.env, TF_CLI_CONFIG_FILE: "/dev/null", CHECKPOINT_DISABLE: "1", TF_IN_AUTOMATION: "1" };
      try {
        for (const n of [10, 100]) {
          const ours = join(ws.dir, `conn-${n}`);
          const core = join(ws.dir, `data-${n}`);
          const timed = async (file, args, env) => {
            const started = process.hrtime.bigint();
            await run(file, args, { cwd: ours, env, maxBuffer: 64 * 1024 * 1024 });
            return Number(process.hrtime.bigint() - started) / 1e6;
          };
          const times = { launched: [], warm: [], served: [], core: [] };
          for (let i = 0; i < 5; i++) {
            times.launched.push(await ws.tf(ours, ["plan", "-no-color"]));
            times.warm.push(await timed(VAULTBRIDGE, ["terraform", "plan", "-no-color"], plainEnv));
            times.served.push(await timed("terraform", ["plan", "-no-color"], { ...plainEnv, TF_REATTACH_PROVIDERS: reattach }));
            times.core.push(await ws.tf(core, ["plan", "-no-color"]));
          }
          const [l, w, r, c] = [times.launched, times.warm, times.served, times.core].map(median);
          const x = (v) => `×${(v / c).toFixed(1)} core`;
          report(
            `terraform plan of ${n}: launched / vaultbridge terraform / against a running provider serve, median of 5`,
            `${ms(l)} / ${ms(w)} / ${ms(r)} (${x(l)} / ${x(w)} / ${x(r)})`,
            "warm ≤ 2× core alone",
          );
        }
      } finally {
        serve.kill("SIGTERM");
      }
    }

    // 1000 connections: plan beside core alone, launched and warm; the provider's peak RSS (bench-provider-memory.js).
    await providerMemoryRows({ root, ws, startEmulator, providerBlock, connections, terraformData, tf: ws.tf, report, median, ms });

    // Adoption of an organization with 200 connections: seconds, and one list call per API. An emulator of its own,
    // so the stacks measured below keep theirs.
    {
      const emu = await startEmulator({ port: 0 });
      const login = await (await fetch(`${emu.url}/api/v1/auth/universal-auth/login`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ clientId: emu.infisical.clientId, clientSecret: emu.infisical.clientSecret }) })).json();
      for (let i = 0; i < 200; i++) {
        const res = await fetch(`${emu.url}/api/v1/app-connections/heroku`, {
          method: "POST",
          headers: { "content-type": "application/json", authorization: `Bearer ${login.accessToken}` },
          body: JSON.stringify({ name: `adopt-${i}`, method: "auth-token", credentials: { authToken: "HRKU-bench" } }),
        });
        if (res.status !== 200) throw new Error(`seeding connection ${i}: ${res.status}`);
      }
      await control(emu, "DELETE", "/requests");
      const out = join(ws.dir, "adopted");
      const started = process.hrtime.bigint();
      await run(VAULTBRIDGE, ["adopt", "--out", out], {
        env: { ...process.env, INFISICAL_HOST: emu.url, INFISICAL_UNIVERSAL_AUTH_CLIENT_ID: emu.infisical.clientId, INFISICAL_UNIVERSAL_AUTH_CLIENT_SECRET: emu.infisical.clientSecret },
      });
      const took = Number(process.hrtime.bigint() - started) / 1e6;
      const { requests } = await control(emu, "GET", "/requests");
      const lists = requests.filter((r) => !r.path.includes("/auth/")).length;
      report("vaultbridge adopt of 200 connections: time / API calls (logins aside)", `${ms(took)} / ${lists}`, "seconds; 1 list call");
      await emu.close();
    }

    const hundred = join(ws.dir, "conn-100");
    await control(emu, "DELETE", "/requests");
    await ws.tf(hundred, ["plan", "-no-color"]);
    const { requests } = await control(emu, "GET", "/requests");
    const apiCalls = requests.filter((r) => r.path.startsWith("/api/v1/app-connections"));
    report("API calls per refresh of 100 connections (plus logins)", `${apiCalls.length} (+${requests.length - apiCalls.length} login)`, "≤ 3");

    await control(emu, "PUT", "/rate-limits", { enabled: true });
    await control(emu, "PUT", "/latency", { ms: 50 });
    const limited = await ws.tf(hundred, ["plan", "-no-color"]);
    report("terraform plan of 100 connections, real rate limits (60 reads/min) + 50 ms latency", ms(limited), "< 3 s (per-resource GETs: over a minute)");
    await control(emu, "PUT", "/rate-limits", { enabled: false });
    await control(emu, "PUT", "/latency", { ms: 0 });

    // The embedded engine beside terraform, on the same Terraform JSON stack.
    const { plan, apply } = require(join(root, "dist", "engine", "engine"));
    for (const n of [10, 100, 1000]) {
      const json = JSON.stringify({
        terraform: { required_providers: { infisical: { source: "vaultbridge/infisical" } } },
        provider: { infisical: [{ host: emu.url, auth: { universal: { client_id: emu.infisical.clientId, client_secret: emu.infisical.clientSecret } } }] },
        resource: { infisical_app_connection_heroku: { c: { count: n, name: `e${n}-\${count.index}`, credentials: { auth_token: "HRKU-bench" } } } },
      });
      const engineDir = ws.stack(`engine-${n}`, "");
      rmSync(join(engineDir, "main.tf"));
      writeFileSync(join(engineDir, "cdk.tf.json"), json);
      let t = process.hrtime.bigint();
      const created = await apply(await plan(engineDir), {});
      if (created.diagnostics.some((d) => d.severity === "error")) throw new Error(`engine apply of ${n} failed`);
      const engineApply = Number(process.hrtime.bigint() - t) / 1e6;
      t = process.hrtime.bigint();
      await plan(engineDir);
      const enginePlan = Number(process.hrtime.bigint() - t) / 1e6;
      await apply(await plan(engineDir, { destroy: true }), {});

      const tfDir = ws.stack(`tf-${n}`, "");
      rmSync(join(tfDir, "main.tf"));
      writeFileSync(join(tfDir, "cdk.tf.json"), json.replace(/"e(\d+)-/, '"t$1-'));
      const tfApply = await ws.tf(tfDir, ["apply", "-auto-approve", "-no-color"]);
      const tfPlan = await ws.tf(tfDir, ["plan", "-no-color"]);
      await ws.tf(tfDir, ["destroy", "-auto-approve", "-no-color"]);
      report(`engine / terraform: apply of ${n} new connections`, `${ms(engineApply)} / ${ms(tfApply)}`);
      report(`engine / terraform: no-op plan of ${n} connections`, `${ms(enginePlan)} / ${ms(tfPlan)}`, n === 1000 ? "engine < 2 s" : "");
    }
  } finally {
    ws.cleanup();
    await emu.close();
  }
  await engineAtScale();

  const width = Math.max(...rows.map((r) => r[0].length));
  const valueWidth = Math.max(16, ...rows.map((r) => r[1].length));
  process.stdout.write(`\n${"measure".padEnd(width)}  ${"value".padEnd(valueWidth)}  target\n`);
  for (const [what, value, target] of rows) process.stdout.write(`${what.padEnd(width)}  ${value.padEnd(valueWidth)}  ${target}\n`);
}

main().catch((err) => {
  process.stderr.write(`bench failed: ${err.stack || err}\n`);
  process.exit(1);
});
