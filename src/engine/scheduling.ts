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

/**
 * Runs `work` respecting `waitsFor`, at most `limit` at once, earliest in `work` first; dependents of failures are
 * skipped (counted as failed), and so is whatever waits in a cycle. Each change is looked at a bounded number of
 * times (counts of what it still waits for, a heap of those ready), so 10,000 changes cost 1000 times 10.
 */
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
  const positions = new Map<string, number[]>();
  work.forEach((c, i) => positions.set(c.address, [...(positions.get(c.address) ?? []), i]));
  const waiting = work.map(() => 0);
  const doomed = work.map(() => false);
  const dependents: number[][] = work.map(() => []);
  work.forEach((c, i) => {
    for (const d of new Set(waitsFor(c))) {
      for (const j of positions.get(d) ?? []) {
        dependents[j].push(i);
        waiting[i]++;
      }
    }
  });
  const ready = new MinHeap();
  const started = work.map(() => false);
  waiting.forEach((n, i) => n === 0 && ready.push(i));
  // A change that ended (ran, or was skipped) releases what waits for it.
  const ended = (j: number): void => {
    const stack = [j];
    while (stack.length > 0) {
      const k = stack.pop()!;
      const lost = failed.has(work[k].address);
      for (const i of dependents[k]) {
        if (lost) doomed[i] = true;
        if (--waiting[i] > 0) continue;
        if (!doomed[i]) ready.push(i);
        else {
          started[i] = true;
          failed.add(work[i].address);
          stack.push(i);
        }
      }
    }
  };
  const running = new Set<Promise<void>>();
  let stopped = false;
  for (;;) {
    if (signal?.aborted && !stopped) {
      stopped = true;
      onInterrupt();
    }
    while (!stopped && running.size < limit && ready.size > 0) {
      const i = ready.pop();
      started[i] = true;
      const p = run(work[i]).finally(() => {
        running.delete(p);
        ended(i);
      });
      running.add(p);
    }
    if (running.size === 0) break;
    await Promise.race(running);
  }
  // Waiting in a cycle: never ready. (Not started after an interrupt: neither done nor failed.)
  if (!stopped) work.forEach((c, i) => !started[i] && failed.add(c.address));
}

/** Indexes into `work`, smallest first. */
class MinHeap {
  private readonly items: number[] = [];

  get size(): number {
    return this.items.length;
  }

  push(x: number): void {
    const a = this.items;
    a.push(x);
    for (let i = a.length - 1; i > 0; ) {
      const parent = (i - 1) >> 1;
      if (a[parent] <= a[i]) break;
      [a[parent], a[i]] = [a[i], a[parent]];
      i = parent;
    }
  }

  pop(): number {
    const a = this.items;
    const top = a[0];
    const last = a.pop()!;
    if (a.length > 0) {
      a[0] = last;
      for (let i = 0; ; ) {
        const l = 2 * i + 1;
        const r = l + 1;
        let m = i;
        if (l < a.length && a[l] < a[m]) m = l;
        if (r < a.length && a[r] < a[m]) m = r;
        if (m === i) break;
        [a[m], a[i]] = [a[i], a[m]];
        i = m;
      }
    }
    return top;
  }
}
