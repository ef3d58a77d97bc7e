/**
 * Runs the real `vaultbridge` launcher (bin/vaultbridge.js → dist/cli/main.js) as a child process.
 * ASSUMPTION: dist/ is built and current. The test command builds first (`npm run build && npx jest test/emulator`);
 * a missing build is reported as such rather than as a confusing failure.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { existsSync } from "node:fs";
import { join } from "node:path";

export const REPO_ROOT = join(__dirname, "..", "..");
const LAUNCHER = join(REPO_ROOT, "bin", "vaultbridge.js");

export function requireBuild(): void {
  if (!existsSync(join(REPO_ROOT, "dist", "cli", "main.js"))) {
    throw new Error("dist/ is not built: run `npm run build` before the CLI tests");
  }
}

export interface CliRun {
  readonly child: ChildProcess;
  /** Milliseconds from spawn to the first complete stdout line. */
  readonly readyMs: number;
  readonly readyLine: string;
  stdout(): string;
  stderr(): string;
  /** Sends the signal and resolves with the exit code once the process is gone. */
  stop(signal?: NodeJS.Signals): Promise<number | null>;
}

/** Spawns `vaultbridge <args>` and resolves at its first stdout line (or rejects if it exits or times out first). */
export function spawnUntilFirstLine(args: readonly string[], timeoutMs = 5000): Promise<CliRun> {
  requireBuild();
  const started = process.hrtime.bigint();
  const child = spawn(process.execPath, [LAUNCHER, ...args], { cwd: REPO_ROOT, stdio: ["ignore", "pipe", "pipe"] });
  let out = "";
  let err = "";
  child.stderr?.on("data", (chunk: Buffer) => (err += chunk.toString("utf8")));
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));

  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill("SIGKILL");
      reject(new Error(`no ready line within ${timeoutMs} ms; stderr: ${err}`));
    }, timeoutMs);
    child.stdout?.on("data", (chunk: Buffer) => {
      const before = out;
      out += chunk.toString("utf8");
      const newline = out.indexOf("\n");
      if (before.includes("\n") || newline === -1) return;
      clearTimeout(timer);
      resolve({
        child,
        readyMs: Number(process.hrtime.bigint() - started) / 1e6,
        readyLine: out.slice(0, newline),
        stdout: () => out,
        stderr: () => err,
        stop: (signal = "SIGTERM") => {
          if (child.exitCode === null && child.signalCode === null) child.kill(signal);
          return exited;
        },
      });
    });
    void exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(`vaultbridge exited with ${code} before its ready line; stderr: ${err}`));
    });
  });
}

/** Runs `vaultbridge <args>` to completion. */
export function runToExit(
  args: readonly string[],
  timeoutMs = 10_000,
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  requireBuild();
  const child = spawn(process.execPath, [LAUNCHER, ...args], { cwd: REPO_ROOT, stdio: ["ignore", "pipe", "pipe"] });
  let stdout = "";
  let stderr = "";
  child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString("utf8")));
  child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString("utf8")));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill("SIGKILL");
      reject(new Error(`vaultbridge ${args.join(" ")} did not exit within ${timeoutMs} ms`));
    }, timeoutMs);
    child.once("close", (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });
}
