/** Terraform values in msgpack and JSON state ⇄ plain values, against byte sequences written the way cty writes them. */
import { Encoder, ExtData } from "@msgpack/msgpack";
import { AttributePath } from "../../src/framework/path";
import { type Attributes, bool, nested, number, string } from "../../src/framework/schema";
import { type ObjectValue, UNKNOWN, Unknown } from "../../src/framework/value";
import { CodecError } from "../../src/protocol/codec-error";
import {
  type CodecObject,
  ctyTypeOf,
  decodeDynamicValue,
  decodeJsonState,
  decodeValue,
  encodeDynamicValue,
  encodeValue,
  schemaAttributeTypeBytes,
  toFrameworkValue,
} from "../../src/protocol/cty-codec";
import { PreciseNumber } from "../../src/protocol/precise-number";

const attrs: Attributes = {
  name: string({ required: true, description: "Name." }),
  id: string({ computed: true, description: "ID." }),
  port: number({ optional: true, default: 5432, description: "Port." }),
  enabled: bool({ optional: true, description: "Enabled." }),
  settings: nested({
    optional: true,
    description: "Settings.",
    attributes: {
      size: number({ required: true, description: "Size." }),
      label: string({ optional: true, description: "Label." }),
      inner: nested({ optional: true, description: "Inner.", attributes: { flag: bool({ optional: true, description: "Flag." }) } }),
    },
  }),
};

const full: ObjectValue = {
  name: "prod-db",
  id: "7f1c",
  port: 5432,
  enabled: true,
  settings: { size: 2.5, label: "ünïcode ✓", inner: { flag: false } },
};

/** msgpack written independently of the codec: keys as given (sorted, as cty writes them), bigints as 64-bit ints. */
const reference = new Encoder({ useBigInt64: true });
const pack = (v: unknown) => Buffer.from(reference.encode(v));
const hex = (b: Uint8Array) => Buffer.from(b).toString("hex");
/** An object of `attrs` on the wire, every attribute present, nil unless given. */
const wire = (given: Record<string, unknown>) =>
  pack({ enabled: null, id: null, name: null, port: null, settings: null, ...given } as Record<string, unknown>);
const sortedKeys = (o: Record<string, unknown>) => Object.fromEntries(Object.keys(o).sort().map((k) => [k, o[k]]));
/** A msgpack extension: ext8 header, type, payload. */
const ext = (type: number, payload: number[]) => [0xc7, payload.length, type & 0xff, ...payload];
/** An object of `attrs` with `name` replaced by the raw msgpack bytes given. */
const withRawName = (raw: number[]) => {
  const before = pack({ enabled: null, id: null });
  // fixmap of 5: enabled, id, name, port, settings — splice the raw value in after the "name" key.
  const head = Buffer.concat([Buffer.from([0x85]), before.subarray(1), pack("name")]);
  return Buffer.concat([head, Buffer.from(raw), pack("port"), pack(null), pack("settings"), pack(null)]);
};
const withRawPort = (raw: number[]) =>
  Buffer.concat([Buffer.from([0x85]), pack({ enabled: null, id: null, name: null }).subarray(1), pack("port"), Buffer.from(raw), pack("settings"), pack(null)]);

describe("cty types", () => {
  test("ctyTypeOf: an object type with nested objects, attributes sorted", () => {
    expect(JSON.stringify(ctyTypeOf(attrs))).toBe(
      '["object",{"enabled":"bool","id":"string","name":"string","port":"number","settings":["object",{"inner":["object",{"flag":"bool"}],"label":"string","size":"number"}]}]',
    );
  });

  test("schemaAttributeTypeBytes: the JSON of the type, quotes included", () => {
    expect(schemaAttributeTypeBytes(attrs.name).toString()).toBe('"string"');
    expect(schemaAttributeTypeBytes(attrs.port).toString()).toBe('"number"');
    expect(schemaAttributeTypeBytes(attrs.enabled).toString()).toBe('"bool"');
    expect(JSON.parse(schemaAttributeTypeBytes(attrs.settings).toString())).toEqual(["object", { inner: ["object", { flag: "bool" }], label: "string", size: "number" }]);
  });
});

