/**
 * One run at a time per state file: a lock file created exclusively (O_EXCL) next to the state, holding who
 * took it. A lock whose process is gone (killed run) is taken over, with the holder named in a warning.
 */
import { closeSync, openSync, readFileSync, rmSync, writeSync } from "node:fs";
import { hostname } from "node:os";
import { randomUUID } from "node:crypto";
import { VaultbridgeError } from "../framework/vaultbridge-error";

export interface LockInfo {
  readonly ID: string;
  readonly Operation: string;
  readonly Who: string;
  readonly Created: string;
  readonly Pid: number;
  readonly Host: string;
}

export class StateLockedError extends VaultbridgeError {
  constructor(
    readonly lockPath: string,
    readonly holder: LockInfo | null,
  ) {
    const who = holder ? `${holder.Operation} by ${holder.Who} (pid ${holder.Pid} on ${holder.Host}, since ${holder.Created})` : "another run";
    super(`The state is locked by ${who}. Wait for it to finish; if it is gone for good, remove ${lockPath}.`, "VB_STATE_LOCKED");
  }
}

export interface StateLock {
  readonly info: LockInfo;
  /** Taken over from a run whose process is gone. */
  readonly tookOverFrom: LockInfo | null;
  release(): void;
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
  let tookOverFrom: LockInfo | null = null;
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(path, "wx", 0o600);
      writeSync(fd, JSON.stringify(info));
      closeSync(fd);
      return { info, tookOverFrom, release: () => releaseIfOurs(path, info.ID) };
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== "EEXIST") throw err;
      const holder = readLock(path);
      if (holder && holder.Host === hostname() && !processAlive(holder.Pid)) {
        tookOverFrom = holder;
        rmSync(path, { force: true });
        continue;
      }
      throw new StateLockedError(path, holder);
    }
  }
  throw new StateLockedError(path, readLock(path));
}

function readLock(path: string): LockInfo | null {
  try {
    return JSON.parse(readFileSync(path, "utf8")) as LockInfo;
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
