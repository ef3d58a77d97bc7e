/**
 * Packages embedded in a provider bundle as source text (undici, zod: see scripts/bundle-providers.js), compiled on
 * first use, with the V8 code cache the build writes beside the bundle.
 *
 * Compiling zod and undici is most of what a provider's first ConfigureProvider costs. With a cache made by the
 * same Node (and the same V8 flags, which the cache's check includes) V8 skips the parse and the compilation of
 * every function that ran when the cache was made: zod's first use goes from ~26 to ~5 ms (measured). A cache
 * that does not fit (another Node, no file) is rejected by V8 and the package is compiled from its source: slower,
 * never wrong.
 */
import { readFileSync, renameSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { setFlagsFromString } from "node:v8";
import type { Script } from "node:vm";
import { PROVIDER_MEMORY_V8_FLAGS } from "../plugin/provider-memory";

/**
 * undici parses HTTP with llhttp, WebAssembly compiled on the first connection. V8 then optimises it on a
 * background thread, and a process cannot exit before that job ends: 50-70 ms after Shutdown was answered, on the
 * last launch of every plan (measured; --no-wasm-tier-up does not avoid it). The baseline compiler alone parses
 * our few, small answers as well, and the process then exits within ~10 ms of Shutdown. The others bound memory
 * (plugin/provider-memory.ts).
 */
const PROVIDER_V8_FLAGS = ["--liftoff-only", ...PROVIDER_MEMORY_V8_FLAGS];

/** The V8 flags of a provider process; set before anything is compiled that a code cache covers. */
export function applyProviderV8Flags(): void {
  for (const flag of PROVIDER_V8_FLAGS) setFlagsFromString(flag);
}

/** The embedded packages the build writes a code cache for. */
export const CACHED_PACKAGES = ["undici", "zod"] as const;

/** The cache file of an embedded package, beside the bundle. */
export const codeCachePath = (bundleDir: string, name: string): string => join(bundleDir, `vaultbridge-${name}.v8cache`);

const wrap = (source: string): string => `(function (exports, require, module, __filename, __dirname) {${source}\n})`;

interface Compiled {
  readonly packageExports: unknown;
  readonly script: Script;
}

function compile(name: string, source: string, req: NodeRequire, bundleDir: string, cachedData: Buffer | undefined): Compiled {
  // node:vm is loaded here, on first use: it is not on the provider's start path (2 ms, profiled).
  const { Script: VmScript } = require("node:vm") as typeof import("node:vm");
  const script = new VmScript(wrap(source), { filename: `${name}.embedded.js`, cachedData });
  const wrapped = { exports: {} as unknown };
  (script.runInThisContext() as (...args: unknown[]) => void)(wrapped.exports, req, wrapped, join(bundleDir, `${name}.embedded.js`), bundleDir);
  return { packageExports: wrapped.exports, script };
}

/** How a package was compiled: from its cache, from source because V8 refused the cache, or with no cache. */
export type CodeCacheOutcome = "used" | "rejected" | "none";
type LoadListener = (name: string, codeCache: CodeCacheOutcome, ms: number) => void;
let listener: LoadListener | undefined;

/** Told of every package compiled, e.g. to log it: a rejected cache is otherwise silent, only slower. */
export function onEmbeddedPackageLoaded(fn: LoadListener): void {
  listener = fn;
}

/** Compiles and runs an embedded package: its `module.exports`. */
export function loadEmbedded(name: string, source: string, req: NodeRequire, bundleDir: string): unknown {
  // Not performance.now(): the global's first read loads node:perf_hooks, 1.4 ms of the first configure (profiled).
  const started = process.hrtime.bigint();
  let cachedData: Buffer | undefined;
  try {
    cachedData = readFileSync(codeCachePath(bundleDir, name));
  } catch {
    // No cache beside this bundle: compiled from source.
  }
  const { packageExports, script } = compile(name, source, req, bundleDir, cachedData);
  listener?.(name, cachedData === undefined ? "none" : script.cachedDataRejected ? "rejected" : "used", Number((process.hrtime.bigint() - started) / 1_000_000n));
  return packageExports;
}

/**
 * Writes the caches of embedded packages after running them and `exercise` (what a provider's first calls do with
 * them), so every function those calls compile is in the cache too. Run by the build, under the provider's flags.
 */
export async function writeCodeCaches(
  packages: Readonly<Record<string, string>>,
  req: NodeRequire,
  bundleDir: string,
  exercise: (exportsByName: Readonly<Record<string, unknown>>) => Promise<void>,
): Promise<void> {
  applyProviderV8Flags();
  const compiled = Object.entries(packages).map(([name, source]) => ({ name, ...compile(name, source, req, bundleDir, undefined) }));
  await exercise(Object.fromEntries(compiled.map((c) => [c.name, c.packageExports])));
  for (const { name, script } of compiled) {
    // A new file, never written through: an older one may be linked from elsewhere.
    const file = codeCachePath(bundleDir, name);
    writeFileSync(`${file}.tmp`, script.createCachedData());
    renameSync(`${file}.tmp`, file);
  }
}
