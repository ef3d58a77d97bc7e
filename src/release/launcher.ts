/**
 * The provider as `provider install` writes it when Node is there to run it: the bundle, and beside it the
 * executable Terraform starts, a POSIX shell launcher that runs the bundle with the `node` on PATH (as the bundle's
 * own `#!/usr/bin/env node` line would).
 *
 * Why a launcher: NODE_EXTRA_CA_CERTS, when set, costs 30 ms of every launch because Node parses it at start
 * (measured on this project's machines, where it is set; three or four launches per plan). The launcher hands it on under another
 * name and the provider reads it on its first HTTPS connection (plugin/extra-ca-certs.ts). Everything else about
 * the environment is left as it is. The V8 code caches of the embedded packages go beside the bundle too
 * (bin/embedded-package.ts).
 */
import { existsSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { CACHED_PACKAGES, codeCachePath } from "../bin/embedded-package";
import type { ProviderType } from "./layout";
import { placeFile } from "./place-file";

/**
 * The bundle's name beside the launcher. Not `terraform-provider-…`: Terraform takes the first file of the package
 * folder whose name starts so for the executable.
 */
export const launchedBundleName = (type: ProviderType): string => `vaultbridge-provider-${type}.js`;

/**
 * The sh lines that hand NODE_EXTRA_CA_CERTS on as VAULTBRIDGE_EXTRA_CA_CERTS (read by plugin/extra-ca-certs.ts).
 * The providers' launchers and the CLI's own (bin/vaultbridge, checked against these by a test) share them.
 */
export const EXTRA_CA_CERTS_HANDOFF: readonly string[] = [
  'if [ -n "${NODE_EXTRA_CA_CERTS:-}" ]; then',
  "  VAULTBRIDGE_EXTRA_CA_CERTS=$NODE_EXTRA_CA_CERTS",
  "  export VAULTBRIDGE_EXTRA_CA_CERTS",
  "  unset NODE_EXTRA_CA_CERTS",
  "fi",
];

export function launcherScript(type: ProviderType): string {
  return [
    "#!/bin/sh",
    `# terraform-provider-${type}: runs ${launchedBundleName(type)}, beside this file, with Node.`,
    "# Written by `vaultbridge provider install`. Node would parse NODE_EXTRA_CA_CERTS before anything runs, on every",
    "# launch; the provider reads it (as VAULTBRIDGE_EXTRA_CA_CERTS) on its first HTTPS connection instead.",
    ...EXTRA_CA_CERTS_HANDOFF,
    `exec node "\${0%/*}/${launchedBundleName(type)}" "$@"`,
    "",
  ].join("\n");
}

/** Writes the launcher at `executable`, and beside it the bundle and the code caches the build made for it. */
export function placeLaunchedProvider(type: ProviderType, bundle: string, executable: string): void {
  const dir = dirname(executable);
  // Copies, not links: the build rewrites dist/ in place, and Terraform's lock records a checksum of these files.
  placeFile(bundle, join(dir, launchedBundleName(type)), 0o644, false);
  for (const name of CACHED_PACKAGES) {
    const cache = codeCachePath(dirname(bundle), name);
    if (existsSync(cache)) placeFile(cache, codeCachePath(dir, name), 0o644, false);
  }
  writeFileSync(executable, launcherScript(type), { mode: 0o755 });
}

