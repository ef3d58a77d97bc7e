/**
 * NODE_EXTRA_CA_CERTS through the installed providers: their launcher hands the variable on so Node does not parse
 * it at every start, and the provider must still trust exactly what Node would have trusted. Terraform talks to the
 * emulator over HTTPS, behind a certificate of a private CA: trusted with NODE_EXTRA_CA_CERTS, refused without.
 * The same install carries the V8 code caches of undici and zod, which the provider must find and V8 accept.
 * The CLI's own launcher (bin/vaultbridge, the package's `bin`) does the same for the engine.
 */
import { mkdirSync, readFileSync, symlinkSync, writeFileSync } from "node:fs";
import { createServer, type Server } from "node:https";
import { request } from "node:http";
import type { AddressInfo } from "node:net";
import { join, relative } from "node:path";
import { TestEmulator } from "../support/emulator";
import { loopbackCertificate } from "../support/release";
import { EXTRA_CA_CERTS_HANDOFF } from "../../src/release/launcher";
import { BIN, cleanEnv, installProviders, remove, requireBuild, ROOT, run, tempDir, terraform } from "./helpers";

let emu: TestEmulator;
let dir: string;
let proxy: Server;
let httpsUrl: string;
let caFile: string;
let cliConfig: string;

/** An HTTPS front for the emulator, with a new certificate for IP 127.0.0.1 that nothing trusts by default. */
async function httpsFront(target: string): Promise<{ server: Server; url: string; caFile: string }> {
  const { caFile, keyFile } = await loopbackCertificate(dir);
  const upstream = new URL(target);
  const server = createServer({ cert: readFileSync(caFile), key: readFileSync(keyFile) }, (req, res) => {
    const forward = request({ host: upstream.hostname, port: upstream.port, method: req.method, path: req.url, headers: req.headers }, (answer) => {
      res.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(res);
    });
    forward.on("error", () => res.destroy());
    req.pipe(forward);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return { server, url: `https://127.0.0.1:${(server.address() as AddressInfo).port}`, caFile };
}

beforeAll(async () => {
  requireBuild();
  dir = tempDir("extra-ca");
  emu = await TestEmulator.start();
  ({ server: proxy, url: httpsUrl, caFile } = await httpsFront(emu.url));
  cliConfig = await installProviders(dir);
}, 120_000);

afterAll(async () => {
  await new Promise<void>((resolve) => proxy?.close(() => resolve()));
  await emu?.emulator.close();
  remove(dir);
});

function stack(name: string): string {
  const cwd = join(dir, name);
  mkdirSync(cwd);
  writeFileSync(
    join(cwd, "main.tf"),
    `terraform {
  required_providers {
    infisical = { source = "vaultbridge/infisical" }
  }
}
provider "infisical" {
  host = "${httpsUrl}"
  auth = { universal = { client_id = "${emu.emulator.infisical.clientId}", client_secret = "${emu.emulator.infisical.clientSecret}" } }
}
resource "infisical_app_connection_heroku" "web" {
  name        = "${name}"
  credentials = { auth_token = "HRKU-extra-ca" }
}
`,
  );
  return cwd;
}

test("the private CA in NODE_EXTRA_CA_CERTS is trusted on the first HTTPS call, and nothing is trusted without it", async () => {
  const env = cleanEnv({ TF_CLI_CONFIG_FILE: cliConfig, TF_IN_AUTOMATION: "1" });
  delete env.NODE_EXTRA_CA_CERTS;

  const trusted = stack("trusted-web");
  await terraform(["init", "-no-color"], { cwd: trusted, env, expect: 0 });
  const applied = await terraform(["apply", "-auto-approve", "-no-color"], { cwd: trusted, env: { ...env, NODE_EXTRA_CA_CERTS: caFile, TF_LOG: "debug" }, expect: 0 });
  // The installed provider compiles undici and zod from the code caches the build wrote, not from source.
  for (const name of ["undici", "zod"]) expect(applied.stderr).toMatch(new RegExp(`compiled ${name}: .*code_cache=used`));
  const listed = await emu.infisical("GET", "/api/v1/app-connections");
  expect(JSON.stringify(listed.body)).toContain('"trusted-web"');

  const untrusted = stack("untrusted-web");
  await terraform(["init", "-no-color"], { cwd: untrusted, env, expect: 0 });
  const refused = await terraform(["apply", "-auto-approve", "-no-color"], { cwd: untrusted, env, expect: 1 });
  expect(refused.stdout + refused.stderr).toMatch(/certificate/i);
  expect(JSON.stringify((await emu.infisical("GET", "/api/v1/app-connections")).body)).not.toContain('"untrusted-web"');

  // A file that cannot be read is ignored with Node's own warning, as Node does: the default roots still apply.
  const missing = await terraform(["apply", "-auto-approve", "-no-color"], { cwd: untrusted, env: { ...env, NODE_EXTRA_CA_CERTS: join(dir, "none.pem"), TF_LOG: "warn" }, expect: 1 });
  expect(missing.stderr).toContain("Ignoring extra certs from");
}, 180_000);

test("the CLI's launcher defers it too: the engine trusts the private CA on its first call; Node parses nothing at start", async () => {
  const launcher = join(ROOT, "bin", "vaultbridge");
  // The same hand-off as the providers' launchers (one source: release/launcher.ts).
  expect(readFileSync(launcher, "utf8")).toContain(EXTRA_CA_CERTS_HANDOFF.join("\n"));
  expect((require(join(ROOT, "package.json")) as { bin: Record<string, string> }).bin.vaultbridge).toBe("bin/vaultbridge");
  const env = cleanEnv();
  delete env.NODE_EXTRA_CA_CERTS;
  // npm links it from node_modules/.bin with a relative link (and a global install with an absolute one).
  const links = join(dir, "node_modules", ".bin");
  mkdirSync(links, { recursive: true });
  symlinkSync(relative(links, launcher), join(links, "vaultbridge"));
  symlinkSync(join(links, "vaultbridge"), join(dir, "vaultbridge-global"));
  const version = (JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")) as { version: string }).version;
  for (const linked of [join(links, "vaultbridge"), join(dir, "vaultbridge-global")]) {
    expect((await run(linked, ["--version"], { cwd: dir, env, expect: 0 })).stdout.trim()).toBe(version);
  }

  // An unreadable file: Node itself warns at start of a command that makes no HTTPS call; through the launcher
  // nothing reads it, so nothing warns.
  const unreadable = { ...env, NODE_EXTRA_CA_CERTS: join(dir, "none.pem") };
  expect((await run(process.execPath, [BIN, "--version"], { cwd: dir, env: unreadable, expect: 0 })).stderr).toContain("Ignoring extra certs from");
  expect((await run(launcher, ["--version"], { cwd: dir, env: unreadable, expect: 0 })).stderr).toBe("");

  const cwd = join(dir, "engine-stack");
  mkdirSync(cwd);
  const { clientId, clientSecret } = emu.emulator.infisical;
  writeFileSync(
    join(cwd, "cdk.tf.json"),
    JSON.stringify({
      terraform: { required_providers: { infisical: { source: "vaultbridge/infisical" } } },
      provider: { infisical: [{ host: httpsUrl, auth: { universal: { client_id: clientId, client_secret: clientSecret } } }] },
      resource: { infisical_app_connection_heroku: { web: { name: "engine-extra-ca", credentials: { auth_token: "HRKU-extra-ca" } } } },
    }),
  );
  const refused = await run(launcher, ["apply", "-auto-approve", "-no-color"], { cwd, env, expect: 1 });
  expect(refused.stdout + refused.stderr).toMatch(/certificate/i);
  await run(launcher, ["apply", "-auto-approve", "-no-color"], { cwd, env: { ...env, NODE_EXTRA_CA_CERTS: caFile }, expect: 0 });
  expect(JSON.stringify((await emu.infisical("GET", "/api/v1/app-connections")).body)).toContain('"engine-extra-ca"');
}, 120_000);
