/**
 * Bounded parallelism: a task list run N at a time, and a dependency-respecting scheduler whose dependents of
 * failures are skipped.
 */
import type { InstanceChange } from "./types";

export async function runLimited(tasks: (() => Promise<void>)[], limit: number): Promise<void> {
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < tasks.length) await tasks[next++]();
  };
  await Promise.all(Array.from({ length: Math.min(limit, tasks.length) }, worker));
}

/** Runs `work` respecting `waitsFor`, at most `limit` at once; dependents of failures are skipped. */
export async function schedule(
  work: readonly InstanceChange[],
  waitsFor: (c: InstanceChange) => string[],
  run: (c: InstanceChange) => Promise<void>,
  done: Set<string>,
  failed: Set<string>,
  limit: number,
  signal: AbortSignal | undefined,
  onInterrupt: () => void,
): Promise<void> {
  const pending = new Set(work);
  const running = new Set<Promise<void>>();
  const waits = new Map(work.map((c) => [c, waitsFor(c)]));
  while (pending.size > 0 || running.size > 0) {
    if (signal?.aborted) {
      onInterrupt();
      pending.clear();
    }
    for (const c of [...pending]) {
      if (running.size >= limit) break;
      const deps = waits.get(c) ?? [];
      if (deps.some((d) => failed.has(d))) {
        pending.delete(c);
        failed.add(c.address);
        continue;
      }
      if (deps.every((d) => done.has(d))) {
        pending.delete(c);
        const p = run(c).finally(() => running.delete(p));
        running.add(p);
      }
    }
    if (running.size === 0) {
      if (pending.size > 0) for (const c of pending) failed.add(c.address);
      break;
    }
    await Promise.race(running);
  }
}
