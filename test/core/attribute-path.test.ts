/** Attribute paths (a parent and one step each since the codec makes one per attribute): same answers as before. */
import { AttributePath } from "../../src/framework/path";

const hours = AttributePath.of("rotation", "rotate_at_utc", "hours");

test("steps, text and emptiness", () => {
  expect(hours.steps).toEqual([
    { kind: "attribute", name: "rotation" },
    { kind: "attribute", name: "rotate_at_utc" },
    { kind: "attribute", name: "hours" },
  ]);
  expect(String(AttributePath.root("credentials").atMapKey("k").atListIndex(3).atName("x"))).toBe('credentials["k"][3].x');
  expect(AttributePath.empty.isEmpty).toBe(true);
  expect(AttributePath.empty.steps).toEqual([]);
  expect(AttributePath.root("name").isEmpty).toBe(false);
});

test("equals and isWithin compare steps, however the paths were built", () => {
  const built = AttributePath.root("rotation").atName("rotate_at_utc").atName("hours");
  expect(built.equals(hours)).toBe(true);
  expect(built).toEqual(hours);
  expect(hours.isWithin(AttributePath.of("rotation"))).toBe(true);
  expect(hours.isWithin(AttributePath.of("rotation", "rotate_at_utc"))).toBe(true);
  expect(hours.isWithin(hours)).toBe(true);
  expect(hours.isWithin(AttributePath.empty)).toBe(true);
  expect(AttributePath.of("rotation").isWithin(hours)).toBe(false);
  expect(hours.isWithin(AttributePath.of("rotation", "interval"))).toBe(false);
  expect(hours.equals(AttributePath.of("rotation", "rotate_at_utc"))).toBe(false);
  expect(AttributePath.root("a").atListIndex(1).equals(AttributePath.root("a").atMapKey("1"))).toBe(false);
  expect(AttributePath.root("a").atListIndex(1).equals(AttributePath.root("a").atListIndex(1))).toBe(true);
});
