/**
 * Remote state, shared with the real terraform: Terraform's `pg` backend on a real PostgreSQL 15 started here, and
 * its `http` backend served here as GitLab's managed state serves it. Terraform and the engine take over each
 * other's state with no change, serialise on one lock (each waits -lock-timeout, then fails naming it), keep
 * workspaces apart, and never print the backend's password.
 */
import { spawn } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { join } from "node:path";
import { Diagnostics } from "../../src/framework/diagnostics";
import { openPgStore } from "../../src/engine/state-store/pg-store";
import { TestEmulator } from "../support/emulator";
import { startPostgres, type TestPostgres } from "../support/postgres";
import { cleanEnv, installProviders, remove, ROOT, run, tempDir, terraform } from "../examples/helpers";

const BIN = join(ROOT, "bin", "vaultbridge.js");
let emu: TestEmulator;
let pg: TestPostgres;
let work: string;
let cliConfig: string;
let http: { server: Server; url: string; requests: string[] };

beforeAll(async () => {
  [emu, pg] = await Promise.all([TestEmulator.start(), startPostgres()]);
  work = tempDir("remote-state");
  cliConfig = await installProviders(work);
  http = await stateServer("gitlab-user", "http-secret-77");
}, 120_000);
afterAll(async () => {
  await new Promise((r) => http.server.close(r));
  await pg.stop();
  await emu.close();
  remove(work);
});

const connStr = (): string => `postgres://${pg.user}:${pg.password}@${pg.host}:${pg.port}/${pg.database}?sslmode=disable`;

function stackJson(backend: Record<string, unknown>, description: string): string {
  const { url, infisical } = emu.emulator;
  return JSON.stringify({
    terraform: { required_providers: { infisical: { source: "vaultbridge/infisical" } }, backend },
    provider: { infisical: [{ host: url, auth: { universal: { client_id: infisical.clientId, client_secret: infisical.clientSecret } } }] },
    resource: { infisical_app_connection_heroku: { shared: { name: "shared", description, credentials: { auth_token: "HRKU-remote" } } } },
  });
}

function folder(name: string, backend: Record<string, unknown>, description: string): string {
  const dir = join(work, name);
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, "main.tf.json"), stackJson(backend, description));
  return dir;
}

const env = (extra: Record<string, string> = {}): NodeJS.ProcessEnv => cleanEnv({ TF_CLI_CONFIG_FILE: cliConfig, ...extra });
const engine = (args: string[], cwd: string, extra: Record<string, string> = {}) => run(process.execPath, [BIN, ...args], { cwd, env: env(extra), timeoutMs: 90_000 });
const count = async (): Promise<number> => ((await emu.infisical("GET", "/api/v1/app-connections")).body as { appConnections: unknown[] }).appConnections.length;

