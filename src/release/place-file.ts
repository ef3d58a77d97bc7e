/** Puts one file at a second place: a hard link where the file system allows it (no second copy of a 100 MB executable), else a copy. */
import { chmodSync, copyFileSync, linkSync, mkdirSync, rmSync } from "node:fs";
import { dirname } from "node:path";

/**
 * `dest` becomes the same content as `src`, with mode `mode`. `link: false` for a file the build rewrites in place
 * (dist/): a link would change an installed provider under Terraform's recorded checksum. An existing `dest` is unlinked first, never written
 * through: it may be running (ETXTBSY) or be a link to another release's file.
 */
export function placeFile(src: string, dest: string, mode: number, link = true): void {
  mkdirSync(dirname(dest), { recursive: true });
  rmSync(dest, { force: true });
  try {
    if (!link) throw new Error("a copy was asked for");
    linkSync(src, dest);
  } catch {
    copyFileSync(src, dest);
  }
  chmodSync(dest, mode);
}
