/**
 * For tests of the engine's command line: one emulator per test file (reset before each test), a fresh stack
 * folder per test, and `vaultbridge <args>` run there to completion. Assumes dist/ is built.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { EmulatorOptions } from "../../src/emulator";
import { TestEmulator } from "./emulator";

const BIN = join(__dirname, "..", "..", "bin", "vaultbridge.js");

export interface EngineRun {
  readonly code: number | null;
  /** The signal that ended it (a test that kills it), else null. */
  readonly signal: NodeJS.Signals | null;
  readonly stdout: string;
  readonly stderr: string;
}

/**
 * Registers the jest hooks; read `emu` and `dir` inside tests (they change per file and per test). `options` start
 * the emulator (e.g. canary credentials).
 */
export function useEmulatorAndStackDir(prefix: string, options: EmulatorOptions = {}): { readonly emu: TestEmulator; readonly dir: string } {
  let emu: TestEmulator | undefined;
  let dir: string | undefined;
  beforeAll(async () => {
    emu = await TestEmulator.start(options);
  });
  afterAll(() => emu?.close());
  beforeEach(async () => {
    await emu?.reset();
    dir = mkdtempSync(join(tmpdir(), prefix));
  });
  afterEach(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });
  return {
    get emu() {
      if (!emu) throw new Error("the emulator is started in beforeAll: use it inside a test");
      return emu;
    },
    get dir() {
      if (!dir) throw new Error("the stack folder is made in beforeEach: use it inside a test");
      return dir;
    },
  };
}

/** Runs `vaultbridge <args>` in `cwd` to completion; `onStdout` sees the output so far (e.g. to kill it half way). */
export function runVaultbridge(args: readonly string[], cwd: string, env: NodeJS.ProcessEnv = process.env, onStdout?: (text: string, child: ChildProcess) => void): Promise<EngineRun> {
  const child = spawn(process.execPath, [BIN, ...args], { cwd, env, stdio: ["ignore", "pipe", "pipe"] });
  let stdout = "";
  let stderr = "";
  child.stdout.on("data", (d: Buffer) => {
    stdout += String(d);
    onStdout?.(stdout, child);
  });
  child.stderr.on("data", (d: Buffer) => (stderr += String(d)));
  return new Promise((resolve) => child.on("close", (code, signal) => resolve({ code, signal, stdout, stderr })));
}
