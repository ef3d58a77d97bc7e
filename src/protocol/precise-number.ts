/**
 * Numbers a JavaScript number cannot hold exactly. Terraform numbers are arbitrary-precision decimals (cty keeps
 * 512-bit floats): it sends an integer as a msgpack int up to 64 bits, and any number that is neither an int64 nor
 * exactly a float64 as a decimal string, e.g. `"0.1"` or a 30-digit id. Turning such a value into a double and
 * back changes it, and Terraform then rejects the plan ("does not match config value"). The codec therefore keeps
 * it as a `PreciseNumber` holding the decimal text, and writes it back the way cty would.
 */

/** A decimal as Terraform writes it: optional minus, digits, optional fraction, optional exponent. */
const DECIMAL = /^-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?$/;
const INT64_MIN = -(2n ** 63n);
const INT64_MAX = 2n ** 63n - 1n;

export class PreciseNumber {
  /** The decimal text, exactly as received (cty writes plain digits with an optional fraction). */
  readonly decimal: string;

  constructor(decimal: string) {
    if (!isDecimal(decimal)) throw new TypeError(`not a decimal number: ${JSON.stringify(decimal)}`);
    this.decimal = decimal;
  }

  static fromBigInt(value: bigint): PreciseNumber {
    return new PreciseNumber(value.toString());
  }

  /** True when the text is a whole number written with digits only (no fraction, no exponent). */
  get isInteger(): boolean {
    return /^-?\d+$/.test(this.decimal);
  }

  /** The value as a 64-bit msgpack integer when cty would send it as one; undefined otherwise. */
  toInt64(): bigint | undefined {
    if (!this.isInteger) return undefined;
    const n = BigInt(this.decimal);
    return n >= INT64_MIN && n <= INT64_MAX ? n : undefined;
  }

  /** The nearest JavaScript number: lossy, for display and comparisons only. */
  toNumber(): number {
    return Number(this.decimal);
  }

  toString(): string {
    return this.decimal;
  }
}

export function isDecimal(text: string): boolean {
  return DECIMAL.test(text);
}

/**
 * A decimal's value as a plain number when a double holds it exactly (and, for whole numbers, within
 * ±(2^53 − 1), where integer arithmetic stays exact); otherwise a `PreciseNumber`. The text must be a decimal
 * (`isDecimal`).
 */
export function numberFromDecimal(text: string): number | PreciseNumber {
  const exact = exactDouble(text);
  return exact === undefined ? new PreciseNumber(text) : exact;
}

/** A bigint as a plain number when it is a safe integer, otherwise a `PreciseNumber`. */
export function numberFromBigInt(value: bigint): number | PreciseNumber {
  const n = Number(value);
  return Number.isSafeInteger(n) ? n : PreciseNumber.fromBigInt(value);
}

/** The double equal to the decimal, when there is one (and it is not an unsafe integer). */
function exactDouble(text: string): number | undefined {
  const x = Number(text);
  if (!Number.isFinite(x)) return undefined;
  if (Number.isInteger(x) && !Number.isSafeInteger(x)) return undefined;
  const [coefficient, exponent10] = decimalParts(text);
  if (x === 0) return coefficient === 0n ? 0 : undefined;
  // x = m · 2^e exactly, with m an integer (doubling a non-integer double is exact and ends within 1074 steps).
  let m = x;
  let e = 0;
  while (!Number.isInteger(m)) {
    m *= 2;
    e--;
  }
  // Compare coefficient · 10^exponent10 with m · 2^e as fractions; |exponent10| is bounded because x is a finite non-zero double.
  let left = coefficient;
  let right = BigInt(m);
  if (exponent10 >= 0) left *= 10n ** BigInt(exponent10);
  else right *= 10n ** BigInt(-exponent10);
  left <<= BigInt(-e);
  return left === right ? x : undefined;
}

/** `"-12.50e3"` → [-1250n, 1]: the value is coefficient · 10^exponent. */
function decimalParts(text: string): [bigint, number] {
  const match = /^(-?)(\d+)(?:\.(\d+))?(?:[eE]([+-]?\d+))?$/.exec(text);
  if (!match) throw new TypeError(`not a decimal number: ${JSON.stringify(text)}`);
  const [, sign, whole, fraction = "", exponent = "0"] = match;
  const coefficient = BigInt(`${sign}${whole}${fraction}`);
  return [coefficient, Number(exponent) - fraction.length];
}
