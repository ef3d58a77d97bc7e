/**
 * Names and places every release artifact shares: the provider types, the registry hosts a mirror serves, and the
 * file names the Terraform Registry (and `terraform providers mirror`) use. One module, so the packager, the
 * installer and the docs agree on every name.
 */
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { z } from "zod";
import type { ProviderName } from "../providers";

export const NAMESPACE = "vaultbridge";
/** Terraform resolves `vaultbridge/<type>` to the first, OpenTofu to the second: a mirror serves both. */
export const REGISTRY_HOSTS = ["registry.terraform.io", "registry.opentofu.org"] as const;
export const PROVIDER_TYPES = ["infisical", "scrapengine"] as const satisfies readonly ProviderName[];
export type ProviderType = (typeof PROVIDER_TYPES)[number];

/** The protocol manifest the Registry reads: these providers speak tfplugin6 only. */
export const PROTOCOL_MANIFEST = { version: 1, metadata: { protocol_versions: ["6.0"] } } as const;

/** The package folder (holding package.json and dist/), from src/release or dist/release alike. */
export const PACKAGE_ROOT = join(__dirname, "..", "..");

const packageJson = z.object({ version: z.string().min(1) });

/** The providers' version: the package's. */
export function packageVersion(): string {
  return packageJson.parse(JSON.parse(readFileSync(join(PACKAGE_ROOT, "package.json"), "utf8"))).version;
}

/** The provider bundle built by `npm run build` (scripts/bundle-providers.js); a clear error when missing. */
export function bundlePath(type: ProviderType): string {
  const file = join(PACKAGE_ROOT, "dist", "bundle", `terraform-provider-${type}.js`);
  if (!existsSync(file)) throw new Error(`${file} is missing: run \`npm run build\` in ${PACKAGE_ROOT} first.`);
  return file;
}

/** The executable inside an archive or a mirror: `terraform-provider-<type>_v<version>` (`.exe` on Windows). */
export function executableName(type: ProviderType, version: string, platform: string): string {
  return `terraform-provider-${type}_v${version}${platform.startsWith("windows_") ? ".exe" : ""}`;
}

export const archiveName = (type: ProviderType, version: string, platform: string): string =>
  `terraform-provider-${type}_${version}_${platform}.zip`;
export const sumsName = (type: ProviderType, version: string): string => `terraform-provider-${type}_${version}_SHA256SUMS`;
export const manifestName = (type: ProviderType, version: string): string => `terraform-provider-${type}_${version}_manifest.json`;
export const signatureName = (type: ProviderType, version: string): string => `${sumsName(type, version)}.sig`;

/** `<host>/vaultbridge/<type>`, the folder of one provider in a mirror (network or filesystem). */
export const mirrorPath = (host: string, type: ProviderType): string => join(host, NAMESPACE, type);

/** The CLI configuration patterns that select our providers on both hosts. */
export const MIRROR_PATTERNS: readonly string[] = REGISTRY_HOSTS.map((host) => `${host}/${NAMESPACE}/*`);
