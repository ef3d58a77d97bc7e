/**
 * Ends a process whose parent is gone. go-plugin gives a plugin Terraform's own stdin (no pipe whose EOF would
 * tell), so a provider whose terraform was killed (kill -9, OOM) would otherwise serve an empty socket for
 * minutes; npm exec, likewise, dies on SIGTERM without passing it on, orphaning what it ran.
 *
 * Cheap by design: nothing at start but one unref'd timer (it never keeps the process alive); each tick reads
 * process.ppid, which changes once the parent dies and the process is re-parented (to init or a subreaper).
 */
import { readFileSync } from "node:fs";

export interface ParentWatch {
  stop(): void;
}

export interface ParentWatchOptions {
  /**
   * How many generations to follow: 1 is the parent; 2 also the grandparent, for runners that start us through a
   * shell (`npm exec` → `sh -c` → node): killing the runner leaves that shell waiting for us, alive. Generations
   * beyond the parent are read from /proc; where there is none, only the parent is followed.
   */
  readonly generations?: number;
  readonly pollMs?: number;
}

export const PARENT_POLL_MS = 500;

export function exitWithParent(onGone: () => void, options: ParentWatchOptions = {}): ParentWatch {
  // chain[i] is the parent of chain[i - 1]; chain[0] is our parent.
  const chain = [process.ppid];
  while (chain.length < (options.generations ?? 1)) {
    const up = parentOf(chain[chain.length - 1]);
    if (up === null || up <= 1) break;
    chain.push(up);
  }
  // Already an orphan at start (started by init, or by a parent that exited at once): nothing to follow.
  if (chain[0] <= 1) return { stop: () => undefined };
  const intact = (): boolean => process.ppid === chain[0] && chain.every((pid, i) => i === 0 || parentOf(chain[i - 1]) === pid);
  const timer = setInterval(() => {
    if (intact()) return;
    clearInterval(timer);
    onGone();
  }, options.pollMs ?? PARENT_POLL_MS);
  timer.unref();
  return { stop: () => clearInterval(timer) };
}

/** The parent of `pid` from /proc, or null when it is gone (or there is no /proc). */
function parentOf(pid: number): number | null {
  try {
    // "pid (comm) state ppid …": comm may hold spaces and parentheses, so read after the last ")".
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    const ppid = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
    return Number.isInteger(ppid) ? ppid : null;
  } catch {
    return null;
  }
}

/**
 * For long-running commands (emulator, provider serve): when started by a package runner (npm exec / npx / npm
 * run / pnpm set npm_command or npm_lifecycle_event), end with the runner — it dies on SIGTERM without passing it
 * on, and reaches us through a `sh -c` that a kill -9 leaves waiting. Not otherwise, so that
 * `nohup vaultbridge emulator &` still outlives its shell.
 */
export function followPackageRunner(onGone: () => void, env: NodeJS.ProcessEnv = process.env): ParentWatch {
  const byRunner = env.npm_command !== undefined || env.npm_lifecycle_event !== undefined;
  return byRunner ? exitWithParent(onGone, { generations: 2 }) : { stop: () => undefined };
}