test("pg: the engine and terraform take over each other's state, interlock on one lock, keep workspaces apart", async () => {
  await emu.reset();
  const backend = { pg: { conn_str: connStr() } };
  const vbDir = folder("pg-engine", backend, "one");
  const tfDir = folder("pg-terraform", backend, "one");
  const outputs: string[] = [];
  const keep = <T extends { stdout: string; stderr: string }>(r: T): T => (outputs.push(r.stdout, r.stderr), r);

  keep(await engine(["apply", "-auto-approve"], vbDir));
  expect(await count()).toBe(1);
  keep(await terraform(["init", "-input=false"], { cwd: tfDir, env: env(), expect: 0 }));
  keep(await terraform(["plan", "-input=false", "-detailed-exitcode"], { cwd: tfDir, env: env(), expect: 0 }));

  // Terraform changes it; the engine, on the same row, sees nothing left to do.
  writeFileSync(join(tfDir, "main.tf.json"), stackJson(backend, "two"));
  writeFileSync(join(vbDir, "main.tf.json"), stackJson(backend, "two"));
  keep(await terraform(["apply", "-input=false", "-auto-approve"], { cwd: tfDir, env: env(), expect: 0 }));
  expect(keep(await engine(["plan", "-detailed-exitcode"], vbDir)).code).toBe(0);
  expect(keep(await engine(["state", "list"], vbDir)).stdout.trim()).toBe("infisical_app_connection_heroku.shared");

  // The lock, held by another runner (the engine's store, as a second machine would hold it).
  const holder = await openPgStore({ connStr: connStr(), workspace: "default" });
  const lock = await holder.lock("apply (runner 2)", 0, new Diagnostics());
  try {
    const tf = keep(await terraform(["plan", "-input=false", "-lock-timeout=1s"], { cwd: tfDir, env: env() }));
    expect(tf.code).toBe(1);
    expect(tf.stderr).toMatch(/Error acquiring the state lock/);
    const started = Date.now();
    const vb = keep(await engine(["plan", "-lock-timeout=1s"], vbDir));
    expect(vb.code).toBe(1);
    expect(Date.now() - started).toBeGreaterThanOrEqual(1000);
    expect(vb.stderr).toMatch(/Workspace is already locked: default[\s\S]*pg backend/);
  } finally {
    await lock?.release();
    await holder.close();
  }

  // Terraform itself holding the lock (an apply slowed down by the API): the engine waits, then names the lock.
  writeFileSync(join(tfDir, "main.tf.json"), stackJson(backend, "held"));
  await emu.control("PUT", "/latency", { ms: 2500 });
  const tfApply = spawn("terraform", ["apply", "-input=false", "-auto-approve", "-no-color"], { cwd: tfDir, env: env(), stdio: ["ignore", "pipe", "pipe"] });
  await new Promise<void>((resolve) => {
    let out = "";
    tfApply.stdout.on("data", (d: Buffer) => {
      out += String(d);
      if (out.includes("Modifying...")) resolve();
    });
  });
  const waiting = keep(await engine(["plan", "-lock-timeout=1s"], vbDir));
  expect(waiting.code).toBe(1);
  expect(waiting.stderr).toMatch(/Workspace is already locked: default/);
  await new Promise((r) => tfApply.once("close", r));
  await emu.control("PUT", "/latency", { ms: 0 });
  writeFileSync(join(vbDir, "main.tf.json"), stackJson(backend, "held"));
  expect(keep(await engine(["plan", "-detailed-exitcode"], vbDir)).code).toBe(0);

  // TF_WORKSPACE: another row, another state (nothing there yet: one to add).
  const staging = keep(await engine(["plan", "-detailed-exitcode"], vbDir, { TF_WORKSPACE: "staging" }));
  expect(staging.code).toBe(2);
  expect(staging.stdout).toContain("Plan: 1 to add");

  // Two engine applies of one stack at once, from two processes: one waits for the other; nothing is duplicated.
  writeFileSync(join(vbDir, "main.tf.json"), stackJson(backend, "three"));
  const [a, b] = await Promise.all([engine(["apply", "-auto-approve", "-lock-timeout=60s"], vbDir), engine(["apply", "-auto-approve", "-lock-timeout=60s"], vbDir)]);
  keep(a);
  keep(b);
  expect([a.code, b.code]).toEqual([0, 0]);
  expect(await count()).toBe(1);
  keep(await terraform(["plan", "-input=false", "-detailed-exitcode"], { cwd: tfDir, env: env() }));

  for (const o of outputs) expect(o).not.toContain(pg.password);
}, 180_000);

