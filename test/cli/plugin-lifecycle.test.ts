/**
 * The provider process as go-plugin drives it: handshake line first on stdout, Ctrl-C ignored (Terraform answers
 * it with StopProvider), StopProvider cancels reads and waits at once but lets writes in flight finish (bounded),
 * Shutdown exits at once.
 * Assumes dist/ is built (the test command builds first).
 */
import { spawn } from "node:child_process";
import * as http2 from "node:http2";
import { existsSync } from "node:fs";
import { dirname, join } from "node:path";
import { ProviderCore } from "../../src/core/provider-core";
import { encodeMessage, decodeMessage } from "../../src/protocol/messages";
import { infisicalProvider } from "../../src/providers/infisical";
import { TestEmulator } from "../support/emulator";

const BUNDLE = join(__dirname, "..", "..", "dist", "bundle", "terraform-provider-infisical.js");
const COOKIE = { TF_PLUGIN_MAGIC_COOKIE: "d602bf8f470bc67ca7faa0386276bbdd4330efaf76d1a219cb4d6991ca9872b2", PLUGIN_PROTOCOL_VERSIONS: "5,6" };

function unary(socket: string, path: string, message: Buffer): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const session = http2.connect("http://localhost", { createConnection: () => require("node:net").connect(socket) });
    session.on("error", reject);
    const frame = Buffer.alloc(5 + message.length);
    frame.writeUInt32BE(message.length, 1);
    message.copy(frame, 5);
    const req = session.request({ ":method": "POST", ":path": path, "content-type": "application/grpc", te: "trailers" });
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      session.close();
      const body = Buffer.concat(chunks);
      resolve(body.length >= 5 ? body.subarray(5) : Buffer.alloc(0));
    });
    req.on("error", reject);
    req.end(frame);
  });
}

test("handshake, Ctrl-C ignored, GetProviderSchema over the socket, Shutdown exits at once", async () => {
  const child = spawn(process.execPath, [BUNDLE], { env: { ...process.env, ...COOKIE }, stdio: ["ignore", "pipe", "pipe"] });
  const line = await new Promise<string>((resolve) => child.stdout.once("data", (d: Buffer) => resolve(String(d))));
  const [core, app, network, socket, protocol, cert] = line.trim().split("|");
  expect([core, app, network, protocol, cert]).toEqual(["1", "6", "unix", "grpc", ""]);

  child.kill("SIGINT");
  await new Promise((r) => setTimeout(r, 300));
  expect(child.exitCode).toBeNull();

  const schema = decodeMessage("tfplugin6.GetProviderSchema.Response", await unary(socket, "/tfplugin6.Provider/GetProviderSchema", encodeMessage("tfplugin6.GetProviderSchema.Request", {})));
  expect(Object.keys(schema.resource_schemas ?? {}).sort()).toEqual([
    "infisical_app_connection_azure_key_vault",
    "infisical_app_connection_heroku",
    "infisical_app_connection_postgres",
  ]);
  expect(schema.server_capabilities?.get_provider_schema_optional).toBe(true);

  const started = Date.now();
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  // The process exits right after answering; a reset racing the answer is fine (go-plugin ignores Shutdown's result).
  await unary(socket, "/plugin.GRPCController/Shutdown", Buffer.alloc(0)).catch((e: NodeJS.ErrnoException) => {
    if (e.code !== "ECONNRESET") throw e;
  });
  expect(await exited).toBe(0);
  expect(Date.now() - started).toBeLessThan(1000);
  // The socket's folder is removed on the way out.
  expect(existsSync(dirname(socket))).toBe(false);
});

