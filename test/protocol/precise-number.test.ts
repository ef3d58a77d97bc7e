/** Exact numbers: which decimals a double holds, and a JSON parser that never rounds. */
import { type JsonNode, parseJsonPrecise } from "../../src/protocol/precise-json";
import { PreciseNumber, numberFromBigInt, numberFromDecimal } from "../../src/protocol/precise-number";

describe("numberFromDecimal", () => {
  test.each([
    ["0", 0],
    ["-0", 0],
    ["5432", 5432],
    ["-12", -12],
    ["0.5", 0.5],
    ["1.25e2", 125],
    ["1E-2", undefined], // 0.01 is not a dyadic fraction
    ["9007199254740991", 9007199254740991],
    ["9007199254740992", undefined], // a double, but past the safe integers
    ["9007199254740993", undefined],
    ["0.1", undefined],
    ["0.30000000000000004", undefined], // the shortest text of a double is still not its exact value
    ["0.1000000000000000055511151231257827021181583404541015625", 0.1], // the exact value of the double 0.1
    ["5e-324", undefined],
    ["1e400", undefined],
    ["1e-400", undefined],
    ["0.0e99999", 0],
    ["123456789012345678901234567890", undefined],
  ])("%s → %p", (text, expected) => {
    const v = numberFromDecimal(text);
    if (expected === undefined) expect(v).toEqual(new PreciseNumber(text));
    else expect(v).toBe(expected);
  });

  test("bigints: safe ones as numbers", () => {
    expect(numberFromBigInt(42n)).toBe(42);
    expect(numberFromBigInt(2n ** 53n - 1n)).toBe(Number.MAX_SAFE_INTEGER);
    expect(numberFromBigInt(2n ** 53n + 1n)).toEqual(new PreciseNumber("9007199254740993"));
    expect(numberFromBigInt(-(2n ** 63n))).toEqual(new PreciseNumber("-9223372036854775808"));
  });
});

describe("PreciseNumber", () => {
  test("holds decimal text only", () => {
    expect(() => new PreciseNumber("12abc")).toThrow(TypeError);
    expect(() => new PreciseNumber("")).toThrow(TypeError);
    expect(() => new PreciseNumber("NaN")).toThrow(TypeError);
    expect(String(new PreciseNumber("1.50"))).toBe("1.50");
  });

  test("toInt64: whole numbers in int64 range, as cty would send them", () => {
    expect(new PreciseNumber("9223372036854775807").toInt64()).toBe(2n ** 63n - 1n);
    expect(new PreciseNumber("-9223372036854775808").toInt64()).toBe(-(2n ** 63n));
    expect(new PreciseNumber("9223372036854775808").toInt64()).toBeUndefined();
    expect(new PreciseNumber("1.5").toInt64()).toBeUndefined();
    expect(new PreciseNumber("1e30").toInt64()).toBeUndefined();
  });

  test("toNumber is the nearest double", () => {
    expect(new PreciseNumber("9007199254740993").toNumber()).toBe(9007199254740992);
  });
});

describe("parseJsonPrecise", () => {
  /** Maps to plain objects, so results compare with JSON.parse. */
  const plain = (node: JsonNode): unknown => {
    if (node instanceof Map) return Object.fromEntries([...node].map(([k, v]) => [k, plain(v)]));
    if (Array.isArray(node)) return node.map(plain);
    return node;
  };

  test.each([
    "null",
    "true",
    " false ",
    "0",
    "-1.25e-1", // -0.125, exact in binary
    '""',
    '"\\u2713 \\"quoted\\" \\\\ \\/ \\b\\f\\n\\r\\t"',
    "[]",
    "{}",
    '[1, [2, [3, {"a": [true, null]}]], "x"]',
    '{"a":{"b":{"c":0.5}},"d":[],"e":"é😀"}',
    '\n\t{ "spaced" : [ 1 , 2 ] }\r\n',
  ])("agrees with JSON.parse on %s", (text) => {
    expect(plain(parseJsonPrecise(text))).toEqual(JSON.parse(text));
  });

  test("keeps big and precise numbers", () => {
    expect(plain(parseJsonPrecise('{"id":9007199254740993,"x":[0.1,-123456789012345678901234567890]}'))).toEqual({
      id: new PreciseNumber("9007199254740993"),
      x: [new PreciseNumber("0.1"), new PreciseNumber("-123456789012345678901234567890")],
    });
  });

  test("objects are Maps: a __proto__ key is just a key", () => {
    const node = parseJsonPrecise('{"__proto__":{"polluted":true}}') as Map<string, JsonNode>;
    expect(node.get("__proto__")).toBeInstanceOf(Map);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  test.each([
    ["", /offset 0: unexpected end of input/],
    ["01", /offset 1: unexpected text after the JSON value/],
    ["+1", /unexpected character "\+"/],
    ["1.", /offset 1: unexpected text/],
    ["[1,]", /offset 3: unexpected character "]"/],
    ['{"a" 1}', /offset 5: expected ":"/],
    ['{"a":1 "b":2}', /offset 7: expected "," or "}"/],
    ["[1 2]", /offset 3: expected "," or "]"/],
    ['"unterminated', /invalid string/],
    ['"tab\there"', /invalid string/],
    ['"\\x"', /invalid string/],
    ["{1:2}", /expected a property name/],
    ["tru", /expected true/],
    ["nul", /expected null/],
    ["[1] [2]", /unexpected text after the JSON value/],
    ["[".repeat(300) + "]".repeat(300), /nested deeper than 256 levels/],
  ])("rejects %j", (text, message) => {
    expect(() => parseJsonPrecise(text)).toThrow(SyntaxError);
    expect(() => parseJsonPrecise(text)).toThrow(message);
  });
});
