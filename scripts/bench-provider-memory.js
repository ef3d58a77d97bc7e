// Bench rows for 1000 resources: terraform plan beside terraform_data (core alone), launched and through the warm
// path, and the provider's peak RSS during terraform apply and plan. Called by bench.js with its helpers.
//
// Peak RSS is VmHWM from /proc/<pid>/status (Linux), polled every 10 ms while terraform runs: for launched
// providers, of every infisical provider process terraform starts (the launcher execs node on the bundle beside it,
// vaultbridge-provider-infisical.js; the largest is the one that walks the graph); for the warm path, of the `vaultbridge terraform` process, which serves both providers itself. VmHWM only
// grows, so the last reading before a process exits is its peak (less what it grows in its last 10 ms, after
// Shutdown).
"use strict";
const { spawn } = require("node:child_process");
const { readFileSync, readdirSync } = require("node:fs");
const { join } = require("node:path");

const N = 1000;
const TARGET_MB = 80;

function peakMb(pid) {
  try {
    const m = /^VmHWM:\s+(\d+) kB/m.exec(readFileSync(`/proc/${pid}/status`, "utf8"));
    return m ? Number(m[1]) / 1024 : 0;
  } catch {
    return 0; // gone
  }
}

function commandLine(pid) {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, "utf8");
  } catch {
    return "";
  }
}

/** Every descendant of `pid`: terraform (Go) starts plugins from any of its threads, so each thread's children. */
function descendants(pid) {
  const out = [];
  const stack = [pid];
  while (stack.length) {
    const p = stack.pop();
    let threads = [];
    try {
      threads = readdirSync(`/proc/${p}/task`);
    } catch {
      continue;
    }
    for (const t of threads) {
      let children = "";
      try {
        children = readFileSync(`/proc/${p}/task/${t}/children`, "utf8");
      } catch {
        continue;
      }
      for (const c of children.split(" ").filter(Boolean).map(Number)) {
        out.push(c);
        stack.push(c);
      }
    }
  }
  return out;
}

/**
 * Runs `file args` to completion; resolves its wall time and the highest peak RSS among the processes `watch`
 * picks (the process itself when `watch` is "self", else descendants whose command line `watch` matches).
 */
function runWatched(file, args, { cwd, env, watch }) {
  return new Promise((resolve, reject) => {
    const started = process.hrtime.bigint();
    const child = spawn(file, args, { cwd, env, stdio: ["ignore", "ignore", "pipe"] });
    let stderr = "";
    child.stderr.on("data", (d) => (stderr += d));
    let peak = 0;
    const poll = () => {
      const pids = watch === "self" ? [child.pid] : descendants(child.pid).filter((p) => watch.test(commandLine(p)));
      for (const p of pids) peak = Math.max(peak, peakMb(p));
    };
    const timer = setInterval(poll, 10);
    child.once("error", reject);
    child.once("exit", (code) => {
      clearInterval(timer);
      if (code !== 0) return reject(new Error(`${file} ${args.join(" ")} exited ${code}: ${stderr.slice(-2000)}`));
      resolve({ ms: Number(process.hrtime.bigint() - started) / 1e6, peak });
    });
  });
}

/**
 * `bench` is bench.js's kit: root, workspace (ws, with its `stack` and plugin dir), startEmulator, providerBlock,
 * connections, terraformData, report, median, ms. An emulator of its own: its 1000 connections would otherwise
 * enlarge every list the rows after it measure.
 */
async function providerMemoryRows(bench) {
  const { root, ws, report, median, ms } = bench;
  const mb = (n) => `${n.toFixed(1)} MB`;
  const emu = await bench.startEmulator({ port: 0 });
  try {
    const env = ws.env ?? { ...process.env, TF_CLI_CONFIG_FILE: join(ws.dir, "cli.tfrc"), CHECKPOINT_DISABLE: "1", TF_IN_AUTOMATION: "1" };
    const warmEnv = { ...process.env, TF_CLI_CONFIG_FILE: "/dev/null", CHECKPOINT_DISABLE: "1", TF_IN_AUTOMATION: "1" };
    const launched = (cwd, args) => runWatched("terraform", [...args, "-no-color"], { cwd, env, watch: /(terraform|vaultbridge)-provider-infisical/ });
    const warm = (cwd, args) =>
      // The package's sh launcher execs node: the process watched is node itself.
      runWatched(join(root, "bin", "vaultbridge"), ["terraform", ...args, "-no-color"], { cwd, env: warmEnv, watch: "self" });

    const ours = ws.stack(`memory-conn-${N}`, bench.providerBlock(emu) + bench.connections(N, `m${N}`));
    const applied = await launched(ours, ["apply", "-auto-approve"]);
    report(`terraform apply of ${N} new connections: time / provider peak RSS`, `${ms(applied.ms)} / ${mb(applied.peak)}`, `RSS ≤ ${TARGET_MB} MB`);

    const core = ws.stack(`memory-data-${N}`, bench.terraformData(N));
    await bench.tf(core, ["init", "-no-color"]);
    await bench.tf(core, ["apply", "-auto-approve", "-no-color"]);

    const runs = { launched: [], warm: [], core: [] };
    for (let i = 0; i < 3; i++) {
      runs.launched.push(await launched(ours, ["plan"]));
      runs.warm.push(await warm(ours, ["plan"]));
      runs.core.push(await bench.tf(core, ["plan", "-no-color"]));
    }
    const l = median(runs.launched.map((r) => r.ms));
    const w = median(runs.warm.map((r) => r.ms));
    const c = median(runs.core);
    report(
      `terraform plan, ${N} existing connections: launched / vaultbridge terraform (warm) / ${N} terraform_data (core alone), median of 3`,
      `${ms(l)} / ${ms(w)} / ${ms(c)} (×${(l / c).toFixed(1)} / ×${(w / c).toFixed(1)})`,
      "warm ≤ 2× core alone",
    );
    const lp = median(runs.launched.map((r) => r.peak));
    const wp = median(runs.warm.map((r) => r.peak));
    report(
      `terraform plan of ${N} connections, peak RSS: launched provider / warm process (both providers), median of 3`,
      `${mb(lp)} / ${mb(wp)}`,
      `provider ≤ ${TARGET_MB} MB`,
    );
  } finally {
    await emu.close();
  }
}

module.exports = { providerMemoryRows, runWatched, peakMb };