test("the provider writes only the log lines terraform would show: none without TF_LOG, its debug lines with it", async () => {
  const stderrOf = async (extra: Record<string, string>): Promise<string> => {
    const env: NodeJS.ProcessEnv = { ...process.env, ...COOKIE, ...extra };
    delete env.TF_LOG;
    delete env.TF_LOG_PROVIDER;
    Object.assign(env, extra);
    const child = spawn(process.execPath, [BUNDLE], { env, stdio: ["ignore", "pipe", "pipe"] });
    let stderr = "";
    child.stderr.on("data", (d: Buffer) => (stderr += String(d)));
    const line = await new Promise<string>((resolve) => child.stdout.once("data", (d: Buffer) => resolve(String(d))));
    const socket = line.trim().split("|")[3];
    await unary(socket, "/tfplugin6.Provider/GetProviderSchema", encodeMessage("tfplugin6.GetProviderSchema.Request", {}));
    const exited = new Promise((resolve) => child.once("close", resolve));
    await unary(socket, "/plugin.GRPCController/Shutdown", Buffer.alloc(0)).catch(() => undefined);
    await exited;
    return stderr;
  };
  expect(await stderrOf({})).toBe("");
  expect(await stderrOf({ TF_LOG: "warn" })).toBe("");
  expect(await stderrOf({ TF_LOG: "debug" })).toMatch(/"@level":"debug","@message":"GetProviderSchema answered"/);
  expect(await stderrOf({ TF_LOG: "off", TF_LOG_PROVIDER: "trace" })).toContain("GetProviderSchema answered");
});

test("a TLS handshake line carries the certificate, base64 without padding", async () => {
  const { createPluginCertificate } = await import("../../src/plugin/certificate");
  const client = createPluginCertificate();
  const child = spawn(process.execPath, [BUNDLE], { env: { ...process.env, ...COOKIE, PLUGIN_CLIENT_CERT: client.certPem }, stdio: ["ignore", "pipe", "pipe"] });
  const line = await new Promise<string>((resolve) => child.stdout.once("data", (d: Buffer) => resolve(String(d))));
  child.kill("SIGKILL");
  const cert = line.trim().split("|")[5];
  expect(cert).toMatch(/^[A-Za-z0-9+/]+$/);
  const { X509Certificate } = await import("node:crypto");
  const x = new X509Certificate(Buffer.from(cert, "base64"));
  expect(x.subjectAltName).toBe("DNS:localhost");
  expect(x.keyUsage).toContain("1.3.6.1.5.5.7.3.1");
});

/** One GetProviderSchema call over mutual TLS, as go-plugin makes it: the server checked against its handshake cert. */
function schemaOverTls(socket: string, serverCertDer: Buffer, client: { certPem: string; keyPem: string } | null): Promise<number> {
  const tls = require("node:tls") as typeof import("node:tls");
  const { X509Certificate } = require("node:crypto") as typeof import("node:crypto");
  const serverPem = new X509Certificate(serverCertDer).toString();
  return new Promise((resolve, reject) => {
    const session = http2.connect("https://localhost", {
      createConnection: () =>
        tls.connect({ path: socket, servername: "localhost", ca: serverPem, ALPNProtocols: ["h2"], ...(client ? { cert: client.certPem, key: client.keyPem } : {}) }),
    });
    session.on("error", reject);
    const req = session.request({ ":method": "POST", ":path": "/tfplugin6.Provider/GetProviderSchema", "content-type": "application/grpc", te: "trailers" });
    req.on("error", reject);
    req.on("close", () => session.close());
    let size = 0;
    req.on("data", (c: Buffer) => (size += c.length));
    req.on("end", () => resolve(size));
    req.end(Buffer.alloc(5));
  });
}

test("over TLS only Terraform's own certificate is served: another one, or none, is cut off before any answer", async () => {
  const { createPluginCertificate } = await import("../../src/plugin/certificate");
  const terraform = createPluginCertificate();
  const child = spawn(process.execPath, [BUNDLE], { env: { ...process.env, ...COOKIE, PLUGIN_CLIENT_CERT: terraform.certPem }, stdio: ["ignore", "pipe", "pipe"] });
  try {
    const line = await new Promise<string>((resolve) => child.stdout.once("data", (d: Buffer) => resolve(String(d))));
    const [, , , socket, , cert] = line.trim().split("|");
    const serverCert = Buffer.from(cert, "base64");
    expect(await schemaOverTls(socket, serverCert, terraform)).toBeGreaterThan(1000);
    await expect(schemaOverTls(socket, serverCert, createPluginCertificate())).rejects.toThrow();
    await expect(schemaOverTls(socket, serverCert, null)).rejects.toThrow();
    // Still serving its own client after the refusals.
    expect(await schemaOverTls(socket, serverCert, terraform)).toBeGreaterThan(1000);
  } finally {
    child.kill("SIGKILL");
  }
});

