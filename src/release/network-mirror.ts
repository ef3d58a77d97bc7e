/**
 * The provider network mirror protocol as static files (hashicorp/terraform
 * website/docs/internals/provider-network-mirror-protocol.mdx), for every registry host at once:
 *
 *   <root>/<host>/vaultbridge/<type>/index.json       {"versions":{"<version>":{}}}
 *   <root>/<host>/vaultbridge/<type>/<version>.json   {"archives":{"<os>_<arch>":{"url":"<zip>","hashes":["zh:<sha256>"]}}}
 *   <root>/<host>/vaultbridge/<type>/<zip>            the archive, beside them (the url is relative)
 *
 * `zh:` is Terraform's hash of the zip itself, so `terraform init` checks the bytes it downloads. Versions already in
 * an index.json (whose <version>.json is still there) are kept: one tree can serve every release.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { basename, join } from "node:path";
import { z } from "zod";
import { byCodeUnits } from "./archive";
import { mirrorPath, REGISTRY_HOSTS, type ProviderType } from "./layout";
import { placeFile } from "./place-file";

export interface MirrorArchive {
  /** `<os>_<arch>`. */
  readonly platform: string;
  /** The zip (copied or linked into the mirror under the same name). */
  readonly file: string;
  /** Its SHA-256, hex. */
  readonly sha256: string;
}

const versionIndex = z.object({ versions: z.record(z.string(), z.object({})) });

/** Writes one provider version into the network mirror rooted at `root`, for each registry host; returns the files written. */
export function writeNetworkMirror(root: string, type: ProviderType, version: string, archives: readonly MirrorArchive[]): string[] {
  const written: string[] = [];
  const versionDoc = {
    archives: Object.fromEntries(
      [...archives]
        .sort((a, b) => byCodeUnits(a.platform, b.platform))
        .map((a) => [a.platform, { url: basename(a.file), hashes: [`zh:${a.sha256}`] }]),
    ),
  };
  for (const host of REGISTRY_HOSTS) {
    const dir = join(root, mirrorPath(host, type));
    mkdirSync(dir, { recursive: true });
    for (const a of archives) {
      const target = join(dir, basename(a.file));
      placeFile(a.file, target, 0o644);
      written.push(target);
    }
    const versionFile = join(dir, `${version}.json`);
    writeFileSync(versionFile, `${JSON.stringify(versionDoc, null, 2)}\n`);
    const indexFile = join(dir, "index.json");
    const versions = new Set([version, ...previousVersions(indexFile).filter((v) => existsSync(join(dir, `${v}.json`)))]);
    const index = { versions: Object.fromEntries([...versions].sort().map((v) => [v, {}])) };
    writeFileSync(indexFile, `${JSON.stringify(index, null, 2)}\n`);
    written.push(versionFile, indexFile);
  }
  return written;
}

function previousVersions(indexFile: string): string[] {
  if (!existsSync(indexFile)) return [];
  const parsed = versionIndex.safeParse(JSON.parse(readFileSync(indexFile, "utf8")));
  if (!parsed.success) throw new Error(`${indexFile} is not a network mirror index (${parsed.error.issues[0]?.message ?? "invalid"}): move it away or fix it.`);
  return Object.keys(parsed.data.versions);
}