describe("msgpack values", () => {
  test("every kind round-trips, and the bytes are cty's (keys sorted, compact ints, float64)", () => {
    const bytes = encodeValue(attrs, full);
    expect(hex(bytes)).toBe(hex(wire({ enabled: true, id: "7f1c", name: "prod-db", port: 5432, settings: sortedKeys({ size: 2.5, label: "ünïcode ✓", inner: { flag: false } }) })));
    expect(decodeValue(attrs, bytes)).toEqual(full);
    expect(hex(encodeValue(attrs, decodeValue(attrs, bytes)))).toBe(hex(bytes));
  });

  test("empty attributes are written as nil, every attribute present", () => {
    const bytes = encodeValue(attrs, { name: "a" });
    expect(hex(bytes)).toBe(hex(wire({ name: "a" })));
    expect(decodeValue(attrs, bytes)).toEqual({ name: "a", id: null, port: null, enabled: null, settings: null });
  });

  test("a null resource is a bare nil", () => {
    expect(hex(encodeValue(attrs, null))).toBe("c0");
    expect(decodeValue(attrs, Buffer.from([0xc0]))).toBeNull();
  });

  test("missing keys are read as null, nested ones too", () => {
    const bytes = pack({ name: "x", settings: { size: 1 } });
    expect(decodeValue(attrs, bytes)).toEqual({ name: "x", id: null, port: null, enabled: null, settings: { size: 1, label: null, inner: null } });
  });

  test("an extra key is an error naming the key and its path", () => {
    expect(() => decodeValue(attrs, pack({ name: "x", bogus: 1 }))).toThrow(new CodecError(AttributePath.of("bogus"), 'unsupported attribute "bogus": the schema has no such attribute'));
    const err = catchError(() => decodeValue(attrs, pack({ name: "x", settings: { size: 1, colour: "red" } })));
    expect(err).toBeInstanceOf(CodecError);
    expect(err.message).toBe('settings.colour: unsupported attribute "colour": the schema has no such attribute');
    expect((err as CodecError).path.toString()).toBe("settings.colour");
    expect(err.message).not.toContain("red");
  });

  test("a value of the wrong kind is an error naming the path, not the value", () => {
    const err = catchError(() => decodeValue(attrs, pack({ name: 42 })));
    expect(err.message).toBe("name: a string is required (got number)");
    expect(catchError(() => decodeValue(attrs, pack({ settings: { size: "lots" } }))).message).toBe(
      "settings.size: a number is required (got a string that is not a decimal number)",
    );
    expect(catchError(() => decodeValue(attrs, pack({ settings: [1] }))).message).toBe("settings: an object is required (got array)");
    expect(catchError(() => decodeValue(attrs, pack("secret-value"))).message).toBe("the object: an object is required (got string)");
    expect(catchError(() => decodeValue(attrs, Buffer.from([0xc1]))).message).toMatch(/^the object: not a valid msgpack value/);
    expect(catchError(() => encodeValue(attrs, { name: 1 } as unknown as ObjectValue)).message).toBe("name: a string is required (got number)");
    expect(catchError(() => encodeValue(attrs, { name: "a", extra: "x" })).message).toMatch(/^extra: unsupported attribute "extra"/);
    expect(catchError(() => encodeValue(attrs, { port: Number.NaN })).message).toBe("port: NaN is not a Terraform number");
  });
});

describe("unknown values", () => {
  test("a wholly unknown resource and unknown attributes are written as cty's d4 00 00", () => {
    expect(hex(encodeValue(attrs, UNKNOWN))).toBe("d40000");
    const bytes = encodeValue(attrs, { name: "a", id: UNKNOWN, settings: new Unknown({ notNull: true }) });
    expect(hex(bytes)).toBe(hex(wire({ name: "a", id: new ExtData(0, new Uint8Array([0])), settings: new ExtData(0, new Uint8Array([0])) })));
    expect(hex(bytes)).toContain(hex(pack("id")) + "d40000");
    const back = decodeValue(attrs, bytes) as CodecObject;
    expect(back.id).toBeInstanceOf(Unknown);
    expect(back.settings).toBeInstanceOf(Unknown);
    expect(decodeValue(attrs, Buffer.from("d40000", "hex"))).toBeInstanceOf(Unknown);
  });

  test("a zero-length type 0 extension is unknown too", () => {
    expect(decodeValue(attrs, withRawName([0xc7, 0x00, 0x00]))).toMatchObject({ name: UNKNOWN });
  });

  test("type 12 carries refinements: key 1 false = not null, key 2 = string prefix", () => {
    // {1: false, 2: "beta-"}
    const payload = [0x82, 0x01, 0xc2, 0x02, 0xa5, ...Buffer.from("beta-")];
    const v = decodeValue(attrs, withRawName(ext(12, payload))) as CodecObject;
    expect(v.name).toBeInstanceOf(Unknown);
    expect((v.name as Unknown).refinements).toEqual({ notNull: true, stringPrefix: "beta-" });
  });

  test("number and length bounds and unknown keys are ignored; a prefix on a number is dropped", () => {
    // {1: false, 3: [5, true], 4: [10, false], 5: 2, 9: nil, 2: "x"}
    const payload = [0x86, 0x01, 0xc2, 0x03, 0x92, 0x05, 0xc3, 0x04, 0x92, 0x0a, 0xc2, 0x05, 0x02, 0x09, 0xc0, 0x02, 0xa1, 0x78];
    const v = decodeValue(attrs, withRawPort(ext(12, payload))) as CodecObject;
    expect((v.port as Unknown).refinements).toEqual({ notNull: true });
    // {1: true} ("definitely null") is not a useful refinement: a plain unknown
    expect(decodeValue(attrs, withRawName(ext(12, [0x81, 0x01, 0xc3])))).toMatchObject({ name: UNKNOWN });
  });

  test("a malformed refinement payload is a plain unknown", () => {
    expect(decodeValue(attrs, withRawName(ext(12, [0xc1, 0x00])))).toMatchObject({ name: UNKNOWN });
    expect(decodeValue(attrs, withRawName(ext(12, [0x93, 0x01, 0x02, 0x03])))).toMatchObject({ name: UNKNOWN });
  });

  test("any other extension type is unknown, including msgpack's timestamp (-1)", () => {
    expect(decodeValue(attrs, withRawName([0xd6, 0x05, 1, 2, 3, 4]))).toMatchObject({ name: UNKNOWN });
    expect(decodeValue(attrs, withRawName([0xd6, 0xff, 0, 0, 0, 0]))).toMatchObject({ name: UNKNOWN });
    expect(decodeValue(attrs, Buffer.from([0xd5, 0x63, 0, 0]))).toBe(UNKNOWN);
  });

  test("refined unknowns are written as plain unknowns (type 0)", () => {
    expect(hex(encodeValue(attrs, { name: new Unknown({ notNull: true, stringPrefix: "beta-" }) }))).toBe(hex(wire({ name: new ExtData(0, new Uint8Array([0])) })));
  });
});

