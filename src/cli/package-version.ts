import { readFileSync } from "node:fs";
import { join } from "node:path";

/** This package's version (dist/cli and src/cli both sit two folders below package.json). */
export function packageVersion(): string {
  return (JSON.parse(readFileSync(join(__dirname, "..", "..", "package.json"), "utf8")) as { version: string }).version;
}
