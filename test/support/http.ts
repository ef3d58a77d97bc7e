/** A plain JSON-over-HTTP call with undici's `request`: no client library in between, so tests see the raw API. */
import { request } from "undici";

export interface HttpResult {
  readonly status: number;
  readonly headers: Readonly<Record<string, string | string[] | undefined>>;
  /** Parsed JSON, or undefined for an empty body. */
  readonly body: unknown;
  /** The raw body text (for asserting what must never appear in it). */
  readonly text: string;
}

export interface CallOptions {
  readonly body?: unknown;
  readonly bearer?: string;
  readonly headers?: Readonly<Record<string, string>>;
  /** Send this exact text as the body instead of JSON-encoding `body`. */
  readonly rawBody?: string;
}

export async function call(
  baseUrl: string,
  method: string,
  path: string,
  options: CallOptions = {},
): Promise<HttpResult> {
  const headers: Record<string, string> = { ...options.headers };
  if (options.bearer !== undefined) headers.authorization = `Bearer ${options.bearer}`;
  let payload: string | undefined = options.rawBody;
  if (payload === undefined && options.body !== undefined) payload = JSON.stringify(options.body);
  if (payload !== undefined) headers["content-type"] = "application/json";
  const res = await request(`${baseUrl}${path}`, { method: method as "GET", headers, body: payload });
  const text = await res.body.text();
  return {
    status: res.statusCode,
    headers: res.headers,
    body: text === "" ? undefined : (JSON.parse(text) as unknown),
    text,
  };
}

/** A nested field of a JSON body, for the ids and hashes tests carry from one call to the next. */
export function pick(body: unknown, ...path: readonly (string | number)[]): unknown {
  let current: unknown = body;
  for (const key of path) {
    if (typeof current !== "object" || current === null) return undefined;
    current = (current as Record<string | number, unknown>)[key];
  }
  return current;
}

export function pickString(body: unknown, ...path: readonly (string | number)[]): string {
  const value = pick(body, ...path);
  if (typeof value !== "string")
    throw new Error(`expected a string at ${path.join(".")}, got ${JSON.stringify(value)}`);
  return value;
}
