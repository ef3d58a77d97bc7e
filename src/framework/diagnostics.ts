/**
 * Diagnostics are values, collected rather than thrown: a severity, a short title-case summary, a detail written
 * for practitioners (why, and what is allowed), and optionally the attribute they concern.
 */
import { AttributePath } from "./path";

export type Severity = "error" | "warning";

export interface Diagnostic {
  readonly severity: Severity;
  readonly summary: string;
  readonly detail: string;
  readonly path?: AttributePath;
}

export class Diagnostics implements Iterable<Diagnostic> {
  private readonly items: Diagnostic[] = [];

  /** Appends, skipping exact duplicates (the same rule can be reached from two directions). */
  add(d: Diagnostic): this {
    const dup = this.items.some(
      (x) =>
        x.severity === d.severity &&
        x.summary === d.summary &&
        x.detail === d.detail &&
        String(x.path ?? "") === String(d.path ?? ""),
    );
    if (!dup) this.items.push(d);
    return this;
  }

  addAll(other: Iterable<Diagnostic>): this {
    for (const d of other) this.add(d);
    return this;
  }

  error(summary: string, detail: string, path?: AttributePath): this {
    return this.add({ severity: "error", summary, detail, path });
  }

  warning(summary: string, detail: string, path?: AttributePath): this {
    return this.add({ severity: "warning", summary, detail, path });
  }

  hasError(): boolean {
    return this.items.some((d) => d.severity === "error");
  }

  get errors(): Diagnostic[] {
    return this.items.filter((d) => d.severity === "error");
  }

  get length(): number {
    return this.items.length;
  }

  toArray(): Diagnostic[] {
    return [...this.items];
  }

  [Symbol.iterator](): Iterator<Diagnostic> {
    return this.items[Symbol.iterator]();
  }
}

/** One line per diagnostic, for logs and CLI output. */
export function formatDiagnostic(d: Diagnostic): string {
  const where = d.path && !d.path.isEmpty ? ` (at ${d.path})` : "";
  return `${d.severity === "error" ? "Error" : "Warning"}: ${d.summary}${where}: ${d.detail}`;
}
