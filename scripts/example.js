#!/usr/bin/env node
/**
 * `npm run example`: the newcomer's main command. Takes examples/basic (a CDKTF app with one resource of each type)
 * end to end against a freshly started emulator: start the emulator, synthesize, plan, apply, plan again (no
 * changes), destroy, stop the emulator.
 *
 *   npm run example                    with the embedded engine (`vaultbridge plan | apply | destroy`): no Terraform
 *   npm run example -- --terraform     with the real terraform (providers installed into a temporary mirror)
 *
 * It sets every variable itself (the emulator's address and credentials, the stack's TF_VAR_* secrets drawn at
 * random unless the calling shell sets them, CHECKPOINT_DISABLE=1) and ignores any other INFISICAL_*, SCRAPENGINE_*,
 * TF_* and CDKTF_* from the calling shell. Secrets are
 * never printed: every line the tools print is checked, and one holding a secret would be masked and fail the run.
 * Works in a temporary folder, removed at the end. Exits non-zero on any failure.
 */
"use strict";
const { spawn } = require("node:child_process");
const { randomBytes } = require("node:crypto");
const { existsSync, mkdtempSync, readFileSync, rmSync } = require("node:fs");
const { tmpdir } = require("node:os");
const { join } = require("node:path");

const ROOT = join(__dirname, "..");
const BIN = join(ROOT, "bin", "vaultbridge.js");
const APP = join(ROOT, "examples", "basic", "main.ts");
const STACK = "basic";

const args = process.argv.slice(2);
if (args.includes("--help") || args.includes("-h")) {
  process.stdout.write("usage: npm run example [-- --terraform]\n\nRuns examples/basic against a fresh emulator: synthesize, plan, apply, plan (no changes), destroy.\nDefault: the embedded engine. --terraform: the real terraform, with the providers in a temporary mirror.\n");
  process.exit(0);
}
const unknown = args.filter((a) => a !== "--terraform");
if (unknown.length > 0) {
  process.stderr.write(`example: unknown argument ${unknown[0]} (usage: npm run example [-- --terraform])\n`);
  process.exit(1);
}
const useTerraform = args.includes("--terraform");
const color = process.stdout.isTTY && !process.env.NO_COLOR;
const bold = (s) => (color ? `\x1b[1m${s}\x1b[0m` : s);
const dim = (s) => (color ? `\x1b[2m${s}\x1b[0m` : s);

/** Values that must never reach the terminal; any output line holding one is masked and fails the run. */
const secrets = [];
let leaked = false;

class StepError extends Error {}

function say(line = "") {
  process.stdout.write(`${line}\n`);
}

function mask(line) {
  let out = line;
  for (const s of secrets) {
    // (A value this short would match ordinary text: not watched.)
    if (s && s.length >= 6 && out.includes(s)) {
      leaked = true;
      out = out.split(s).join("***");
    }
  }
  return out;
}

const indent = (line) => (line.trim() === "" ? "\n" : `    ${line}\n`);

/** Copies a child's stream to ours (or to `held`) line by line, indented, with any secret masked. */
function relay(stream, target) {
  let pending = "";
  stream.setEncoding("utf8");
  stream.on("data", (chunk) => {
    pending += chunk;
    let nl;
    while ((nl = pending.indexOf("\n")) !== -1) {
      target.write(indent(mask(pending.slice(0, nl))));
      pending = pending.slice(nl + 1);
    }
  });
  stream.on("end", () => {
    if (pending) target.write(indent(mask(pending)));
  });
}

/**
 * Runs a command to its end (asynchronously), relaying its output; resolves with its exit code. `quiet` holds the
 * output back and shows it only when the command fails.
 */
