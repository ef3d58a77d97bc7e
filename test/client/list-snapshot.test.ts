/**
 * The shared list of a refresh is held once: every read answers with the listed object itself (no copy per read,
 * no second list), until a write drops it.
 */
import { ListSnapshot } from "../../src/client/list-snapshot";

test("reads answer from one list call with the listed objects themselves", async () => {
  const listed = Array.from({ length: 1000 }, (_, i) => ({ id: `c-${i}`, name: `n-${i}` }));
  let lists = 0;
  const snapshot = new ListSnapshot(async () => {
    lists++;
    return listed;
  });
  const get = () => Promise.reject(new Error("no GET expected"));
  const reads = await Promise.all(listed.map((c) => snapshot.read(c.id, get)));
  expect(lists).toBe(1);
  reads.forEach((r, i) => expect(r).toBe(listed[i]));
  expect(await snapshot.read("c-7", get)).toBe(listed[7]);
  expect((await snapshot.all())[3]).toBe(listed[3]);
  expect(lists).toBe(1);
  snapshot.invalidate();
  await snapshot.read("c-7", get);
  expect(lists).toBe(2);
});
