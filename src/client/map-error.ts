/**
 * The one place where an error answer becomes an error class. Both APIs share the body shape
 * `{ statusCode, error, message }` (Infisical adds `reqId`, and sends 422 messages as an issue array).
 */
import { errorBody } from "../api/infisical";
import {
  ApiError,
  type ApiErrorInit,
  AuthError,
  ConflictError,
  NotFoundError,
  RateLimitError,
  ServerError,
  ValidationError,
} from "./errors";
import type { CallInfo } from "./http";
import { retryAfterMs } from "./retry-policy";

export function mapApiError(
  status: number,
  body: unknown,
  call: CallInfo,
  headers: Record<string, string | string[] | undefined>,
): ApiError {
  const parsed = errorBody.safeParse(body);
  const b = parsed.success ? parsed.data : undefined;
  const init: ApiErrorInit = {
    ...call,
    status,
    error: b?.error,
    serverMessage: shortened(messageOf(b?.message, typeof body === "string" ? body : "")),
    reqId: b?.reqId,
    retryAfterMs: retryAfterMs(headers["retry-after"]),
  };
  if (status === 404) return new NotFoundError(init);
  if (status === 401 || status === 403) return new AuthError(init);
  if (status === 429) return new RateLimitError(init);
  if (status === 422) return new ValidationError(init);
  if (status === 409 || (status === 400 && /already exists/i.test(init.serverMessage))) return new ConflictError(init);
  if (status >= 500) return new ServerError(init);
  return new ApiError(init);
}

/** A string message as is; an issue array as "path: message; path: message". */
function messageOf(message: unknown, fallback: string): string {
  if (typeof message === "string") return message;
  if (Array.isArray(message)) {
    return message
      .map((i: { path?: unknown[]; message?: string } | string) =>
        typeof i === "string" ? i : `${i.path && i.path.length ? `${i.path.join(".")}: ` : ""}${i.message ?? "invalid"}`,
      )
      .join("; ");
  }
  return fallback;
}

/** The longest server message quoted; a server that echoes a whole request must not flood the output. */
const MAX_MESSAGE = 1000;

/** One line, at most {@link MAX_MESSAGE} characters (the text was redacted before it got here). */
function shortened(message: string): string {
  const line = message.replace(/\s*\n\s*/g, " ");
  return line.length <= MAX_MESSAGE ? line : `${line.slice(0, MAX_MESSAGE)}… (${line.length - MAX_MESSAGE} more characters)`;
}
