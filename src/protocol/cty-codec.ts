/**
 * Terraform values (cty, in msgpack inside `DynamicValue`) to and from our plain values, driven by attribute
 * declarations. The wire rules (hashicorp/terraform docs/plugin-protocol/object-wire-format.md, and cty's own
 * encoder):
 * - null is msgpack nil; a null resource (prior state on create) is a bare nil;
 * - an object is a map with every attribute present; a missing key is read as null, an unknown key is an error;
 * - unknown is any msgpack extension. Type 12 carries refinements in a msgpack map: key 1 is *nullness*
 *   (`false` = definitely not null), key 2 a string prefix; the number and length bounds (3–6) and any future
 *   keys are ignored. We always write cty's plain unknown, fixext1 type 0 with one zero byte: `d4 00 00`;
 * - a number is an int, a float64 or, when neither holds it exactly, a decimal string. Values a JavaScript number
 *   cannot hold exactly become `PreciseNumber` and are written back as cty writes them: int64 when whole and in
 *   range, the decimal string otherwise. Object keys are written sorted, as cty does.
 */
import { Decoder, Encoder, ExtData, ExtensionCodec } from "@msgpack/msgpack";
import { AttributePath } from "../framework/path";
import type { Attribute, Attributes } from "../framework/schema";
import { type ObjectValue, type Refinements, UNKNOWN, Unknown } from "../framework/value";
import { CodecError } from "./codec-error";
import type { DynamicValue } from "./messages";
import { type JsonNode, parseJsonPrecise } from "./precise-json";
import { PreciseNumber, isDecimal, numberFromBigInt, numberFromDecimal } from "./precise-number";

// ---------------------------------------------------------------------------------------------- types

/** A cty type in its JSON form, as far as our declarations go. */
export type CtyType = "string" | "number" | "bool" | readonly ["object", { readonly [name: string]: CtyType }] | readonly ["list", CtyType];

/**
 * The framework's `Value` plus `PreciseNumber`. Until framework/value.ts admits `PreciseNumber`, decoded values
 * pass `toFrameworkValue` on their way in (it refuses, with the attribute path, any number it would round).
 */
export type CodecValue = null | Unknown | string | number | boolean | PreciseNumber | readonly CodecValue[] | CodecObject;
export interface CodecObject {
  readonly [name: string]: CodecValue;
}
/** What a resource's or the provider's `DynamicValue` holds. */
export type CodecRoot = CodecObject | null | Unknown;

/** The cty type of an object with these attributes, e.g. `["object",{"name":"string","port":"number"}]`. */
export function ctyTypeOf(attributes: Attributes): CtyType {
  const types: Record<string, CtyType> = {};
  for (const name of Object.keys(attributes).sort()) types[name] = ctyTypeOfAttribute(attributes[name]);
  return ["object", types];
}

export function ctyTypeOfAttribute(a: Attribute): CtyType {
  if (a.kind === "list") return ["list", ctyTypeOf(a.attributes)];
  return a.kind === "nested" ? ctyTypeOf(a.attributes) : a.kind;
}

/** `Schema.Attribute.type`: the JSON of the attribute's cty type, e.g. `"string"` with the quotes. */
export function schemaAttributeTypeBytes(a: Attribute): Buffer {
  return Buffer.from(JSON.stringify(ctyTypeOfAttribute(a)), "utf8");
}

// ---------------------------------------------------------------------------------------------- msgpack

/** cty's plain unknown: fixext1, type 0, one zero byte (`d4 00 00`). */
const UNKNOWN_EXT = new ExtData(0, new Uint8Array([0]));
const REFINED_UNKNOWN_TYPE = 12;

let msgpack: { encoder: Encoder<undefined>; decoder: Decoder<undefined> } | undefined;

function codec(): { encoder: Encoder<undefined>; decoder: Decoder<undefined> } {
  if (!msgpack) {
    // Every extension type means "unknown" in this protocol: keep the library's timestamp (-1) as raw ExtData too.
    const extensionCodec = new ExtensionCodec();
    extensionCodec.register({ type: -1, encode: () => null, decode: (data, type) => new ExtData(type, data) });
    msgpack = {
      encoder: new Encoder({ extensionCodec, useBigInt64: true }),
      decoder: new Decoder({ extensionCodec, useBigInt64: true }),
    };
  }
  return msgpack;
}

/** Decodes `DynamicValue.msgpack` bytes into an object of these attributes, null, or unknown. */
export function decodeValue(attributes: Attributes, bytes: Uint8Array): CodecRoot {
  let raw: unknown;
  try {
    raw = codec().decoder.decode(bytes);
  } catch (err) {
    throw new CodecError(AttributePath.empty, `not a valid msgpack value (${err instanceof Error ? err.message : String(err)})`, { cause: err });
  }
  return decodeObject(attributes, raw, AttributePath.empty);
}

