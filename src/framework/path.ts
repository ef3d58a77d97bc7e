/**
 * An immutable attribute path, e.g. `credentials.password` or `rotation.rotate_at_utc.hours`.
 * Every builder returns a new path; `toString` is for people only.
 */
export type PathStep =
  | { readonly kind: "attribute"; readonly name: string }
  | { readonly kind: "key"; readonly key: string }
  | { readonly kind: "index"; readonly index: number };

export class AttributePath {
  /**
   * A path is its parent plus one step: the codec and the validators make one per attribute of every value they
   * walk (thousands per second in a bulk plan) and almost never read it, so a step costs one object, not a copy
   * of every step before it. `steps` is built when read (diagnostics, rarely).
   */
  private constructor(
    private readonly parent: AttributePath | null,
    private readonly step: PathStep | null,
    private readonly depth: number,
  ) {}

  static readonly empty = new AttributePath(null, null, 0);

  static root(name: string): AttributePath {
    return AttributePath.empty.atName(name);
  }

  /** A path from plain names, e.g. `AttributePath.of("credentials", "password")`. */
  static of(...names: string[]): AttributePath {
    return names.reduce((p, name) => p.atName(name), AttributePath.empty);
  }

  get steps(): readonly PathStep[] {
    const steps = new Array<PathStep>(this.depth);
    for (let p: AttributePath = this, i = this.depth - 1; p.step !== null && p.parent !== null; p = p.parent, i--) steps[i] = p.step;
    return steps;
  }

  atName(name: string): AttributePath {
    return new AttributePath(this, { kind: "attribute", name }, this.depth + 1);
  }
  atMapKey(key: string): AttributePath {
    return new AttributePath(this, { kind: "key", key }, this.depth + 1);
  }
  atListIndex(index: number): AttributePath {
    return new AttributePath(this, { kind: "index", index }, this.depth + 1);
  }

  get isEmpty(): boolean {
    return this.depth === 0;
  }

  /** True when `this` equals `other` or lies inside it. */
  isWithin(other: AttributePath): boolean {
    let p: AttributePath = this;
    while (p.depth > other.depth && p.parent !== null) p = p.parent;
    return p.sameAs(other);
  }

  equals(other: AttributePath): boolean {
    return this.depth === other.depth && this.sameAs(other);
  }

  /** Same depth assumed: every step pairwise equal. */
  private sameAs(other: AttributePath): boolean {
    for (let a: AttributePath | null = this, b: AttributePath | null = other; a !== null && b !== null; a = a.parent, b = b.parent) {
      if (a === b) return true;
      if (a.depth !== b.depth) return false;
      if (a.step !== null && b.step !== null && !stepEquals(a.step, b.step)) return false;
    }
    return true;
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
