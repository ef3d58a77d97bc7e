/**
 * NODE_EXTRA_CA_CERTS, read when it is first needed instead of at start.
 *
 * Node parses the file before any JavaScript runs, and builds its whole root store to add it: 30 ms of every
 * provider launch with Debian's bundle (measured), on launches that never open an HTTPS connection (Terraform's
 * schema and validate launches). The provider's launcher (see release/launcher.ts) hands the variable on as
 * VAULTBRIDGE_EXTRA_CA_CERTS; this puts it back for child processes and gives every TLS client context made without
 * its own `ca` what Node would have given it: the bundled roots plus the file's certificates. Contexts that name
 * their `ca` (the plugin server's, which trusts only Terraform's certificate) are left as they are.
 */
import { readFileSync } from "node:fs";
import type * as tlsTypes from "node:tls";

export const DEFERRED_EXTRA_CA_CERTS = "VAULTBRIDGE_EXTRA_CA_CERTS";

type CreateSecureContext = typeof tlsTypes.createSecureContext;

export function trustDeferredExtraCaCerts(env: NodeJS.ProcessEnv, warn: (message: string) => void): void {
  const file = env[DEFERRED_EXTRA_CA_CERTS];
  if (file === undefined) return;
  delete env[DEFERRED_EXTRA_CA_CERTS];
  env.NODE_EXTRA_CA_CERTS = file;
  // The module object itself (not an import's copy): node's tls.connect calls it through this object.
  const tls = require("node:tls") as { createSecureContext: CreateSecureContext; rootCertificates: readonly string[] };
  const original = tls.createSecureContext;
  let ca: string[] | undefined;
  tls.createSecureContext = (options) => {
    if (options?.ca !== undefined) return original(options);
    ca ??= [...tls.rootCertificates, ...extraCertificates(file, warn)];
    return original({ ...options, ca });
  };
}

/** The file's certificates (PEM); none, with Node's own warning, when it cannot be read. */
function extraCertificates(file: string, warn: (message: string) => void): string[] {
  try {
    const pem = readFileSync(file, "utf8");
    if (!pem.includes("-----BEGIN CERTIFICATE-----")) throw new Error("no PEM certificate in it");
    return [pem];
  } catch (err) {
    warn(`Ignoring extra certs from \`${file}\`, load failed: ${err instanceof Error ? err.message : String(err)}`);
    return [];
  }
}
