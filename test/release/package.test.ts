/**
 * `vaultbridge provider package` end to end, with the real tools: the files DESIGN §4 names, SHA256SUMS checked by
 * sha256sum, the signature by gpg, the zip's executable run with no Node anywhere, the network mirror served over
 * HTTPS to the real terraform (init checks the zh: hashes) with a PATH that holds terraform alone — then apply, a
 * no-op plan and destroy against the emulator. Packaging twice must give the same hashes.
 *
 * The executables are built once for this file (beforeAll): twice, to compare. Assumes dist/ is built.
 */
import { spawn } from "node:child_process";
import { createHash } from "node:crypto";
import { cpSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { requireBuild, REPO_ROOT } from "../support/cli";
import { TestEmulator } from "../support/emulator";
import { providerBlocks } from "../support/terraform";
import {
  describeResult,
  hermeticEnv,
  readZip,
  runCommand,
  serveHttps,
  tempDir,
  terraformOnlyPath,
  throwawayGpgKey,
  type CommandResult,
  type StaticHttps,
  type ThrowawayKey,
} from "../support/release";

const BIN = join(REPO_ROOT, "bin", "vaultbridge.js");
const VERSION = (JSON.parse(readFileSync(join(REPO_ROOT, "package.json"), "utf8")) as { version: string }).version;
const TYPES = ["infisical", "scrapengine"] as const;
const HOSTS = ["registry.terraform.io", "registry.opentofu.org"] as const;
const COOKIE = "d602bf8f470bc67ca7faa0386276bbdd4330efaf76d1a219cb4d6991ca9872b2";

let dir: string;
let signed: string;
let again: string;
let key: ThrowawayKey;

const zip = (type: string) => `terraform-provider-${type}_${VERSION}_linux_amd64.zip`;
const sums = (type: string) => `terraform-provider-${type}_${VERSION}_SHA256SUMS`;
const manifest = (type: string) => `terraform-provider-${type}_${VERSION}_manifest.json`;
const sha256 = (file: string) => createHash("sha256").update(readFileSync(file)).digest("hex");

function filesUnder(root: string): string[] {
  return readdirSync(root, { recursive: true, encoding: "utf8" })
    .filter((f) => statSync(join(root, f)).isFile())
    .sort();
}

async function vaultbridge(args: string[], env: NodeJS.ProcessEnv = process.env): Promise<CommandResult> {
  const r = await runCommand(process.execPath, [BIN, ...args], { cwd: dir, env, timeoutMs: 180_000 });
  if (r.code !== 0) throw new Error(describeResult(`vaultbridge ${args.join(" ")}`, r));
  return r;
}

beforeAll(async () => {
  requireBuild();
  dir = tempDir("vb-release-");
  signed = join(dir, "signed");
  again = join(dir, "again");
  key = await throwawayGpgKey(dir);
  await vaultbridge(["provider", "package", "--out", signed, "--gpg-key", key.fingerprint], { ...process.env, GNUPGHOME: key.home });
  await vaultbridge(["provider", "package", "--out", again]);
}, 300_000);

afterAll(async () => {
  await key?.close();
  rmSync(dir, { recursive: true, force: true });
});

test("produces every artifact of DESIGN §4, and a network mirror for both registry hosts", () => {
  const expected = [
    ...TYPES.flatMap((t) => [zip(t), sums(t), `${sums(t)}.sig`, manifest(t)]),
    ...HOSTS.flatMap((h) => TYPES.flatMap((t) => [`index.json`, `${VERSION}.json`, zip(t)].map((f) => join("mirror", h, "vaultbridge", t, f)))),
  ].sort();
  expect(filesUnder(signed)).toEqual(expected);
});

test("each SHA256SUMS lists the zip and the manifest, and sha256sum -c verifies it", async () => {
  for (const type of TYPES) {
    const lines = readFileSync(join(signed, sums(type)), "utf8").trimEnd().split("\n");
    expect(lines.map((l) => l.split("  ")[1]).sort()).toEqual([zip(type), manifest(type)].sort());
    const check = await runCommand("sha256sum", ["-c", sums(type)], { cwd: signed });
    expect(check.stdout).toContain(`${zip(type)}: OK`);
    expect(check.code).toBe(0);
  }
});

test("the manifest declares protocol 6.0", () => {
  for (const type of TYPES) {
    expect(JSON.parse(readFileSync(join(signed, manifest(type)), "utf8"))).toEqual({ version: 1, metadata: { protocol_versions: ["6.0"] } });
  }
});

test("each zip holds one executable, mode 0755, an ELF binary, that starts with no Node on PATH", async () => {
  for (const type of TYPES) {
    const entries = await readZip(join(signed, zip(type)));
    expect(entries.map((e) => [e.name, e.mode.toString(8)])).toEqual([[`terraform-provider-${type}_v${VERSION}`, "755"]]);
    const exe = entries[0].data;
    expect(exe.subarray(0, 4)).toEqual(Buffer.from([0x7f, 0x45, 0x4c, 0x46]));
    const file = join(dir, `unpacked-${type}`);
    writeFileSync(file, exe, { mode: 0o755 });
    // The magic cookie and nothing else: no PATH to find a node on, no NODE_* variables, no HOME.
    const child = spawn(file, [], { env: { PATH: "/nonexistent", TF_PLUGIN_MAGIC_COOKIE: COOKIE, PLUGIN_PROTOCOL_VERSIONS: "6" }, stdio: ["ignore", "pipe", "pipe"] });
    let stderr = "";
    child.stderr.on("data", (c: Buffer) => (stderr += c.toString()));
    const line = await new Promise<string>((resolve, reject) => {
      let out = "";
      child.stdout.on("data", (c: Buffer) => {
        out += c.toString();
        if (out.includes("\n")) resolve(out.split("\n")[0]);
      });
      child.once("exit", (code) => reject(new Error(`exited ${String(code)} before its handshake: ${stderr}`)));
    });
    child.kill("SIGKILL");
    expect(line).toMatch(/^1\|6\|unix\|\/.+\|grpc\|$/);
    expect(stderr).toBe("");
  }
});

test("with --gpg-key, gpg --verify accepts each signature and refuses a changed SHA256SUMS", async () => {
  const env = { ...process.env, GNUPGHOME: key.home };
  for (const type of TYPES) {
    const ok = await runCommand("gpg", ["--batch", "--verify", `${sums(type)}.sig`, sums(type)], { cwd: signed, env });
    expect(ok.stderr).toContain("Good signature");
    expect(ok.code).toBe(0);
  }
  const tampered = join(dir, "tampered_SHA256SUMS");
  writeFileSync(tampered, readFileSync(join(signed, sums("infisical")), "utf8").replace(/^./, (c) => (c === "0" ? "1" : "0")));
  const bad = await runCommand("gpg", ["--batch", "--verify", join(signed, `${sums("infisical")}.sig`), tampered], { env });
  expect(bad.stderr).toContain("BAD signature");
  expect(bad.code).not.toBe(0);
});

test("packaging twice gives identical zips, manifests, SHA256SUMS and mirror indexes", () => {
  const unsigned = filesUnder(again);
  expect(unsigned).toEqual(filesUnder(signed).filter((f) => !f.endsWith(".sig")));
  for (const f of unsigned) expect(`${f} ${sha256(join(again, f))}`).toBe(`${f} ${sha256(join(signed, f))}`);
});

test("the mirror's <version>.json gives each archive's zh: hash, the sha256 of the zip beside it", () => {
  for (const host of HOSTS) {
    for (const type of TYPES) {
      const folder = join(signed, "mirror", host, "vaultbridge", type);
      expect(JSON.parse(readFileSync(join(folder, "index.json"), "utf8"))).toEqual({ versions: { [VERSION]: {} } });
      expect(JSON.parse(readFileSync(join(folder, `${VERSION}.json`), "utf8"))).toEqual({
        archives: { linux_amd64: { url: zip(type), hashes: [`zh:${sha256(join(folder, zip(type)))}`] } },
      });
      expect(sha256(join(folder, zip(type)))).toBe(sha256(join(signed, zip(type))));
    }
  }
});

describe("served over HTTPS as a network mirror", () => {
  let emu: TestEmulator;
  let https: StaticHttps;
  let work: string;
  let env: NodeJS.ProcessEnv;
  let terraform: string;

  beforeAll(async () => {
    emu = await TestEmulator.start();
    https = await serveHttps(join(signed, "mirror"), dir);
    const only = terraformOnlyPath(dir);
    terraform = only.terraform;
    const cliConfig = join(dir, "network-mirror.tfrc");
    writeFileSync(
      cliConfig,
      `provider_installation {\n  network_mirror {\n    url     = "${https.url}"\n    include = ["registry.terraform.io/vaultbridge/*", "registry.opentofu.org/vaultbridge/*"]\n  }\n}\n`,
    );
    env = hermeticEnv({ PATH: only.dir, TF_CLI_CONFIG_FILE: cliConfig, SSL_CERT_FILE: https.caFile, HOME: dir });
    work = join(dir, "stack");
    mkdirSync(work);
  });
  afterAll(async () => {
    await https?.close();
    await emu?.close();
  });

  const tf = async (args: string[], cwd = work): Promise<CommandResult> => runCommand(terraform, [...args, "-no-color"], { cwd, env, timeoutMs: 180_000 });

  test("terraform init installs both providers from it (hashes checked), then apply, a no-op plan and destroy — no Node on PATH", async () => {
    // infisical by its terraform.io address, scrapengine by its opentofu.org one: tofu's tree is served too.
    const blocks = providerBlocks(emu).replace('source = "vaultbridge/scrapengine"', 'source = "registry.opentofu.org/vaultbridge/scrapengine"');
    writeFileSync(
      join(work, "main.tf"),
      `${blocks}
resource "infisical_app_connection_heroku" "web" {
  name        = "from-the-mirror"
  credentials = { auth_token = "HRKU-from-the-mirror" }
}
resource "scrapengine_vault_integration" "vault" {
  name      = "from-the-mirror"
  address   = "https://vault.example.invalid:8200"
  role_id   = "role"
  secret_id = "secret"
}
`,
    );
    const init = await tf(["init"]);
    expect(init.stdout).toContain("Terraform has been successfully initialized");
    expect(init.code).toBe(0);
    expect(https.requests).toEqual(
      expect.arrayContaining([
        "/registry.terraform.io/vaultbridge/infisical/index.json",
        `/registry.terraform.io/vaultbridge/infisical/${VERSION}.json`,
        `/registry.terraform.io/vaultbridge/infisical/${zip("infisical")}`,
        `/registry.opentofu.org/vaultbridge/scrapengine/${zip("scrapengine")}`,
      ]),
    );
    const installed = join(work, ".terraform", "providers", "registry.terraform.io", "vaultbridge", "infisical", VERSION, "linux_amd64", `terraform-provider-infisical_v${VERSION}`);
    expect(readFileSync(installed).subarray(0, 4).toString("latin1")).toBe("\x7fELF");

    const apply = await tf(["apply", "-auto-approve"]);
    expect(apply.stdout).toContain("Apply complete! Resources: 2 added");
    const plan = await tf(["plan", "-detailed-exitcode"]);
    expect(plan.stdout).toContain("No changes.");
    expect(plan.code).toBe(0);
    const destroy = await tf(["destroy", "-auto-approve"]);
    expect(destroy.stdout).toContain("Destroy complete! Resources: 2 destroyed");
  }, 240_000);

  test("terraform init refuses an archive whose zh: hash does not match", async () => {
    const forged = join(dir, "forged-mirror");
    const folder = join("registry.terraform.io", "vaultbridge", "infisical");
    cpSync(join(signed, "mirror", folder), join(forged, folder), { recursive: true });
    const versionFile = join(forged, "registry.terraform.io", "vaultbridge", "infisical", `${VERSION}.json`);
    writeFileSync(versionFile, readFileSync(versionFile, "utf8").replace(/zh:[0-9a-f]{64}/, `zh:${"0".repeat(64)}`));
    const forgedServer = await serveHttps(forged, dir);
    try {
      const cliConfig = join(dir, "forged.tfrc");
      writeFileSync(cliConfig, `provider_installation {\n  network_mirror {\n    url = "${forgedServer.url}"\n  }\n}\n`);
      const stack = join(dir, "forged-stack");
      mkdirSync(stack);
      writeFileSync(join(stack, "main.tf"), `terraform {\n  required_providers {\n    infisical = { source = "vaultbridge/infisical" }\n  }\n}\n`);
      const init = await runCommand(terraform, ["init", "-no-color"], { cwd: stack, env: { ...env, TF_CLI_CONFIG_FILE: cliConfig, SSL_CERT_FILE: forgedServer.caFile } });
      expect(init.code).not.toBe(0);
      expect(init.stdout + init.stderr).toMatch(/doesn.t\s+match\s+the\s+expected\s+checksum/);
    } finally {
      await forgedServer.close();
    }
  }, 120_000);
});
