/**
 * One run at a time per state file: a lock file created exclusively (O_EXCL) next to the state, holding who
 * took it. A lock whose process is gone (killed run) is taken over, with the holder named in a warning.
 */
import { closeSync, openSync, readFileSync, rmSync, writeSync } from "node:fs";
import { hostname } from "node:os";
import { randomUUID } from "node:crypto";
import { z } from "zod";
import { retryUntil } from "./state-store/state-store";
import type { Diagnostics } from "../framework/diagnostics";
import { VaultbridgeError } from "../framework/vaultbridge-error";

export interface LockInfo {
  readonly ID: string;
  readonly Operation: string;
  readonly Who: string;
  readonly Created: string;
  readonly Pid: number;
  readonly Host: string;
}

/** What a lock file says of its holder: any field may be missing (written by hand, by another tool, cut short). */
export const lockHolder = z
  .object({ ID: z.string(), Operation: z.string(), Who: z.string(), Created: z.string(), Pid: z.number().int(), Host: z.string() })
  .partial();
export type LockHolder = z.infer<typeof lockHolder>;

/** "apply by ci@runner (pid 42 on runner, since …)", from whatever fields the lock file holds. */
export function describeLockHolder(holder: LockHolder | null): string {
  if (!holder || Object.values(holder).every((v) => v === undefined)) return "another run (its lock file names no holder)";
  const where = [holder.Pid !== undefined ? `pid ${holder.Pid}` : undefined, holder.Host !== undefined ? `on ${holder.Host}` : undefined, holder.Created !== undefined ? `since ${holder.Created}` : undefined]
    .filter((x): x is string => x !== undefined)
    .join(", ");
  return `${holder.Operation ?? "a run"}${holder.Who !== undefined ? ` by ${holder.Who}` : ""}${where ? ` (${where})` : ""}`;
}

export class StateLockedError extends VaultbridgeError {
  constructor(
    readonly lockPath: string,
    readonly holder: LockHolder | null,
  ) {
    super(`The state is locked by ${describeLockHolder(holder)}. Wait for it to finish; if it is gone for good, remove ${lockPath}.`, "VB_STATE_LOCKED");
  }
}

export interface StateLock {
  readonly info: LockInfo;
  /** Taken over from a run whose process is gone. */
  readonly tookOverFrom: LockHolder | null;
  release(): void;
}

/** The warning every command that takes a stale lock over gives (plan, apply, import alike). */
export function staleLockWarning(lock: StateLock): { summary: string; detail: string } | null {
  if (!lock.tookOverFrom) return null;
  return {
    summary: "Stale Lock Taken Over",
    detail: `The state was locked by ${describeLockHolder(lock.tookOverFrom)}, which is gone; the lock was taken over. What that run completed is in the state; an interrupted create is adopted on refresh.`,
  };
}

export function lockPathFor(statePath: string): string {
  return `${statePath}.lock.info`;
}

export function acquireStateLock(statePath: string, operation: string): StateLock {
  const path = lockPathFor(statePath);
  const info: LockInfo = {
    ID: randomUUID(),
    Operation: operation,
    Who: `${process.env.USER ?? "unknown"}@${hostname()}`,
    Created: new Date().toISOString(),
    Pid: process.pid,
    Host: hostname(),
  };
  let tookOverFrom: LockHolder | null = null;
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(path, "wx", 0o600);
      writeSync(fd, JSON.stringify(info));
      closeSync(fd);
      return { info, tookOverFrom, release: () => releaseIfOurs(path, info.ID) };
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== "EEXIST") throw err;
      const holder = readLock(path);
      // Only a holder on this host whose process is certainly gone; a lock that names none is never taken over.
      if (holder?.Pid !== undefined && holder.Host === hostname() && !processAlive(holder.Pid)) {
        tookOverFrom = holder;
        rmSync(path, { force: true });
        continue;
      }
      throw new StateLockedError(path, holder);
    }
  }
  throw new StateLockedError(path, readLock(path));
}

function readLock(path: string): LockHolder | null {
  try {
    const parsed = lockHolder.safeParse(JSON.parse(readFileSync(path, "utf8")));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

function releaseIfOurs(path: string, id: string): void {
  if (readLock(path)?.ID === id) rmSync(path, { force: true });
}

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === "EPERM";
  }
}

/**
 * The lock as every engine command takes it: held elsewhere → a "State Locked" error (null returned); a stale
 * one taken over → a warning. Either way the user hears of it.
 */
export async function lockForCommand(statePath: string, operation: string, diags: Diagnostics, timeoutMs = 0): Promise<StateLock | null> {
  // -lock-timeout: wait for the other run to finish, as terraform does, then give up naming the holder.
  const result = await retryUntil<StateLock>(timeoutMs, async () => {
    try {
      return { ok: acquireStateLock(statePath, operation) };
    } catch (err) {
      if (!(err instanceof StateLockedError)) throw err;
      return { refused: err.message };
    }
  });
  if ("refused" in result) {
    diags.error("State Locked", timeoutMs > 0 ? `${result.refused} (waited ${formatWait(timeoutMs)})` : result.refused);
    return null;
  }
  const stale = staleLockWarning(result.ok);
  if (stale) diags.warning(stale.summary, stale.detail);
  return result.ok;
}

function formatWait(ms: number): string {
  return ms % 1000 === 0 ? `${ms / 1000}s` : `${ms}ms`;
}
