/**
 * A provider as a Node single-executable application: the provider bundle (dist/bundle/…) injected into a copy of
 * a `node` binary, so it runs where no Node is installed (HCP Terraform agents, CI images, Atlantis runners).
 *
 * Deterministic: the same bundle and the same Node binary give the same bytes. The preparation blob is made in a
 * temporary folder from a copy of the bundle under its fixed name (the blob records the main script's path as
 * given), without code cache or snapshot (both depend on the V8 build and would tie the blob to this platform).
 */
import { execFile } from "node:child_process";
import { chmodSync, copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, join } from "node:path";
import { promisify } from "node:util";
import { inject } from "postject";

const run = promisify(execFile);

/** The fuse Node's binaries carry (documented with single-executable applications). */
const SEA_FUSE = "NODE_SEA_FUSE_fce680ab2cc467b6e072b8b5df1996b2";

export interface ExecutableOptions {
  /** The provider bundle (a self-contained CommonJS script). */
  readonly bundle: string;
  /**
   * The Node binary to start from: its platform is the executable's. The blob is made by the Node running this
   * code, so both must be the same Node version.
   */
  readonly node: string;
  /** Where to write the executable (replaced if present). */
  readonly out: string;
}

/** Builds one single-executable application; the file at `out` is mode 0755. */
export async function buildExecutable(o: ExecutableOptions): Promise<void> {
  const work = mkdtempSync(join(tmpdir(), "vaultbridge-sea-"));
  try {
    const main = basename(o.bundle);
    copyFileSync(o.bundle, join(work, main));
    writeFileSync(
      join(work, "sea-config.json"),
      JSON.stringify({ main, output: "sea.blob", disableExperimentalSEAWarning: true, useSnapshot: false, useCodeCache: false }),
    );
    await run(process.execPath, ["--experimental-sea-config", "sea-config.json"], { cwd: work });
    rmSync(o.out, { force: true });
    copyFileSync(o.node, o.out);
    chmodSync(o.out, 0o755);
    await injectQuietly(o.out, readFileSync(join(work, "sea.blob")));
    chmodSync(o.out, 0o755);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

/**
 * postject's ELF reader (LIEF, compiled to wasm) reports every section it cannot name through console.warn —
 * harmless on Node's binary, and noise in our output. Kept aside while it runs; shown if injection fails.
 */
async function injectQuietly(file: string, blob: Buffer): Promise<void> {
  const warn = console.warn;
  const noise: string[] = [];
  console.warn = (...args: unknown[]) => {
    noise.push(args.map(String).join(" "));
  };
  try {
    await inject(file, "NODE_SEA_BLOB", blob, { sentinelFuse: SEA_FUSE, machoSegmentName: "NODE_SEA" });
  } catch (err) {
    throw new Error(`Could not inject the provider into ${file}: ${err instanceof Error ? err.message : String(err)}${noise.length ? `\n${noise.join("\n")}` : ""}`);
  } finally {
    console.warn = warn;
  }
}