test("http: GitLab-style state with locking; terraform and the engine agree and interlock", async () => {
  await emu.reset();
  const base = `${http.url}/state/app`;
  const backend = { http: { address: base, lock_address: `${base}/lock`, unlock_address: `${base}/lock`, lock_method: "POST", unlock_method: "DELETE", username: "gitlab-user", password: "http-secret-77" } };
  const vbDir = folder("http-engine", backend, "one");
  const tfDir = folder("http-terraform", backend, "one");
  const outputs: string[] = [];
  const keep = <T extends { stdout: string; stderr: string }>(r: T): T => (outputs.push(r.stdout, r.stderr), r);

  expect(keep(await engine(["apply", "-auto-approve"], vbDir)).code).toBe(0);
  expect(http.requests).toEqual(expect.arrayContaining(["POST /state/app/lock", "GET /state/app", "POST /state/app", "DELETE /state/app/lock"]));
  keep(await terraform(["init", "-input=false"], { cwd: tfDir, env: env(), expect: 0 }));
  keep(await terraform(["plan", "-input=false", "-detailed-exitcode"], { cwd: tfDir, env: env(), expect: 0 }));
  writeFileSync(join(tfDir, "main.tf.json"), stackJson(backend, "two"));
  writeFileSync(join(vbDir, "main.tf.json"), stackJson(backend, "two"));
  keep(await terraform(["apply", "-input=false", "-auto-approve"], { cwd: tfDir, env: env(), expect: 0 }));
  expect(keep(await engine(["plan", "-detailed-exitcode"], vbDir)).code).toBe(0);

  // Held by "terraform on another runner": the engine waits, then names the holder from the lock info.
  const held = await fetch(`${base}/lock`, { method: "POST", headers: { authorization: `Basic ${Buffer.from("gitlab-user:http-secret-77").toString("base64")}` }, body: JSON.stringify({ ID: "x1", Operation: "OperationTypeApply", Who: "ci@runner-2", Created: new Date().toISOString() }) });
  expect(held.status).toBe(200);
  const vb = keep(await engine(["plan", "-lock-timeout=1s"], vbDir));
  expect(vb.code).toBe(1);
  expect(vb.stderr).toMatch(/locked by OperationTypeApply by ci@runner-2/);
  const tf = keep(await terraform(["plan", "-input=false", "-lock-timeout=1s"], { cwd: tfDir, env: env() }));
  expect(tf.code).toBe(1);
  await fetch(`${base}/lock`, { method: "DELETE", headers: { authorization: `Basic ${Buffer.from("gitlab-user:http-secret-77").toString("base64")}` }, body: JSON.stringify({ ID: "x1" }) });

  // A wrong password: a clear refusal that does not print it.
  writeFileSync(join(vbDir, "main.tf.json"), stackJson({ http: { ...backend.http, password: "wrong-pass-91" } }, "two"));
  const refused = keep(await engine(["plan"], vbDir));
  expect(refused.code).toBe(1);
  expect(refused.stderr).toMatch(/answered 401/);
  for (const o of outputs) {
    expect(o).not.toContain("http-secret-77");
    expect(o).not.toContain("wrong-pass-91");
  }
}, 180_000);

/** A GitLab-style managed-state server: GET/POST the state, POST/DELETE the lock (409 with the holder when held). */
async function stateServer(user: string, password: string): Promise<{ server: Server; url: string; requests: string[] }> {
  const states = new Map<string, string>();
  const locks = new Map<string, string>();
  const requests: string[] = [];
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    let body = "";
    req.on("data", (c: Buffer) => (body += String(c)));
    req.on("end", () => {
      const url = new URL(req.url ?? "/", "http://x");
      requests.push(`${req.method} ${url.pathname}`);
      if (req.headers.authorization !== `Basic ${Buffer.from(`${user}:${password}`).toString("base64")}`) return void res.writeHead(401).end();
      const lockPath = url.pathname.endsWith("/lock");
      const key = lockPath ? url.pathname.slice(0, -"/lock".length) : url.pathname;
      if (lockPath && (req.method === "POST" || req.method === "LOCK")) {
        if (locks.has(key)) return void res.writeHead(409, { "content-type": "application/json" }).end(locks.get(key));
        locks.set(key, body);
        return void res.writeHead(200).end();
      }
      if (lockPath && (req.method === "DELETE" || req.method === "UNLOCK")) {
        locks.delete(key);
        return void res.writeHead(200).end();
      }
      if (req.method === "GET") return states.has(key) ? void res.writeHead(200, { "content-type": "application/json" }).end(states.get(key)) : void res.writeHead(204).end();
      if (req.method === "POST") {
        const holder = locks.get(key);
        if (holder && (JSON.parse(holder) as { ID?: string }).ID !== url.searchParams.get("ID")) return void res.writeHead(423, { "content-type": "application/json" }).end(holder);
        states.set(key, body);
        return void res.writeHead(200).end();
      }
      res.writeHead(405).end();
    });
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  return { server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, requests };
}