describe("numbers", () => {
  test.each([
    ["positive fixint", [0x05], 5],
    ["negative fixint", [0xfb], -5],
    ["uint16", [0xcd, 0x15, 0x38], 5432],
    ["int32", [0xd2, 0x80, 0x00, 0x00, 0x00], -(2 ** 31)],
    ["uint64 within 2^53", [0xcf, 0, 0, 0x01, 0, 0, 0, 0, 0], 2 ** 40],
    ["int64 within 2^53", [0xd3, 0xff, 0xe0, 0, 0, 0, 0, 0, 0x01], -(2 ** 53 - 1)],
    ["float64", [0xcb, ...Buffer.from("3ff8000000000000", "hex")], 1.5],
  ])("%s decodes to a plain number and is written back byte for byte", (_, raw, expected) => {
    const bytes = withRawPort(raw);
    const v = decodeValue(attrs, bytes) as CodecObject;
    expect(v.port).toBe(expected);
    expect(hex(encodeValue(attrs, v))).toBe(hex(bytes));
  });

  test("2^53 + 1 (uint64) survives decode → encode byte for byte", () => {
    const bytes = withRawPort([0xcf, 0x00, 0x20, 0x00, 0x00, 0x00, 0x00, 0x00, 0x01]);
    const v = decodeValue(attrs, bytes) as CodecObject;
    expect(v.port).toEqual(new PreciseNumber("9007199254740993"));
    expect(hex(encodeValue(attrs, v))).toBe(hex(bytes));
  });

  test("-(2^53 + 1) (int64) survives too", () => {
    const raw = Buffer.alloc(9);
    raw[0] = 0xd3;
    raw.writeBigInt64BE(-(2n ** 53n) - 1n, 1);
    const bytes = withRawPort([...raw]);
    const v = decodeValue(attrs, bytes) as CodecObject;
    expect(v.port).toEqual(new PreciseNumber("-9007199254740993"));
    expect(hex(encodeValue(attrs, v))).toBe(hex(bytes));
  });

  test("a 30-digit decimal string survives decode → encode byte for byte", () => {
    const bytes = withRawPort([...pack("123456789012345678901234567890")]);
    const v = decodeValue(attrs, bytes) as CodecObject;
    expect(v.port).toEqual(new PreciseNumber("123456789012345678901234567890"));
    expect(hex(encodeValue(attrs, v))).toBe(hex(bytes));
  });

  test("a decimal string no double holds exactly (cty's 0.1) stays a string; one a double holds becomes a number", () => {
    const tenth = withRawPort([...pack("0.1")]);
    const v = decodeValue(attrs, tenth) as CodecObject;
    expect(v.port).toEqual(new PreciseNumber("0.1"));
    expect(hex(encodeValue(attrs, v))).toBe(hex(tenth));
    expect((decodeValue(attrs, withRawPort([...pack("0.5")])) as CodecObject).port).toBe(0.5);
    expect((decodeValue(attrs, withRawPort([...pack("-12")])) as CodecObject).port).toBe(-12);
    expect((decodeValue(attrs, withRawPort([...pack("1e3")])) as CodecObject).port).toBe(1000);
  });

  test("plain numbers: safe integers as ints (64-bit ones too), the rest float64", () => {
    const portBytes = (port: number) => {
      const out = encodeValue({ port: attrs.port }, { port });
      return hex(out.subarray(1 + pack("port").length));
    };
    expect(portBytes(0)).toBe("00");
    expect(portBytes(-0)).toBe("00");
    expect(portBytes(2 ** 32)).toBe("cf0000000100000000");
    expect(portBytes(-(2 ** 31) - 1)).toBe("d3ffffffff7fffffff");
    expect(portBytes(Number.MAX_SAFE_INTEGER)).toBe("cf001fffffffffffff");
    expect(portBytes(0.1)).toBe("cb3fb999999999999a");
    expect(portBytes(2 ** 60)).toBe("cb43b0000000000000");
    expect(portBytes(Infinity)).toBe("cb7ff0000000000000");
  });

  test("toFrameworkValue passes plain values and refuses a precise number with its path", () => {
    const v = decodeValue(attrs, encodeValue(attrs, full));
    expect(toFrameworkValue(v)).toBe(v);
    expect(toFrameworkValue(null)).toBeNull();
    const big = decodeValue(attrs, pack({ settings: { size: "123456789012345678901234567890" } }));
    expect(catchError(() => toFrameworkValue(big)).message).toBe("settings.size: the number is too big or too precise to be held exactly by a JavaScript number");
  });
});

