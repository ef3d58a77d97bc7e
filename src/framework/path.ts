/**
 * An immutable attribute path, e.g. `credentials.password` or `rotation.rotate_at_utc.hours`.
 * Every builder returns a new path; `toString` is for people only.
 */
export type PathStep =
  | { readonly kind: "attribute"; readonly name: string }
  | { readonly kind: "key"; readonly key: string }
  | { readonly kind: "index"; readonly index: number };

export class AttributePath {
  private constructor(readonly steps: readonly PathStep[]) {}

  static readonly empty = new AttributePath([]);

  static root(name: string): AttributePath {
    return new AttributePath([{ kind: "attribute", name }]);
  }

  /** A path from plain names, e.g. `AttributePath.of("credentials", "password")`. */
  static of(...names: string[]): AttributePath {
    return new AttributePath(names.map((name) => ({ kind: "attribute", name })));
  }

  atName(name: string): AttributePath {
    return new AttributePath([...this.steps, { kind: "attribute", name }]);
  }
  atMapKey(key: string): AttributePath {
    return new AttributePath([...this.steps, { kind: "key", key }]);
  }
  atListIndex(index: number): AttributePath {
    return new AttributePath([...this.steps, { kind: "index", index }]);
  }

  get isEmpty(): boolean {
    return this.steps.length === 0;
  }

  /** True when `this` equals `other` or lies inside it. */
  isWithin(other: AttributePath): boolean {
    if (other.steps.length > this.steps.length) return false;
    return other.steps.every((s, i) => stepEquals(s, this.steps[i]));
  }

  equals(other: AttributePath): boolean {
    return this.steps.length === other.steps.length && this.isWithin(other);
  }

  toString(): string {
    return this.steps
      .map((s, i) => (s.kind === "attribute" ? (i === 0 ? s.name : `.${s.name}`) : s.kind === "key" ? `["${s.key}"]` : `[${s.index}]`))
      .join("");
  }
}

function stepEquals(a: PathStep, b: PathStep): boolean {
  if (a.kind === "attribute" && b.kind === "attribute") return a.name === b.name;
  if (a.kind === "key" && b.kind === "key") return a.key === b.key;
  if (a.kind === "index" && b.kind === "index") return a.index === b.index;
  return false;
}