test("pg: a run killed mid-apply on one runner is completed by another, its creates adopted from the shared state", async () => {
  await emu.reset();
  const backend = { pg: { conn_str: connStr(), schema_name: "killed_run" } };
  const { url, infisical } = emu.emulator;
  const many = (prefix: string): string =>
    JSON.stringify({
      terraform: { required_providers: { infisical: { source: "vaultbridge/infisical" } }, backend },
      provider: { infisical: [{ host: url, auth: { universal: { client_id: infisical.clientId, client_secret: infisical.clientSecret } } }] },
      resource: { infisical_app_connection_heroku: { c: { count: 8, name: `${prefix}-\${count.index}`, credentials: { auth_token: "HRKU-remote" } } } },
    });
  const runnerA = join(work, "runner-a");
  const runnerB = join(work, "runner-b");
  for (const d of [runnerA, runnerB]) {
    mkdirSync(d, { recursive: true });
    writeFileSync(join(d, "main.tf.json"), many("killed"));
  }
  await emu.control("PUT", "/latency", { ms: 300 });
  // Runner A dies (kill -9) while its creates are in flight: the server commits them, A records nothing more.
  const a = spawn(process.execPath, [BIN, "apply", "-auto-approve", "-parallelism=4"], { cwd: runnerA, env: env(), stdio: ["ignore", "pipe", "pipe"] });
  await new Promise<void>((resolve) => {
    let out = "";
    a.stdout.on("data", (d: Buffer) => {
      out += String(d);
      if (out.includes("Creation complete")) {
        a.kill("SIGKILL");
        resolve();
      }
    });
  });
  await new Promise((r) => a.once("close", r));
  await new Promise((r) => setTimeout(r, 1000));
  await emu.control("PUT", "/latency", { ms: 0 });

  // Runner B, another folder (no file of A's), completes the stack from the pg state alone.
  const b = await engine(["apply", "-auto-approve"], runnerB);
  expect([b.code, b.stderr]).toEqual([0, ""]);
  const names = ((await emu.infisical("GET", "/api/v1/app-connections")).body as { appConnections: { name: string }[] }).appConnections.map((c) => c.name).sort();
  expect(names).toEqual(Array.from({ length: 8 }, (_, i) => `killed-${i}`).sort());
  expect((await engine(["plan", "-detailed-exitcode"], runnerB)).code).toBe(0);
  // Terraform reads the same state (no leftover intent in it, and none that would disturb it).
  await terraform(["init", "-input=false"], { cwd: runnerB, env: env(), expect: 0 });
  await terraform(["plan", "-input=false", "-detailed-exitcode"], { cwd: runnerB, env: env(), expect: 0 });
}, 120_000);

test("http: a kill -9 half way through an apply of 300 loses nothing; intents are reserved in batches, so the state is not written per create", async () => {
  await emu.reset();
  const base = `${http.url}/state/batched`;
  const backend = { http: { address: base, lock_address: `${base}/lock`, unlock_address: `${base}/lock`, lock_method: "POST", unlock_method: "DELETE", username: "gitlab-user", password: "http-secret-77" } };
  const { url, infisical } = emu.emulator;
  const dir = join(work, "http-batched");
  mkdirSync(dir, { recursive: true });
  writeFileSync(
    join(dir, "main.tf.json"),
    JSON.stringify({
      terraform: { required_providers: { infisical: { source: "vaultbridge/infisical" } }, backend },
      provider: { infisical: [{ host: url, auth: { universal: { client_id: infisical.clientId, client_secret: infisical.clientSecret } } }] },
      resource: { infisical_app_connection_heroku: { c: { count: 300, name: "batched-${count.index}", credentials: { auth_token: "HRKU-remote" } } } },
    }),
  );
  const a = spawn(process.execPath, [BIN, "apply", "-auto-approve"], { cwd: dir, env: env(), stdio: ["ignore", "pipe", "pipe"] });
  let out = "";
  a.stdout.on("data", (d: Buffer) => {
    out += String(d);
    if (out.split("Creation complete").length > 100) a.kill("SIGKILL");
  });
  await new Promise((r) => a.once("close", r));
  // Creates the killed run sent still reach the server: wait until the count stops moving.
  for (let last = -1, now = await count(); now !== last; last = now, now = await count()) await new Promise((r) => setTimeout(r, 300));

  // The killed run's lock outlives it on an http backend (as terraform's does): released by hand, as force-unlock would.
  await fetch(`${base}/lock`, { method: "DELETE", headers: { authorization: `Basic ${Buffer.from("gitlab-user:http-secret-77").toString("base64")}` } });
  const writesBefore = http.requests.filter((r) => r === "POST /state/batched").length;
  const b = await engine(["apply", "-auto-approve"], dir);
  expect([b.code, b.stderr]).toEqual([0, ""]);
  const names = ((await emu.infisical("GET", "/api/v1/app-connections")).body as { appConnections: { name: string }[] }).appConnections.map((c) => c.name).sort();
  expect(names).toEqual(Array.from({ length: 300 }, (_, i) => `batched-${i}`).sort());
  // Some 200 creates, each needing its intent stored before it is sent: a few dozen writes, not one per create.
  expect(http.requests.filter((r) => r === "POST /state/batched").length - writesBefore).toBeLessThan(60);
  expect((await engine(["plan", "-detailed-exitcode"], dir)).code).toBe(0);
}, 120_000);
