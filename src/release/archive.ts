/**
 * Reproducible zip archives (yazl): fixed entry order, one fixed timestamp, explicit permissions, so the same
 * files always give the same bytes — and the same `zh:` hash in every mirror and lock file.
 */
import { createHash } from "node:crypto";
import { createReadStream, createWriteStream } from "node:fs";
import { pipeline } from "node:stream/promises";
import { ZipFile } from "yazl";

/**
 * yazl writes the DOS date fields from a Date's *local* time: a Date built from local parts (when used, in the time
 * zone then in force) reads back the same everywhere. forceDosTimestamp leaves out the UTC extra field, which would
 * differ.
 */
const fixedMtime = (): Date => new Date(1980, 0, 1, 0, 0, 0);

export interface ArchiveEntry {
  /** The name inside the archive. */
  readonly name: string;
  /** The file to store. */
  readonly file: string;
  /** Unix permissions, e.g. 0o755. */
  readonly mode: number;
}

/** Writes `entries` (in the order given) into a zip at `out`. */
export async function writeArchive(entries: readonly ArchiveEntry[], out: string): Promise<void> {
  const zip = new ZipFile();
  const mtime = fixedMtime();
  for (const e of entries) {
    zip.addReadStream(createReadStream(e.file), e.name, { mtime, mode: 0o100000 | e.mode, forceDosTimestamp: true, compress: true });
  }
  zip.end();
  await pipeline(zip.outputStream, createWriteStream(out));
}

/** The SHA-256 of a file, hex. */
export async function sha256File(file: string): Promise<string> {
  const hash = createHash("sha256");
  await pipeline(createReadStream(file), hash);
  return hash.digest("hex");
}

/** A sort order that no locale changes, for file lists that must come out the same everywhere. */
export const byCodeUnits = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
