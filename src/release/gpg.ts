/**
 * Detached OpenPGP signatures with the system's gpg (Debian: `apt-get install gnupg`), the form the Terraform
 * Registry and HCP Terraform's private registry verify: a binary signature of the SHA256SUMS file.
 */
import { execFile } from "node:child_process";
import { promisify } from "node:util";

const run = promisify(execFile);

/**
 * Signs `file` with the secret key `keyId` (as gpg names keys: fingerprint, long id or user id) into `out`.
 * The key must be usable without a prompt (no passphrase, or one cached by gpg-agent); GNUPGHOME is honoured.
 */
export async function signDetached(file: string, keyId: string, out: string): Promise<void> {
  try {
    await run("gpg", ["--batch", "--yes", "--no-tty", "--local-user", keyId, "--output", out, "--detach-sign", file]);
  } catch (err) {
    const e = err as NodeJS.ErrnoException & { stderr?: string };
    if (e.code === "ENOENT") throw new Error("gpg is not installed: install GnuPG (Debian/Ubuntu: apt-get install gnupg) to sign with --gpg-key.");
    throw new Error(`gpg could not sign ${file} with key ${keyId}: ${(e.stderr ?? e.message).trim()}`);
  }
}
