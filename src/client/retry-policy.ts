/**
 * When and how long to retry, as data plus one decision function for undici's retry interceptor.
 *
 * - Idempotent calls (GET, PUT, PATCH with the same body, DELETE) are retried on 429, 502, 503, 504, connection
 *   resets and timeouts. A PATCH re-applies the same fields, so repeating it converges to the same object.
 * - POST is retried only when the server provably did nothing: a refused connection. Any other failure of a create
 *   (a 429 too: a proxy may answer it after the server committed) is left to the caller, which looks the object up
 *   by name before trying again (lost-response recovery).
 * - Waits grow exponentially with full jitter, honour `Retry-After`, and no retry starts that would end past the
 *   operation's deadline (one budget per operation: its login, its retries and its waits).
 */
import type { Dispatcher } from "undici";

export interface RetryOptions {
  /** Retries after the first attempt. */
  readonly maxRetries: number;
  /** First backoff step, before jitter. */
  readonly minDelayMs: number;
  /** Cap of one wait (also caps a server's Retry-After). */
  readonly maxDelayMs: number;
  /** Cap of one whole operation (its login, attempts and waits); no retry starts past it. */
  readonly budgetMs: number;
}

export const DEFAULT_RETRY: RetryOptions = { maxRetries: 6, minDelayMs: 200, maxDelayMs: 20_000, budgetMs: 120_000 };

export const RETRY_STATUS = [429, 502, 503, 504] as const;
export const RETRY_ERROR_CODES = [
  "ECONNRESET",
  "ECONNREFUSED",
  "EPIPE",
  "ETIMEDOUT",
  "UND_ERR_SOCKET",
  "UND_ERR_CONNECT_TIMEOUT",
  "UND_ERR_HEADERS_TIMEOUT",
  "UND_ERR_BODY_TIMEOUT",
] as const;

type RetryCallback = (err: Error | null) => void;
interface RetryErr extends Error {
  statusCode?: number;
  code?: string;
  headers?: Record<string, string | string[] | undefined>;
}

/**
 * Builds the per-call decision function; `deadline` is when the operation must be over (epoch ms), `signal`
 * cancels a wait. A POST that is safe to repeat (a login only hands out another token) says so with `idempotent`.
 */
export function retryDecision(method: Dispatcher.HttpMethod, options: RetryOptions, deadline: number, signal?: AbortSignal, idempotent = false) {
  const policyMethod = idempotent ? "PUT" : method;
  return (err: RetryErr, { state }: { state: { counter: number } }, cb: RetryCallback): void => {
    if (!shouldRetry(policyMethod, err) || state.counter > options.maxRetries || signal?.aborted) return cb(err);
    const delay = delayFor(state.counter, err, options);
    if (Date.now() + delay >= deadline) return cb(err);
    const timer = setTimeout(() => {
      signal?.removeEventListener("abort", onAbort);
      cb(null);
    }, delay);
    const onAbort = (): void => {
      clearTimeout(timer);
      cb(err);
    };
    signal?.addEventListener("abort", onAbort, { once: true });
  };
}

export function shouldRetry(method: string, err: RetryErr): boolean {
  const status = err.statusCode;
  if (status !== undefined && status !== 0 && err.code === "UND_ERR_REQ_RETRY") {
    if (method === "POST") return false;
    return (RETRY_STATUS as readonly number[]).includes(status);
  }
  if (!err.code) return false;
  if (method === "POST") return err.code === "ECONNREFUSED";
  return (RETRY_ERROR_CODES as readonly string[]).includes(err.code);
}

/** Exponential backoff with full jitter; a server's Retry-After wins when it asks for longer. */
export function delayFor(attempt: number, err: RetryErr, options: RetryOptions): number {
  const ceiling = Math.min(options.maxDelayMs, options.minDelayMs * 2 ** Math.max(0, attempt - 1));
  const jittered = Math.round(ceiling / 2 + Math.random() * (ceiling / 2));
  const asked = retryAfterMs(err.headers?.["retry-after"]);
  return asked === undefined ? jittered : Math.min(options.maxDelayMs, Math.max(asked, jittered));
}

/** `Retry-After` in seconds or as an HTTP date, in milliseconds. */
export function retryAfterMs(header: string | string[] | undefined): number | undefined {
  const value = Array.isArray(header) ? header[0] : header;
  if (!value) return undefined;
  const seconds = Number(value);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const at = Date.parse(value);
  return Number.isNaN(at) ? undefined : Math.max(0, at - Date.now());
}
