/**
 * When the engine writes its state during an apply (src/engine/write-cadence.ts): after a batch of at least
 * MIN_BATCH finished operations or WRITE_FRACTION of the state, or after an interval; so an apply of N writes the
 * state O(log N) times and O(N) instances in all.
 */
import { INTERVAL_MS, MIN_BATCH, WRITE_FRACTION, WriteCadence } from "../../src/engine/write-cadence";

/** Simulates an apply creating `n` instances at `msEach`, returning how many writes and instances written. */
function simulate(n: number, msEach: number): { writes: number; written: number } {
  const cadence = new WriteCadence();
  let now = Date.now();
  let writes = 0;
  let written = 0;
  for (let size = 1; size <= n; size++) {
    now += msEach;
    cadence.finish();
    if (cadence.due(size, now)) {
      cadence.started(now)(now);
      writes++;
      written += size;
    }
  }
  return { writes, written };
}

test("nothing finished, nothing due; a batch of MIN_BATCH or of a fraction of the state is", () => {
  const cadence = new WriteCadence();
  const t = Date.now();
  expect(cadence.due(10_000, t + 10 * INTERVAL_MS)).toBe(false);
  for (let i = 1; i < MIN_BATCH; i++) cadence.finish();
  expect(cadence.due(0, t)).toBe(false);
  cadence.finish();
  expect(cadence.due(0, t)).toBe(true);
  expect(cadence.due(10 * MIN_BATCH / WRITE_FRACTION, t)).toBe(false);
  expect(cadence.due(10 * MIN_BATCH / WRITE_FRACTION, t + INTERVAL_MS)).toBe(true);
});

test("a fast apply of 10,000 writes the state a few dozen times and about 1/WRITE_FRACTION states' worth in all", () => {
  const small = simulate(1000, 0);
  const large = simulate(10_000, 0);
  expect(large.writes).toBeLessThan(small.writes + 30);
  expect(large.written).toBeLessThan((2 / WRITE_FRACTION) * 10_000);
  expect(large.written / small.written).toBeLessThan(11);
});

test("a slow apply writes at least once per interval", () => {
  // 100 operations, four per interval: 25 intervals, far fewer than MIN_BATCH-sized batches would give.
  const { writes } = simulate(100, INTERVAL_MS / 4);
  expect(writes).toBeGreaterThanOrEqual(24);
});
