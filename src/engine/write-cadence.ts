/**
 * When the working state is written during an apply. Each write costs the whole state, so writing after every
 * operation costs O(N²) bytes over an apply of N. Instead a write is due once the operations finished since the
 * last one reach a fraction of the state's size — the state then grows geometrically between writes, so the bytes
 * written total O(N) — or once a time interval has passed, itself at least `TIME_FACTOR` times the last write's
 * duration, so time-driven writes take at most 1/TIME_FACTOR of the run.
 *
 * A kill loses none of this: a create is recorded as an intent before it is sent and stays recorded until a write
 * holding its result has finished (the next run adopts its object); an update or delete not yet written is found
 * by the next refresh and planned again. The cadence bounds how much the next run redoes.
 */

/** Finished operations, as a fraction of the instances in state, that make a write due. */
export const WRITE_FRACTION = 0.1;
/** A write is due after this many finished operations whatever the state's size. */
export const MIN_BATCH = 20;
/** …or when something finished this long ago (ms) without being written. */
export const INTERVAL_MS = 1000;
const TIME_FACTOR = 20;

export class WriteCadence {
  private finished = 0;
  private lastWriteAt = Date.now();
  private lastWriteMs = 0;

  /** One operation finished (its change is in the working state, not yet written). */
  finish(): void {
    this.finished++;
  }

  /** Whether to write now, the state holding `instances`. */
  due(instances: number, now = Date.now()): boolean {
    if (this.finished === 0) return false;
    if (this.finished >= Math.max(MIN_BATCH, WRITE_FRACTION * instances)) return true;
    return now - this.lastWriteAt >= Math.max(INTERVAL_MS, TIME_FACTOR * this.lastWriteMs);
  }

  /** A write taking everything finished so far starts now; `done` is called when it has finished. */
  started(now = Date.now()): (finishedAt?: number) => void {
    this.finished = 0;
    this.lastWriteAt = now;
    return (finishedAt = Date.now()) => {
      this.lastWriteMs = finishedAt - now;
      this.lastWriteAt = finishedAt;
    };
  }
}