test("StopProvider cancels reads in flight", async () => {
  const emu = await TestEmulator.start();
  try {
    await emu.control("PUT", "/latency", { ms: 5000 });
    const core = new ProviderCore(infisicalProvider, { env: {} });
    core.configure({ host: emu.url, auth: { token: "t" } });
    const started = Date.now();
    const pending = core.importResourceState("infisical_app_connection_heroku", "slow");
    setTimeout(() => core.stop(), 200);
    const r = await pending;
    expect(Date.now() - started).toBeLessThan(2000);
    expect(r.diagnostics.errors[0].detail).toMatch(/cancelled/);
    await core.close();
  } finally {
    await emu.control("PUT", "/latency", { ms: 0 });
    await emu.close();
  }
});

describe("StopProvider during apply", () => {
  let emu: TestEmulator;
  beforeAll(async () => {
    emu = await TestEmulator.start();
  });
  afterAll(() => emu.close());
  beforeEach(() => emu.reset());

  const planned = (name: string) => {
    const core = new ProviderCore(infisicalProvider, { env: {} });
    const plan = core.planResourceChange("infisical_app_connection_heroku", null, { name, credentials: { auth_token: "HRKU-t" } });
    return { core, planned: plan.planned };
  };
  const configure = (core: ProviderCore<unknown>) =>
    core.configure({ host: emu.url, auth: { universal: { client_id: emu.emulator.infisical.clientId, client_secret: emu.emulator.infisical.clientSecret } } });

  test("a create in flight is waited for, not cut: its object is returned", async () => {
    await emu.faults([{ method: "POST", path: "heroku$", delayAfterCommitMs: 1500 }]);
    const { core, planned: p } = planned("waited-for");
    configure(core);
    const pending = core.applyResourceChange("infisical_app_connection_heroku", null, p);
    setTimeout(() => core.stop(), 300);
    const r = await pending;
    expect(r.diagnostics.errors).toEqual([]);
    expect(r.state?.name).toBe("waited-for");
    expect(typeof r.state?.id).toBe("string");
    await core.close();
  });

  test("the wait is bounded by the grace: a write still unanswered then fails, nothing is retried", async () => {
    await emu.faults([{ method: "POST", path: "heroku$", delayAfterCommitMs: 8000 }]);
    const core = new ProviderCore(infisicalProvider, { env: {}, stopGraceMs: 400 });
    configure(core);
    const p = core.planResourceChange("infisical_app_connection_heroku", null, { name: "too-slow", credentials: { auth_token: "HRKU-t" } }).planned;
    const started = Date.now();
    const pending = core.applyResourceChange("infisical_app_connection_heroku", null, p);
    setTimeout(() => core.stop(), 200);
    const r = await pending;
    expect(Date.now() - started).toBeLessThan(3000);
    expect(r.state).toBeNull();
    expect(r.diagnostics.errors[0].detail).toMatch(/cancelled/);
    // Committed once and not created again (its answer is still on the way; a later create adopts it).
    const listed = await emu.infisical("GET", "/api/v1/app-connections");
    expect((listed.body as { appConnections: { name: string }[] }).appConnections.map((c) => c.name)).toEqual(["too-slow"]);
    await core.close();
  });

  test("a backoff wait ends at the stop, and a write not yet sent is not sent", async () => {
    await emu.faults([{ method: "POST", path: "heroku$", status: 429, headers: { "retry-after": "15" } }]);
    const { core, planned: p } = planned("never-sent");
    configure(core);
    const started = Date.now();
    const pending = core.applyResourceChange("infisical_app_connection_heroku", null, p);
    setTimeout(() => core.stop(), 500);
    const r = await pending;
    expect(Date.now() - started).toBeLessThan(3000);
    expect(r.diagnostics.errors[0].detail).toMatch(/429/);
    const after = await core.applyResourceChange("infisical_app_connection_heroku", null, p);
    expect(after.diagnostics.errors[0].summary).toBe("Operation Cancelled");
    await emu.faults([]);
    const listed = await emu.infisical("GET", "/api/v1/app-connections");
    expect((listed.body as { appConnections: unknown[] }).appConnections).toEqual([]);
    await core.close();
  });
});
