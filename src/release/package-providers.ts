/**
 * `vaultbridge provider package`: release artifacts in the Terraform Registry's shape, per provider —
 *
 *   terraform-provider-<type>_<version>_<os>_<arch>.zip   holding terraform-provider-<type>_v<version> (a Node
 *                                                          single-executable application, mode 0755)
 *   terraform-provider-<type>_<version>_manifest.json     {"version":1,"metadata":{"protocol_versions":["6.0"]}}
 *   terraform-provider-<type>_<version>_SHA256SUMS        the zips and the manifest, as `sha256sum` prints them
 *   terraform-provider-<type>_<version>_SHA256SUMS.sig    with a GPG key: a detached binary signature
 *   mirror/                                               a network mirror tree for both registry hosts
 *
 * One zip per Node binary given (default: the Node running this, i.e. this machine's platform). The same bundle
 * and Node binaries give byte-identical zips, manifest and SHA256SUMS.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { byCodeUnits, sha256File, writeArchive } from "./archive";
import { signDetached } from "./gpg";
import {
  archiveName,
  bundlePath,
  executableName,
  manifestName,
  packageVersion,
  PROTOCOL_MANIFEST,
  PROVIDER_TYPES,
  REGISTRY_HOSTS,
  signatureName,
  sumsName,
  type ProviderType,
} from "./layout";
import { writeNetworkMirror, type MirrorArchive } from "./network-mirror";
import { executablePlatform } from "./platform";
import { buildExecutable } from "./sea";

export interface PackageOptions {
  /** The output folder (created; files of the same names are replaced). */
  readonly out: string;
  /** Sign each SHA256SUMS with this key (gpg's --local-user). */
  readonly gpgKey?: string;
  /** Node binaries to build from, one platform each; default the Node running this. */
  readonly nodes?: readonly string[];
  /** Progress, one line at a time. */
  readonly log?: (line: string) => void;
}

export interface PackagedProvider {
  readonly type: ProviderType;
  readonly archives: readonly MirrorArchive[];
  readonly manifest: string;
  readonly sums: string;
  readonly signature?: string;
}

export interface PackageResult {
  readonly out: string;
  readonly version: string;
  readonly providers: readonly PackagedProvider[];
  /** The network mirror's root (`<out>/mirror`). */
  readonly mirror: string;
}

export async function packageProviders(o: PackageOptions): Promise<PackageResult> {
  const out = resolve(o.out);
  const version = packageVersion();
  const nodes = (o.nodes?.length ? o.nodes : [process.execPath]).map((n) => resolve(n));
  const platforms = nodes.map((node) => ({ node, platform: executablePlatform(node) }));
  const duplicate = platforms.find((p, i) => platforms.findIndex((q) => q.platform === p.platform) !== i);
  if (duplicate) throw new Error(`Two Node binaries are for ${duplicate.platform}: give one per platform.`);
  const log = o.log ?? (() => undefined);
  mkdirSync(out, { recursive: true });
  const mirror = join(out, "mirror");
  const work = mkdtempSync(join(tmpdir(), "vaultbridge-package-"));
  const providers: PackagedProvider[] = [];
  try {
    for (const type of PROVIDER_TYPES) {
      const archives: MirrorArchive[] = [];
      for (const { node, platform } of platforms) {
        const exe = join(work, executableName(type, version, platform));
        await buildExecutable({ bundle: bundlePath(type), node, out: exe });
        const zip = join(out, archiveName(type, version, platform));
        await writeArchive([{ name: executableName(type, version, platform), file: exe, mode: 0o755 }], zip);
        rmSync(exe);
        archives.push({ platform, file: zip, sha256: await sha256File(zip) });
        log(`wrote ${zip}`);
      }
      const manifest = join(out, manifestName(type, version));
      writeFileSync(manifest, `${JSON.stringify(PROTOCOL_MANIFEST)}\n`);
      const sums = join(out, sumsName(type, version));
      const listed = [...archives.map((a) => ({ name: archiveName(type, version, a.platform), sha256: a.sha256 })), { name: manifestName(type, version), sha256: await sha256File(manifest) }];
      writeFileSync(sums, listed.sort((a, b) => byCodeUnits(a.name, b.name)).map((f) => `${f.sha256}  ${f.name}\n`).join(""));
      log(`wrote ${manifest}\nwrote ${sums}`);
      let signature: string | undefined;
      if (o.gpgKey !== undefined) {
        signature = join(out, signatureName(type, version));
        await signDetached(sums, o.gpgKey, signature);
        log(`wrote ${signature}`);
      }
      writeNetworkMirror(mirror, type, version, archives);
      providers.push({ type, archives, manifest, sums, signature });
    }
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
  log(`wrote the network mirror ${mirror} (${REGISTRY_HOSTS.join(", ")})`);
  return { out, version, providers, mirror };
}