/** Encodes an object of these attributes (every attribute written, nil where absent), null, or unknown. */
export function encodeValue(attributes: Attributes, value: CodecRoot | ObjectValue): Buffer {
  const raw = encodeObject(attributes, value, AttributePath.empty);
  const bytes = codec().encoder.encode(raw);
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

/**
 * A `DynamicValue` from Terraform: msgpack when set, otherwise JSON (same rules, no unknowns), otherwise
 * (nothing set, e.g. an absent provider_meta) null.
 */
export function decodeDynamicValue(attributes: Attributes, value: DynamicValue | undefined): CodecRoot {
  if (value?.msgpack && value.msgpack.length > 0) return decodeValue(attributes, value.msgpack);
  if (value?.json && value.json.length > 0) return decodeJson(attributes, value.json, { dropUnknownKeys: false });
  return null;
}

export function encodeDynamicValue(attributes: Attributes, value: CodecRoot | ObjectValue): DynamicValue {
  return { msgpack: encodeValue(attributes, value) };
}

// The walks below run for every attribute of every value of a bulk plan (four RPCs per instance): an attribute's
// path is made only when it is needed (an error, or a nested object's own walk), never per leaf.

function decodeObject(attributes: Attributes, raw: unknown, path: AttributePath): CodecObject | null | Unknown {
  if (raw === null) return null;
  if (raw instanceof ExtData) return unknownFrom(raw, undefined);
  if (!isPlainMap(raw)) throw new CodecError(path, `an object is required (got ${wireKind(raw)})`);
  for (const key in raw) {
    if (hasOwn(raw, key) && !hasOwn(attributes, key)) throw new CodecError(path.atName(key), `unsupported attribute "${key}": the schema has no such attribute`);
  }
  const out: Record<string, CodecValue> = {};
  for (const name of namesOf(attributes)) {
    out[name] = hasOwn(raw, name) ? decodeAttribute(attributes[name], raw[name], path, name) : null;
  }
  return out;
}

function decodeAttribute(a: Attribute, raw: unknown, parent: AttributePath, name: string): CodecValue {
  if (raw === null) return null;
  if (raw instanceof ExtData) return unknownFrom(raw, a.kind);
  switch (a.kind) {
    case "string":
      if (typeof raw === "string") return raw;
      throw new CodecError(parent.atName(name), `a string is required (got ${wireKind(raw)})`);
    case "bool":
      if (typeof raw === "boolean") return raw;
      throw new CodecError(parent.atName(name), `a bool is required (got ${wireKind(raw)})`);
    case "number":
      return decodeNumber(raw, parent, name);
    case "nested":
      return decodeObject(a.attributes, raw, parent.atName(name));
    case "list": {
      const path = parent.atName(name);
      if (!Array.isArray(raw)) throw new CodecError(path, `a list is required (got ${wireKind(raw)})`);
      return raw.map((item: unknown, i) => decodeObject(a.attributes, item, path.atListIndex(i)));
    }
  }
}

function decodeNumber(raw: unknown, parent: AttributePath, name: string): number | PreciseNumber {
  if (typeof raw === "number" && !Number.isNaN(raw)) return raw;
  if (typeof raw === "bigint") return numberFromBigInt(raw);
  if (typeof raw === "string" && isDecimal(raw)) return numberFromDecimal(raw);
  throw new CodecError(parent.atName(name), `a number is required (got ${typeof raw === "string" ? "a string that is not a decimal number" : wireKind(raw)})`);
}

/** Any extension is an unknown; type 12 may refine it (refinements that do not apply are dropped). */
function unknownFrom(ext: ExtData, kind: Attribute["kind"] | undefined): Unknown {
  if (ext.type !== REFINED_UNKNOWN_TYPE || typeof ext.data === "function") return UNKNOWN;
  let payload: unknown;
  try {
    payload = codec().decoder.decode(ext.data);
  } catch {
    return UNKNOWN; // refinements are optional information: a payload we cannot read is a plain unknown
  }
  if (!isPlainMap(payload)) return UNKNOWN;
  const refinements: { notNull?: boolean; stringPrefix?: string } = {};
  // Key 1 is nullness: false means "definitely not null" (true, "definitely null", is never sent in practice).
  if (payload["1"] === false) refinements.notNull = true;
  const prefix = payload["2"];
  if (kind === "string" && typeof prefix === "string" && prefix !== "") refinements.stringPrefix = prefix;
  return Object.keys(refinements).length === 0 ? UNKNOWN : new Unknown(refinements satisfies Refinements);
}

function encodeObject(attributes: Attributes, value: CodecValue | undefined, path: AttributePath): unknown {
  if (value === null || value === undefined) return null;
  if (value instanceof Unknown) return UNKNOWN_EXT;
  if (!isCodecObject(value)) throw new CodecError(path, `an object is required (got ${valueKind(value)})`);
  for (const key in value) {
    if (hasOwn(value, key) && !hasOwn(attributes, key)) throw new CodecError(path.atName(key), `unsupported attribute "${key}": the schema has no such attribute`);
  }
  const out: Record<string, unknown> = {};
  for (const name of sortedNamesOf(attributes)) {
    out[name] = encodeAttribute(attributes[name], hasOwn(value, name) ? value[name] : null, path, name);
  }
  return out;
}

function encodeAttribute(a: Attribute, value: CodecValue | undefined, parent: AttributePath, name: string): unknown {
  if (value === null || value === undefined) return null;
  if (value instanceof Unknown) return UNKNOWN_EXT;
  switch (a.kind) {
    case "string":
      if (typeof value === "string") return value;
      throw new CodecError(parent.atName(name), `a string is required (got ${valueKind(value)})`);
    case "bool":
      if (typeof value === "boolean") return value;
      throw new CodecError(parent.atName(name), `a bool is required (got ${valueKind(value)})`);
    case "number":
      if (typeof value === "number") return encodeNumber(value, parent, name);
      if (value instanceof PreciseNumber) return value.toInt64() ?? value.decimal;
      throw new CodecError(parent.atName(name), `a number is required (got ${valueKind(value)})`);
    case "nested":
      return encodeObject(a.attributes, value, parent.atName(name));
    case "list": {
      const path = parent.atName(name);
      if (!Array.isArray(value)) throw new CodecError(path, `a list is required (got ${valueKind(value)})`);
      return value.map((item: CodecValue, i) => encodeObject(a.attributes, item, path.atListIndex(i)));
    }
  }
}

/** Safe integers as msgpack ints (64-bit ones through bigint, so they stay ints); anything else as float64. */
function encodeNumber(n: number, parent: AttributePath, name: string): number | bigint {
  if (Number.isNaN(n)) throw new CodecError(parent.atName(name), "NaN is not a Terraform number");
  if (Number.isSafeInteger(n) && (n >= 2 ** 32 || n < -(2 ** 31))) return BigInt(n);
  return n;
}

// ---------------------------------------------------------------------------------------------- JSON state

/**
 * `UpgradeResourceState` raw_state.json (the stored state, possibly from an older schema) as an object of the
 * current attributes: keys the declaration no longer has are dropped, new attributes are added as null, numbers
 * keep their precision. Like Terraform's own JSON decoding, a string attribute accepts a stored number or bool
 * (as text), a number attribute a decimal string, a bool attribute "true"/"false".
 */
export function decodeJsonState(attributes: Attributes, json: Uint8Array | string): CodecObject | null {
  return decodeJson(attributes, json, { dropUnknownKeys: true });
}

/** JSON has no unknowns: the result is an object or null. */
function decodeJson(attributes: Attributes, json: Uint8Array | string, options: JsonOptions): CodecObject | null {
  const text = typeof json === "string" ? json : Buffer.from(json.buffer, json.byteOffset, json.byteLength).toString("utf8");
  let node: JsonNode;
  try {
    node = parseJsonPrecise(text);
  } catch (err) {
    throw new CodecError(AttributePath.empty, `not valid JSON (${err instanceof Error ? err.message : String(err)})`, { cause: err });
  }
  return jsonObject(attributes, node, AttributePath.empty, options);
}

interface JsonOptions {
  /** State upgrade: attributes removed from the schema are dropped. Otherwise they are an error. */
  readonly dropUnknownKeys: boolean;
}

function jsonObject(attributes: Attributes, node: JsonNode, path: AttributePath, options: JsonOptions): CodecObject | null {
  if (node === null) return null;
  if (!(node instanceof Map)) throw new CodecError(path, `an object is required (got ${jsonKind(node)})`);
  if (!options.dropUnknownKeys) {
    for (const key of node.keys()) {
      if (!hasOwn(attributes, key)) throw new CodecError(path.atName(key), `unsupported attribute "${key}": the schema has no such attribute`);
    }
  }
  const out: Record<string, CodecValue> = {};
  for (const name of namesOf(attributes)) {
    const child = node.get(name);
    out[name] = child === undefined ? null : jsonAttribute(attributes[name], child, path.atName(name), options);
  }
  return out;
}

function jsonAttribute(a: Attribute, node: JsonNode, path: AttributePath, options: JsonOptions): CodecValue {
  if (node === null) return null;
  switch (a.kind) {
    case "string":
      if (typeof node === "string") return node;
      if (typeof node === "number" || typeof node === "boolean") return String(node);
      if (node instanceof PreciseNumber) return node.decimal;
      throw new CodecError(path, `a string is required (got ${jsonKind(node)})`);
    case "number":
      if (typeof node === "number" || node instanceof PreciseNumber) return node;
      if (typeof node === "string" && isDecimal(node)) return numberFromDecimal(node);
      throw new CodecError(path, `a number is required (got ${jsonKind(node)})`);
    case "bool":
      if (typeof node === "boolean") return node;
      if (node === "true" || node === "false") return node === "true";
      throw new CodecError(path, `a bool is required (got ${jsonKind(node)})`);
    case "nested":
      return jsonObject(a.attributes, node, path, options);
    case "list":
      if (!Array.isArray(node)) throw new CodecError(path, `a list is required (got ${jsonKind(node)})`);
      return node.map((item, i) => jsonObject(a.attributes, item, path.atListIndex(i), options));
  }
}

// ---------------------------------------------------------------------------------------------- framework bridge

/**
 * The decoded value typed as the framework's `Value`, after checking it holds no `PreciseNumber` (framework
 * values are plain numbers today). Throws `CodecError` at the first number a double cannot hold exactly, so a
 * big or over-precise number is refused with its attribute path rather than silently rounded.
 */
export function toFrameworkValue(value: CodecRoot): ObjectValue | null | Unknown {
  const at = preciseNumberAt(value);
  if (at !== null) {
    const path = at.reduce((p: AttributePath, step) => (typeof step === "number" ? p.atListIndex(step) : p.atName(step)), AttributePath.empty);
    // Not quoted: configuration reaches a provider without sensitivity marks, so the number may be a secret.
    throw new CodecError(path, `the number is too big or too precise to be held exactly by a JavaScript number`);
  }
  return value as ObjectValue | null | Unknown; // checked above: CodecValue without PreciseNumber is Value
}

/** The steps to the first `PreciseNumber` in `value`, or null: nothing is allocated while none is found. */
function preciseNumberAt(value: CodecValue): Array<string | number> | null {
  if (value instanceof PreciseNumber) return [];
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const at = preciseNumberAt(value[i] as CodecValue);
      if (at !== null) return [i, ...at];
    }
  } else if (isCodecObject(value)) {
    for (const k in value) {
      if (!hasOwn(value, k)) continue;
      const at = preciseNumberAt(value[k]);
      if (at !== null) return [k, ...at];
    }
  }
  return null;
}

