/**
 * A JSON parser that keeps every number exact. `JSON.parse` rounds `9007199254740993` to a double, and Node 20's
 * reviver cannot see the source text, so Terraform's stored state (`raw_state.json`, which writes numbers as
 * cty's exact decimals) is read with this small recursive-descent parser instead. Numbers become plain numbers
 * when a double holds them exactly, `PreciseNumber` otherwise; objects become `Map`s (no prototype keys to trip
 * over); string escapes are decoded by `JSON.parse` itself.
 */
import { type PreciseNumber, numberFromDecimal } from "./precise-number";

export type JsonNode = null | boolean | string | number | PreciseNumber | JsonNode[] | Map<string, JsonNode>;

/** Deeper input than this is refused rather than risking the call stack (real state is a few levels deep). */
const MAX_DEPTH = 256;

const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
const STRING = /"(?:[^"\\\u0000-\u001f]|\\(?:["\\/bfnrt]|u[0-9a-fA-F]{4}))*"/y;

/** Parses JSON text; throws `SyntaxError` with the offset of the first problem. */
export function parseJsonPrecise(text: string): JsonNode {
  const parser = new Parser(text);
  const value = parser.value(0);
  parser.skipWhitespace();
  if (parser.pos !== text.length) parser.fail("unexpected text after the JSON value");
  return value;
}

class Parser {
  pos = 0;

  constructor(private readonly text: string) {}

  value(depth: number): JsonNode {
    if (depth > MAX_DEPTH) this.fail(`nested deeper than ${MAX_DEPTH} levels`);
    this.skipWhitespace();
    const c = this.text[this.pos];
    switch (c) {
      case "{":
        return this.object(depth);
      case "[":
        return this.array(depth);
      case '"':
        return this.string();
      case "t":
        return this.literal("true", true);
      case "f":
        return this.literal("false", false);
      case "n":
        return this.literal("null", null);
      default:
        if (c === "-" || (c !== undefined && c >= "0" && c <= "9")) return this.number();
        return this.fail(c === undefined ? "unexpected end of input" : `unexpected character ${JSON.stringify(c)}`);
    }
  }

  // Terraform sends every stored instance through here once per plan: the scanning below allocates nothing but
  // the values it returns (a regex match array per token was most of the garbage of a bulk refresh).
  skipWhitespace(): void {
    const t = this.text;
    let p = this.pos;
    for (let c = t.charCodeAt(p); c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d; c = t.charCodeAt(++p));
    this.pos = p;
  }

  fail(message: string): never {
    throw new SyntaxError(`Invalid JSON at offset ${this.pos}: ${message}`);
  }

  private object(depth: number): Map<string, JsonNode> {
    const out = new Map<string, JsonNode>();
    this.pos++; // {
    this.skipWhitespace();
    if (this.text[this.pos] === "}") {
      this.pos++;
      return out;
    }
    for (;;) {
      this.skipWhitespace();
      if (this.text[this.pos] !== '"') this.fail("expected a property name");
      const key = this.string();
      this.skipWhitespace();
      if (this.text[this.pos] !== ":") this.fail('expected ":"');
      this.pos++;
      out.set(key, this.value(depth + 1));
      this.skipWhitespace();
      const c = this.text[this.pos++];
      if (c === "}") return out;
      if (c !== ",") {
        this.pos--;
        this.fail('expected "," or "}"');
      }
    }
  }

  private array(depth: number): JsonNode[] {
    const out: JsonNode[] = [];
    this.pos++; // [
    this.skipWhitespace();
    if (this.text[this.pos] === "]") {
      this.pos++;
      return out;
    }
    for (;;) {
      out.push(this.value(depth + 1));
      this.skipWhitespace();
      const c = this.text[this.pos++];
      if (c === "]") return out;
      if (c !== ",") {
        this.pos--;
        this.fail('expected "," or "]"');
      }
    }
  }

  private string(): string {
    // Without escapes the text between the quotes is the string; with any, JSON.parse decodes them.
    const t = this.text;
    const start = this.pos + 1;
    for (let p = start; p < t.length; p++) {
      const c = t.charCodeAt(p);
      if (c === 0x22) {
        this.pos = p + 1;
        return t.slice(start, p);
      }
      if (c === 0x5c || c < 0x20) break;
    }
    STRING.lastIndex = this.pos;
    if (!STRING.test(t)) return this.fail("invalid string");
    const end = STRING.lastIndex;
    const text = t.slice(this.pos, end);
    this.pos = end;
    return JSON.parse(text) as string;
  }

  private number(): number | PreciseNumber {
    NUMBER.lastIndex = this.pos;
    if (!NUMBER.test(this.text)) return this.fail("invalid number");
    const text = this.text.slice(this.pos, NUMBER.lastIndex);
    this.pos = NUMBER.lastIndex;
    return numberFromDecimal(text);
  }

  private literal<T extends JsonNode>(word: string, value: T): T {
    if (!this.text.startsWith(word, this.pos)) this.fail(`expected ${word}`);
    this.pos += word.length;
    return value;
  }
}
