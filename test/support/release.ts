/**
 * What the release tests need around the real tools: a PATH holding terraform and nothing else, a throwaway GPG key,
 * a static HTTPS server (sirv) with a throwaway certificate (openssl), the entries of a zip (yauzl), and running a
 * command asynchronously (the emulator and the server live in the jest process and must keep answering).
 */
import { execFile } from "node:child_process";
import { accessSync, constants, mkdirSync, mkdtempSync, readFileSync, realpathSync, symlinkSync } from "node:fs";
import { createServer, type Server } from "node:https";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { delimiter, join } from "node:path";
import sirv from "sirv";
import { open as openZip, type Entry } from "yauzl";

export interface CommandResult {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs a command to its end, never throwing for a non-zero exit. */
export function runCommand(file: string, args: readonly string[], options: { cwd?: string; env?: NodeJS.ProcessEnv; timeoutMs?: number } = {}): Promise<CommandResult> {
  return new Promise((resolve) => {
    execFile(file, [...args], { cwd: options.cwd, env: options.env, timeout: options.timeoutMs ?? 120_000, maxBuffer: 64 * 1024 * 1024 }, (err, stdout, stderr) => {
      const code = err === null ? 0 : typeof (err as { code?: unknown }).code === "number" ? (err as { code: number }).code : -1;
      resolve({ code, stdout, stderr: err !== null && code === -1 ? `${stderr}${err.message}` : stderr });
    });
  });
}

/** The whole output of a run, for failure messages. */
export const describeResult = (what: string, r: CommandResult): string => `--- ${what} (exit ${r.code})\n--- stdout\n${r.stdout}\n--- stderr\n${r.stderr}`;

/** The real terraform binary on this machine's PATH. */
export function findTerraform(): string {
  for (const dir of (process.env.PATH ?? "").split(delimiter)) {
    const candidate = join(dir, "terraform");
    try {
      accessSync(candidate, constants.X_OK);
      return realpathSync(candidate);
    } catch {
      // not here
    }
  }
  throw new Error("terraform is not on PATH");
}

/** A folder holding only a `terraform` symlink: a PATH with no node, no shell tools, nothing else. */
export function terraformOnlyPath(parent: string): { readonly dir: string; readonly terraform: string } {
  const dir = join(parent, "bin-terraform-only");
  mkdirSync(dir);
  symlinkSync(findTerraform(), join(dir, "terraform"));
  return { dir, terraform: join(dir, "terraform") };
}

/** Inherited variables that would change what Terraform or the providers do. */
const SCRUBBED_ENV = /^(TF_|INFISICAL_|SCRAPENGINE_|CHECKPOINT_)/;

/** This process's environment without Terraform's and the providers' variables, plus `extra`. */
export function hermeticEnv(extra: Readonly<Record<string, string>>): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [k, v] of Object.entries(process.env)) if (!SCRUBBED_ENV.test(k)) env[k] = v;
  return { ...env, CHECKPOINT_DISABLE: "1", TF_IN_AUTOMATION: "1", ...extra };
}

export interface ThrowawayKey {
  readonly home: string;
  readonly fingerprint: string;
  /** Stops the gpg-agent this GNUPGHOME started. */
  close(): Promise<void>;
}

/** A new RSA signing key, no passphrase, in a temporary GNUPGHOME. */
export async function throwawayGpgKey(parent: string): Promise<ThrowawayKey> {
  const home = mkdtempSync(join(parent, "gnupg-"));
  const env = { ...process.env, GNUPGHOME: home };
  const gen = await runCommand("gpg", ["--batch", "--passphrase", "", "--quick-gen-key", "vaultbridge release test <release-test@vaultbridge.invalid>", "rsa2048", "sign", "1d"], { env });
  if (gen.code !== 0) throw new Error(describeResult("gpg --quick-gen-key", gen));
  const list = await runCommand("gpg", ["--batch", "--with-colons", "--list-secret-keys"], { env });
  const fpr = /^fpr:+([0-9A-F]{40}):/m.exec(list.stdout);
  if (!fpr) throw new Error(describeResult("gpg --list-secret-keys", list));
  return {
    home,
    fingerprint: fpr[1],
    close: async () => {
      await runCommand("gpgconf", ["--kill", "gpg-agent"], { env });
    },
  };
}

export interface StaticHttps {
  readonly url: string;
  /** The certificate to trust (SSL_CERT_FILE). */
  readonly caFile: string;
  /** Every path requested so far. */
  readonly requests: string[];
  close(): Promise<void>;
}

/** A new self-signed server certificate for IP 127.0.0.1 (openssl), in `dir`: its own CA, trusted by nothing. */
export async function loopbackCertificate(dir: string): Promise<{ caFile: string; keyFile: string }> {
  const caFile = join(dir, "cert.pem");
  const keyFile = join(dir, "key.pem");
  const made = await runCommand("openssl", [
    "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes", "-days", "1",
    "-subj", "/CN=127.0.0.1", "-addext", "subjectAltName=IP:127.0.0.1", "-addext", "extendedKeyUsage=serverAuth",
    "-keyout", keyFile, "-out", caFile,
  ]);
  if (made.code !== 0) throw new Error(describeResult("openssl req", made));
  return { caFile, keyFile };
}

/** Serves `root` over HTTPS on 127.0.0.1 (a free port), with a new self-signed certificate for IP 127.0.0.1. */
export async function serveHttps(root: string, parent: string): Promise<StaticHttps> {
  const { caFile, keyFile } = await loopbackCertificate(mkdtempSync(join(parent, "tls-")));
  const requests: string[] = [];
  const files = sirv(root, { dev: true, dotfiles: false });
  const server: Server = createServer({ cert: readFileSync(caFile), key: readFileSync(keyFile) }, (req, res) => {
    requests.push(req.url ?? "");
    files(req, res, () => {
      res.statusCode = 404;
      res.end("not found");
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `https://127.0.0.1:${port}/`,
    caFile,
    requests,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

export interface ZipEntryInfo {
  readonly name: string;
  /** Unix permission bits (external attributes >> 16, & 0o7777). */
  readonly mode: number;
  readonly size: number;
  readonly data: Buffer;
}

/** Every entry of a zip with its content (yauzl). */
export function readZip(file: string): Promise<ZipEntryInfo[]> {
  return new Promise((resolve, reject) => {
    openZip(file, { lazyEntries: true }, (err, zip) => {
      if (err) return reject(err);
      const entries: ZipEntryInfo[] = [];
      zip.on("error", reject);
      zip.on("end", () => resolve(entries));
      zip.on("entry", (entry: Entry) => {
        zip.openReadStream(entry, (e, stream) => {
          if (e) return reject(e);
          const chunks: Buffer[] = [];
          stream.on("data", (c: Buffer) => chunks.push(c));
          stream.on("end", () => {
            entries.push({ name: entry.fileName, mode: (entry.externalFileAttributes >>> 16) & 0o7777, size: entry.uncompressedSize, data: Buffer.concat(chunks) });
            zip.readEntry();
          });
        });
      });
      zip.readEntry();
    });
  });
}

export const tempDir = (prefix: string): string => mkdtempSync(join(tmpdir(), prefix));
