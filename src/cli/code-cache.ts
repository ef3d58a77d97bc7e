/**
 * Loads the bundled CLI through a V8 code cache kept beside it (`<file>.v8-cache`): a no-op plan otherwise spends
 * ~50 ms compiling the functions it runs (measured at 1000 instances). The cache is written at the exit of a run
 * that had none (or whose cache V8 refused: another Node, another bundle), holding every function that run
 * compiled; where the folder is read-only the CLI simply runs without one.
 */
import { readFileSync, renameSync, writeFileSync } from "node:fs";
import { createRequire, wrap } from "node:module";
import { dirname } from "node:path";
import { Script } from "node:vm";

type ModuleFunction = (exports: object, require: NodeJS.Require, module: { exports: object }, filename: string, dirname: string) => void;

export function requireWithCodeCache(file: string): unknown {
  const cacheFile = `${file}.v8-cache`;
  let cachedData: Buffer | undefined;
  try {
    cachedData = readFileSync(cacheFile);
  } catch {
    /* none yet */
  }
  const script = new Script(wrap(readFileSync(file, "utf8")), { filename: file, cachedData });
  if (cachedData === undefined || script.cachedDataRejected) process.once("exit", () => writeCache(script, cacheFile));
  const module = { exports: {} };
  (script.runInThisContext() as ModuleFunction)(module.exports, createRequire(file), module, file, dirname(file));
  return module.exports;
}

function writeCache(script: Script, cacheFile: string): void {
  try {
    const tmp = `${cacheFile}.${process.pid}.tmp`;
    writeFileSync(tmp, script.createCachedData());
    renameSync(tmp, cacheFile);
  } catch {
    /* a read-only install: no cache */
  }
}