function run(command, argv, { cwd, env, quiet = false }) {
  return new Promise((resolve, reject) => {
    const child = spawn(command, argv, { cwd, env, stdio: ["ignore", "pipe", "pipe"] });
    const held = [];
    const sink = { write: (text) => held.push(text) };
    relay(child.stdout, quiet ? sink : process.stdout);
    relay(child.stderr, quiet ? sink : process.stderr);
    child.once("error", (err) => {
      const hint = err.code === "ENOENT" && command === "terraform" ? " (terraform is not on PATH: install Terraform 1.x, or run `npm run example` without --terraform to use the embedded engine)" : "";
      reject(new StepError(`could not run ${command}: ${err.message}${hint}`));
    });
    child.once("close", (code, signal) => {
      const status = code ?? (signal ? 128 : 1);
      if (quiet && status !== 0) process.stderr.write(held.join(""));
      resolve(status);
    });
  });
}

let stepNo = 0;
let stepCount = 0;

/** One numbered step: shows the command, runs it, checks the exit code. */
async function step(title, display, command, argv, opts, expected = [0]) {
  stepNo++;
  say();
  say(bold(`[${stepNo}/${stepCount}] ${title}`));
  if (display) say(dim(`  $ ${display}`));
  const started = Date.now();
  const code = await run(command, argv, opts);
  const secs = ((Date.now() - started) / 1000).toFixed(1);
  if (!expected.includes(code)) throw new StepError(`"${display}" exited ${code} (expected ${expected.join(" or ")})`);
  say(dim(`  ✓ ${secs} s${expected.length > 1 || expected[0] !== 0 ? `, exit ${code}` : ""}`));
  return code;
}

/** Starts `vaultbridge emulator --port 0` and resolves with its ready line (parsed) and a stop function. */
function startEmulator(env) {
  const child = spawn(process.execPath, [BIN, "emulator", "--port", "0"], { cwd: ROOT, env, stdio: ["ignore", "pipe", "pipe"] });
  let err = "";
  child.stderr.setEncoding("utf8");
  child.stderr.on("data", (c) => (err += c));
  const exited = new Promise((resolve) => child.once("exit", () => resolve()));
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) child.kill("SIGTERM");
    const timer = setTimeout(() => child.kill("SIGKILL"), 3000);
    await exited;
    clearTimeout(timer);
  };
  return new Promise((resolve, reject) => {
    let out = "";
    const timer = setTimeout(() => {
      void stop();
      reject(new StepError(`the emulator did not start within 15 s${err ? `: ${err.trim()}` : ""}`));
    }, 15_000);
    child.stdout.setEncoding("utf8");
    child.stdout.on("data", (c) => {
      out += c;
      const nl = out.indexOf("\n");
      if (nl === -1) return;
      clearTimeout(timer);
      child.stdout.removeAllListeners("data");
      child.stdout.resume();
      try {
        resolve({ ready: JSON.parse(out.slice(0, nl)), stop });
      } catch {
        void stop();
        reject(new StepError("the emulator's ready line is not JSON"));
      }
    });
    child.once("exit", (code) => {
      clearTimeout(timer);
      reject(new StepError(`the emulator exited (${code}) before it was ready${err ? `: ${err.trim()}` : ""}`));
    });
  });
}

/** How many connections and vault integrations the emulator holds, through its APIs. */
async function countObjects(ready) {
  const call = async (url, init) => {
    const res = await fetch(url, init);
    if (!res.ok) throw new StepError(`${init?.method ?? "GET"} ${new URL(url).pathname} answered ${res.status}`);
    return res.json();
  };
  const { accessToken } = await call(`${ready.url}/api/v1/auth/universal-auth/login`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ clientId: ready.infisical.clientId, clientSecret: ready.infisical.clientSecret }),
  });
  const { appConnections } = await call(`${ready.url}/api/v1/app-connections`, { headers: { authorization: `Bearer ${accessToken}` } });
  const integrations = await call(`${ready.scrapengine.baseUrl}/vault-integrations`, { headers: { authorization: `Bearer ${ready.scrapengine.apiKey}` } });
  return { connections: appConnections.length, integrations: (Array.isArray(integrations) ? integrations : integrations.data).length };
}

/** The stack's sensitive variables (examples/basic/main.ts). */
const SECRET_VARS = ["pg_password", "heroku_auth_token", "azure_client_secret", "vault_secret_id"];

