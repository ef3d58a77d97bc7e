/**
 * The log of API requests served (control routes excluded). An entry holds the method, path, query, status and
 * timing only: never a header or a body, so no secret can reach it.
 */

export type FaultKind = "status" | "drop-before" | "drop-after" | "fail-after-commit";

export interface RequestLogEntry {
  readonly method: string;
  /** The path without its query string. */
  readonly path: string;
  readonly query: Readonly<Record<string, string>>;
  /** What the client got; null when the connection was dropped without an answer. */
  readonly status: number | null;
  /** ISO time the request arrived. */
  readonly time: string;
  readonly durationMs: number;
  readonly api: "infisical" | "scrapengine";
  /** Set when a fault rule changed the outcome. */
  readonly fault?: FaultKind;
}

const MAX_ENTRIES = 10_000;

export class RequestLog {
  private list: RequestLogEntry[] = [];

  add(entry: RequestLogEntry): void {
    this.list.push(entry);
    if (this.list.length > MAX_ENTRIES) this.list.splice(0, this.list.length - MAX_ENTRIES);
  }

  entries(): readonly RequestLogEntry[] {
    return this.list;
  }

  clear(): void {
    this.list = [];
  }
}
