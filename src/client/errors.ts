/**
 * Every error the API clients raise. Callers branch with `instanceof`, never on message text. Messages are one
 * sentence with the service, the call, the HTTP status and the server's own words; they never carry a secret:
 * the HTTP client redacts every secret it knows from a server's answer before any of it reaches a message.
 */

import { VaultbridgeError } from "../framework/vaultbridge-error";

export { VaultbridgeError };

export interface ApiErrorInit {
  readonly service: string;
  readonly method: string;
  readonly path: string;
  readonly status: number;
  /** The server's error class, e.g. `BadRequest`, `TokenError`. */
  readonly error?: string;
  /** The server's message; for 422 the issues joined into one line. */
  readonly serverMessage: string;
  readonly reqId?: string;
  readonly retryAfterMs?: number;
  /** What the user can do about it, appended after the server's words. */
  readonly advice?: string;
}

/** The API answered with an error status. */
export class ApiError extends VaultbridgeError {
  readonly service: string;
  readonly method: string;
  readonly path: string;
  readonly status: number;
  readonly error?: string;
  readonly serverMessage: string;
  readonly reqId?: string;

  constructor(init: ApiErrorInit, code = "VB_API_ERROR") {
    const msg = init.serverMessage ? `: ${init.serverMessage}` : "";
    const advice = init.advice ? `${/[.!?]$/.test(msg) ? "" : "."} ${init.advice}` : "";
    super(`${init.service} API answered ${init.status}${init.error ? ` ${init.error}` : ""} to ${init.method} ${init.path}${msg}${advice}`, code);
    this.service = init.service;
    this.method = init.method;
    this.path = init.path;
    this.status = init.status;
    this.error = init.error;
    this.serverMessage = init.serverMessage;
    this.reqId = init.reqId;
  }
}

/** 404: the object does not exist (refresh removes it from state; delete treats it as done). */
export class NotFoundError extends ApiError {
  constructor(init: ApiErrorInit) {
    super(init, "VB_NOT_FOUND");
  }
}

/** 401, or 403 — credentials missing, wrong, expired, or lacking permission. */
export class AuthError extends ApiError {
  constructor(init: ApiErrorInit) {
    super(init, "VB_AUTH");
  }
  /** Infisical answers an expired access token with 403 `TokenError`; a fresh login may cure it. */
  get isTokenProblem(): boolean {
    return this.status === 401 || this.error === "TokenError";
  }
}

/** 429 after every retry was spent. */
export class RateLimitError extends ApiError {
  readonly retryAfterMs?: number;
  constructor(init: ApiErrorInit) {
    super(init, "VB_RATE_LIMIT");
    this.retryAfterMs = init.retryAfterMs;
  }
}

/** 422 (Infisical) or 400 schema failures: the request was refused, nothing changed. */
export class ValidationError extends ApiError {
  constructor(init: ApiErrorInit) {
    super(init, "VB_VALIDATION");
  }
}

/** 409, or Infisical's 400 for a duplicate name. */
export class ConflictError extends ApiError {
  constructor(init: ApiErrorInit) {
    super(init, "VB_CONFLICT");
  }

  /** The same answer with advice for the user after the server's words. */
  withAdvice(advice: string): ConflictError {
    const { service, method, path, status, error, serverMessage, reqId } = this;
    return new ConflictError({ service, method, path, status, error, serverMessage, reqId, advice });
  }
}

/** 3xx: redirects are never followed (a redirected write would be re-sent blind, credentials and all). */
export class RedirectError extends ApiError {
  constructor(init: ApiErrorInit) {
    super(init, "VB_REDIRECT");
  }
}

/** 5xx after every retry was spent. For a write, the change may or may not have been committed. */
export class ServerError extends ApiError {
  constructor(init: ApiErrorInit) {
    super(init, "VB_SERVER");
  }
}

/** No usable answer: connection refused or reset, timeout. For a write, it may or may not have been committed. */
export class NetworkError extends VaultbridgeError {
  constructor(
    readonly service: string,
    readonly method: string,
    readonly path: string,
    cause: unknown,
    /** Says what happened in place of the cause's own words. */
    reason?: string,
  ) {
    super(`${service} API did not answer ${method} ${path}: ${reason ?? describeCause(cause)}`, "VB_NETWORK", { cause });
  }
}

/** The API answered 2xx with a body that does not match the documented shape. */
export class ResponseShapeError extends VaultbridgeError {
  constructor(service: string, method: string, path: string, detail: string) {
    super(`${service} API answered ${method} ${path} with an unexpected body: ${detail}`, "VB_RESPONSE_SHAPE");
  }
}

/**
 * True when a write may have been committed although no success answer arrived: no answer, a 5xx, a 429 or a
 * redirect (a proxy may answer those after the server committed), a 2xx whose body was unusable (certainly
 * committed), or an unexplained 4xx. Only refusals the server makes before touching anything say no: schema
 * validation (422), authentication (401/403), not found, a duplicate name, and a cancelled call.
 */
export function mayHaveCommitted(err: unknown): boolean {
  if (err instanceof ValidationError || err instanceof AuthError || err instanceof NotFoundError || err instanceof ConflictError) return false;
  if (err instanceof ApiError || err instanceof NetworkError || err instanceof ResponseShapeError) return true;
  return false;
}

/** True when trying the same write again may succeed (after a look-up found nothing). */
export function isTransientFailure(err: unknown): boolean {
  return err instanceof NetworkError || err instanceof ServerError || err instanceof RateLimitError || err instanceof ResponseShapeError;
}

function describeCause(cause: unknown): string {
  if (cause instanceof Error) {
    const code = (cause as { code?: unknown }).code;
    return typeof code === "string" ? `${cause.message} (${code})` : cause.message;
  }
  return String(cause);
}