/** The calling shell's environment without what would steer the tools elsewhere (the stack's secrets stay). */
function baseEnv() {
  const env = {};
  const keep = new Set(SECRET_VARS.map((n) => `TF_VAR_${n}`));
  for (const [k, v] of Object.entries(process.env)) if (keep.has(k) || !/^(TF_|INFISICAL_|SCRAPENGINE_|CDKTF_|CHECKPOINT_)/.test(k)) env[k] = v;
  env.CHECKPOINT_DISABLE = "1";
  return env;
}

async function main() {
  if (!existsSync(join(ROOT, "dist", "cli", "main.js")) || !existsSync(join(ROOT, "dist", "cdktf", "generated", "infisical.js"))) {
    throw new StepError("vaultbridge is not built: run `npm ci` (or `npm run build`) first");
  }
  stepCount = useTerraform ? 7 : 6;
  say(bold(`vaultbridge example: examples/basic against a fresh emulator, with ${useTerraform ? "terraform" : "the embedded engine (no Terraform needed)"}`));

  const work = mkdtempSync(join(tmpdir(), "vaultbridge-example-"));
  let emulator;
  const cleanup = async () => {
    if (emulator) await emulator.stop();
    emulator = undefined;
    rmSync(work, { recursive: true, force: true });
  };
  const onSignal = () => {
    process.stderr.write("\nexample: interrupted; stopping the emulator and removing the temporary files\n");
    void cleanup().then(() => process.exit(130));
  };
  process.once("SIGINT", onSignal);
  process.once("SIGTERM", onSignal);

  try {
    const env = baseEnv();

    stepNo++;
    say();
    say(bold(`[${stepNo}/${stepCount}] Start the emulator (both APIs on one free port)`));
    say(dim("  $ vaultbridge emulator --port 0"));
    emulator = await startEmulator(env);
    const { ready } = emulator;
    secrets.push(ready.infisical.clientSecret, ready.scrapengine.apiKey);
    say(`    listening at ${ready.url}`);

    // The providers find the services and their credentials in the environment, as they would the real ones.
    Object.assign(env, {
      INFISICAL_HOST: ready.url,
      INFISICAL_UNIVERSAL_AUTH_CLIENT_ID: ready.infisical.clientId,
      INFISICAL_UNIVERSAL_AUTH_CLIENT_SECRET: ready.infisical.clientSecret,
      SCRAPENGINE_BASE_URL: ready.scrapengine.baseUrl,
      SCRAPENGINE_API_KEY: ready.scrapengine.apiKey,
    });
    // The stack's sensitive variables, as CI would inject them: yours when set, else random values.
    const random = () => randomBytes(16).toString("hex");
    const yours = [];
    for (const name of SECRET_VARS) {
      const key = `TF_VAR_${name}`;
      if (env[key]) yours.push(key);
      else env[key] = name === "heroku_auth_token" ? `HRKU-${random()}` : random();
      secrets.push(env[key]);
    }
    const drawn = SECRET_VARS.map((n) => `TF_VAR_${n}`).filter((k) => !yours.includes(k));
    say(`    secrets (never printed): ${[drawn.length ? `${drawn.join(", ")} random` : "", yours.length ? `${yours.join(", ")} from your environment` : ""].filter(Boolean).join("; ")}`);

    // Synthesize into the temporary folder: cdktf.out/stacks/basic/cdk.tf.json, holding no secret value.
    const tsx = require.resolve("tsx/cjs", { paths: [ROOT] });
    const out = join(work, "cdktf.out");
    const stackDir = join(out, "stacks", STACK);
    await step(
      "Synthesize the CDKTF app (examples/basic/main.ts → cdk.tf.json)",
      "node --require tsx/cjs examples/basic/main.ts",
      process.execPath,
      ["--require", tsx, APP],
      { cwd: join(ROOT, "examples", "basic"), env: { ...env, CDKTF_OUTDIR: out } },
    );
    const synthesized = join(stackDir, "cdk.tf.json");
    if (!existsSync(synthesized)) throw new StepError(`the app synthesized no ${STACK} stack into ${out}`);
    const doc = JSON.parse(readFileSync(synthesized, "utf8"));
    const resources = Object.values(doc.resource ?? {}).reduce((n, byName) => n + Object.keys(byName).length, 0);
    const sensitive = Object.values(doc.variable ?? {}).filter((v) => v.sensitive).length;
    if (secrets.some((s) => s.length >= 6 && readFileSync(synthesized, "utf8").includes(s))) throw new StepError("cdk.tf.json holds a secret value: that is a bug, please report it");
    say(`    wrote <tmp>/cdktf.out/stacks/${STACK}/cdk.tf.json: ${resources} resources, ${sensitive} sensitive variables, no secret value in it (checked)`);

    const opts = { cwd: stackDir, env };
    if (useTerraform) {
      const mirror = join(work, "mirror");
      const cliConfig = join(work, "terraform.rc");
      env.TF_CLI_CONFIG_FILE = cliConfig;
      env.TF_IN_AUTOMATION = "1";
      const noColor = color ? [] : ["-no-color"];
      await step(
        "Install the providers into a filesystem mirror, then terraform init",
        "vaultbridge provider install --mirror <tmp>/mirror --cli-config <tmp>/terraform.rc",
        process.execPath,
        [BIN, "provider", "install", "--mirror", mirror, "--cli-config", cliConfig],
        { cwd: work, env, quiet: true },
      );
      say(dim("  $ terraform init"));
      const init = await run("terraform", ["init", "-input=false", ...noColor], { ...opts, quiet: true });
      if (init !== 0) throw new StepError(`"terraform init" exited ${init}`);
      say("    both providers installed from the mirror; Terraform initialized");
      await step("Plan: everything is to be created (exit 2: changes), saved to a plan file", "terraform plan -detailed-exitcode -out=example.tfplan", "terraform", ["plan", "-input=false", "-detailed-exitcode", "-out=example.tfplan", ...noColor], opts, [2]);
      await step("Apply the saved plan", "terraform apply example.tfplan", "terraform", ["apply", "-input=false", ...noColor, "example.tfplan"], opts);
      await step("Plan again: no changes (exit 0)", "terraform plan -detailed-exitcode", "terraform", ["plan", "-input=false", "-detailed-exitcode", ...noColor], opts, [0]);
      await step("Destroy", "terraform destroy -auto-approve", "terraform", ["destroy", "-input=false", "-auto-approve", ...noColor], opts);
    } else {
      const vb = (argv) => [BIN, ...argv];
      await step("Plan: everything is to be created (exit 2: changes), saved to a plan file", "vaultbridge plan --detailed-exitcode --out example.tfplan", process.execPath, vb(["plan", "--detailed-exitcode", "--out", "example.tfplan"]), opts, [2]);
      await step("Apply the saved plan", "vaultbridge apply example.tfplan", process.execPath, vb(["apply", "example.tfplan"]), opts);
      await step("Plan again: no changes (exit 0)", "vaultbridge plan --detailed-exitcode", process.execPath, vb(["plan", "--detailed-exitcode"]), opts, [0]);
      await step("Destroy", "vaultbridge destroy --auto-approve", process.execPath, vb(["destroy", "--auto-approve"]), opts);
    }

    const left = await countObjects(ready);
    if (left.connections !== 0 || left.integrations !== 0) {
      throw new StepError(`the emulator still holds ${left.connections} connection(s) and ${left.integrations} vault integration(s) after destroy`);
    }
    say(`    the emulator holds no connection and no vault integration any more`);
    if (leaked) throw new StepError("a secret value appeared in the output (masked above as ***): that is a bug, please report it");
    say();
    say(bold("Done: synthesized, planned, applied, re-planned with no changes, destroyed."));
    say(`Next: README.md (each resource, real services), examples/basic, examples/hcl, examples/gitops.${useTerraform ? "" : " Try `npm run example -- --terraform` too."}`);
    return 0;
  } finally {
    process.off("SIGINT", onSignal);
    process.off("SIGTERM", onSignal);
    await cleanup();
  }
}

main().then(
  (code) => process.exit(code),
  (err) => {
    process.stderr.write(`\nexample failed: ${err instanceof StepError ? err.message : (err && err.stack) || String(err)}\n`);
    process.exit(1);
  },
);