// ---------------------------------------------------------------------------------------------- helpers

const names = new WeakMap<Attributes, readonly string[]>();
const sortedNames = new WeakMap<Attributes, readonly string[]>();

/** The attribute names of a declaration, listed once per declaration (declarations never change). */
function namesOf(attributes: Attributes): readonly string[] {
  let n = names.get(attributes);
  if (n === undefined) names.set(attributes, (n = Object.keys(attributes)));
  return n;
}

/** Sorted, as cty writes object keys. */
function sortedNamesOf(attributes: Attributes): readonly string[] {
  let n = sortedNames.get(attributes);
  if (n === undefined) sortedNames.set(attributes, (n = [...namesOf(attributes)].sort()));
  return n;
}

function hasOwn(obj: object, key: string): boolean {
  return Object.prototype.hasOwnProperty.call(obj, key);
}

/** A decoded msgpack map (the library decodes maps to plain objects). */
function isPlainMap(raw: unknown): raw is Record<string, unknown> {
  return typeof raw === "object" && raw !== null && !Array.isArray(raw) && !(raw instanceof ExtData) && !ArrayBuffer.isView(raw);
}

function isCodecObject(v: CodecValue | undefined): v is CodecObject {
  return typeof v === "object" && v !== null && !Array.isArray(v) && !(v instanceof Unknown) && !(v instanceof PreciseNumber);
}

/** The msgpack kind of a decoded value, for messages (never the value: it may be a secret). */
function wireKind(raw: unknown): string {
  if (raw === null) return "nil";
  if (typeof raw === "boolean") return "bool";
  if (typeof raw === "number" || typeof raw === "bigint") return "number";
  if (typeof raw === "string") return "string";
  if (Array.isArray(raw)) return "array";
  if (ArrayBuffer.isView(raw)) return "binary";
  return "map";
}

function valueKind(v: CodecValue): string {
  if (typeof v === "boolean") return "bool";
  if (typeof v === "number" || v instanceof PreciseNumber) return "number";
  if (typeof v === "string") return "string";
  if (Array.isArray(v)) return "list";
  return "object";
}

function jsonKind(node: JsonNode): string {
  if (node instanceof Map) return "object";
  if (Array.isArray(node)) return "array";
  if (node instanceof PreciseNumber) return "number";
  if (typeof node === "boolean") return "bool";
  return typeof node;
}
