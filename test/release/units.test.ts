/**
 * The release pieces that need no executable build: platform detection from a binary's header, zips that come out
 * the same in every time zone, and a network mirror that keeps the versions already published.
 */
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { writeNetworkMirror } from "../../src/release/network-mirror";
import { packageProviders } from "../../src/release/package-providers";
import { executablePlatform, hostPlatform } from "../../src/release/platform";
import { requireBuild, REPO_ROOT } from "../support/cli";
import { readZip, runCommand, tempDir } from "../support/release";

let dir: string;
beforeAll(() => {
  dir = tempDir("vb-release-units-");
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function header(bytes: ReadonlyArray<readonly [number, Buffer]>): string {
  const buf = Buffer.alloc(512);
  for (const [offset, b] of bytes) b.copy(buf, offset);
  const file = join(dir, `header-${createHash("sha1").update(buf).digest("hex")}`);
  writeFileSync(file, buf);
  return file;
}
const u16le = (n: number) => Buffer.from([n & 0xff, n >> 8]);
const u32le = (n: number) => {
  const b = Buffer.alloc(4);
  b.writeUInt32LE(n);
  return b;
};

test("the Node running the tests is this machine's platform", () => {
  expect(executablePlatform(process.execPath)).toBe(hostPlatform());
  expect(hostPlatform()).toBe("linux_amd64");
});

test("ELF, Mach-O and PE headers name their platform; anything else is refused by name", () => {
  const elf = (machine: number, abi = 0) => header([[0, Buffer.from([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, abi])], [18, u16le(machine)]]);
  expect(executablePlatform(elf(0xb7))).toBe("linux_arm64");
  expect(executablePlatform(elf(0x3e, 9))).toBe("freebsd_amd64");
  expect(executablePlatform(header([[0, u32le(0xfeedfacf)], [4, u32le(0x0100000c)]]))).toBe("darwin_arm64");
  expect(executablePlatform(header([[0, Buffer.from("MZ")], [0x3c, u32le(0x80)], [0x80, Buffer.from("PE\0\0")], [0x84, u16le(0x8664)]]))).toBe("windows_amd64");
  const script = join(dir, "script.js");
  writeFileSync(script, "#!/usr/bin/env node\n");
  expect(() => executablePlatform(script)).toThrow(`${script} is not a Node executable vaultbridge can package: not ELF, a single-architecture Mach-O or PE.`);
});

test("a zip is byte-identical whatever the time zone and the file's own time and mode", async () => {
  requireBuild();
  const file = join(dir, "payload");
  writeFileSync(file, "payload", { mode: 0o600 });
  const zips: Buffer[] = [];
  // Each in its own process: the time zone is read at start-up (and jest's sandbox does not follow a change to TZ).
  for (const tz of ["UTC", "America/New_York", "Asia/Kathmandu"]) {
    const out = join(dir, `payload-${tz.replace("/", "-")}.zip`);
    const script = `require(${JSON.stringify(join(REPO_ROOT, "dist", "release", "archive.js"))}).writeArchive([{ name: "terraform-provider-x_v1.0.0", file: ${JSON.stringify(file)}, mode: 0o755 }], ${JSON.stringify(out)})`;
    const r = await runCommand(process.execPath, ["-e", script], { env: { ...process.env, TZ: tz } });
    expect(r.stderr).toBe("");
    zips.push(readFileSync(out));
  }
  expect(zips[1].equals(zips[0])).toBe(true);
  expect(zips[2].equals(zips[0])).toBe(true);
  const [entry] = await readZip(join(dir, "payload-UTC.zip"));
  expect([entry.name, entry.mode.toString(8), entry.data.toString()]).toEqual(["terraform-provider-x_v1.0.0", "755", "payload"]);
});

test("the network mirror keeps versions it already lists, and drops those whose <version>.json is gone", () => {
  const root = join(dir, "mirror");
  const zip = join(dir, "terraform-provider-infisical_X_linux_amd64.zip");
  writeFileSync(zip, "zip");
  for (const v of ["0.0.9", "0.1.0", "0.2.0"]) writeNetworkMirror(root, "infisical", v, [{ platform: "linux_amd64", file: zip, sha256: "ab".repeat(32) }]);
  const folder = join(root, "registry.opentofu.org", "vaultbridge", "infisical");
  rmSync(join(folder, "0.0.9.json"));
  writeNetworkMirror(root, "infisical", "0.2.1", [{ platform: "linux_amd64", file: zip, sha256: "cd".repeat(32) }]);
  expect(JSON.parse(readFileSync(join(folder, "index.json"), "utf8"))).toEqual({ versions: { "0.1.0": {}, "0.2.0": {}, "0.2.1": {} } });
  const other = JSON.parse(readFileSync(join(root, "registry.terraform.io", "vaultbridge", "infisical", "index.json"), "utf8")) as { versions: object };
  expect(Object.keys(other.versions)).toEqual(["0.0.9", "0.1.0", "0.2.0", "0.2.1"]);

  const broken = join(dir, "broken", "registry.terraform.io", "vaultbridge", "infisical");
  mkdirSync(broken, { recursive: true });
  writeFileSync(join(broken, "index.json"), '{"providers":[]}');
  expect(() => writeNetworkMirror(join(dir, "broken"), "infisical", "0.1.0", [])).toThrow(/index\.json is not a network mirror index/);
});

test("provider package refuses, before building anything, a --node that is not an executable or two for one platform", async () => {
  const out = join(dir, "refused");
  const script = join(dir, "not-node.js");
  writeFileSync(script, "#!/usr/bin/env node\n");
  await expect(packageProviders({ out, nodes: [script] })).rejects.toThrow(`${script} is not a Node executable vaultbridge can package`);
  await expect(packageProviders({ out, nodes: [process.execPath, process.execPath] })).rejects.toThrow("Two Node binaries are for linux_amd64: give one per platform.");
  expect(existsSync(out)).toBe(false);
});