describe("DynamicValue", () => {
  test("msgpack first, then JSON, then nothing (null)", () => {
    expect(decodeDynamicValue(attrs, encodeDynamicValue(attrs, full))).toEqual(full);
    expect(decodeDynamicValue(attrs, { json: Buffer.from('{"name":"j","port":9007199254740993}') })).toEqual({
      name: "j",
      id: null,
      port: new PreciseNumber("9007199254740993"),
      enabled: null,
      settings: null,
    });
    expect(() => decodeDynamicValue(attrs, { json: Buffer.from('{"name":"j","gone":1}') })).toThrow(/gone: unsupported attribute/);
    expect(decodeDynamicValue(attrs, {})).toBeNull();
    expect(decodeDynamicValue(attrs, undefined)).toBeNull();
  });
});

describe("JSON state (UpgradeResourceState raw_state.json)", () => {
  test("drops keys the schema no longer has, adds new attributes as null", () => {
    const json = '{"name":"prod","id":"abc","legacy_flag":true,"port":5432,"settings":{"size":3,"removed":[1,2],"inner":{"flag":true,"old":{}}}}';
    expect(decodeJsonState(attrs, Buffer.from(json))).toEqual({
      name: "prod",
      id: "abc",
      port: 5432,
      enabled: null,
      settings: { size: 3, label: null, inner: { flag: true } },
    });
  });

  test("big and precise numbers keep their precision and are written as cty writes them", () => {
    const state = decodeJsonState(attrs, '{"name":"n","port":9007199254740993,"settings":{"size":123456789012345678901234567890.5}}') as CodecObject;
    expect(state.port).toEqual(new PreciseNumber("9007199254740993"));
    expect((state.settings as CodecObject).size).toEqual(new PreciseNumber("123456789012345678901234567890.5"));
    const bytes = encodeValue(attrs, state);
    expect(hex(bytes)).toContain(hex(pack("port")) + "cf0020000000000001");
    expect(hex(bytes)).toContain(hex(pack("size")) + hex(pack("123456789012345678901234567890.5")));
    expect((decodeJsonState(attrs, '{"port":0.1}') as CodecObject).port).toEqual(new PreciseNumber("0.1"));
    expect((decodeJsonState(attrs, '{"port":1.5e2}') as CodecObject).port).toBe(150);
  });

  test("strings with escapes, and Terraform's lenient primitive conversions", () => {
    const state = decodeJsonState(attrs, '{"name":"a\\"b\\u00e9\\n","id":12,"enabled":"true","port":"8080"}') as CodecObject;
    expect(state).toMatchObject({ name: 'a"bé\n', id: "12", enabled: true, port: 8080 });
  });

  test("null state, wrong kinds and invalid JSON", () => {
    expect(decodeJsonState(attrs, "null")).toBeNull();
    expect(catchError(() => decodeJsonState(attrs, '{"enabled":"yes"}')).message).toBe("enabled: a bool is required (got string)");
    expect(catchError(() => decodeJsonState(attrs, '{"settings":[]}')).message).toBe("settings: an object is required (got array)");
    expect(catchError(() => decodeJsonState(attrs, '{"name":"x",}')).message).toMatch(/^the object: not valid JSON \(Invalid JSON at offset 12/);
    expect(catchError(() => decodeJsonState(attrs, "[1]")).message).toBe("the object: an object is required (got array)");
  });
});

function catchError(fn: () => unknown): Error {
  try {
    fn();
  } catch (err) {
    if (err instanceof Error) return err;
    throw err;
  }
  throw new Error("expected an error");
}
