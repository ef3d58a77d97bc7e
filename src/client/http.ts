/**
 * One HTTP client per API: keep-alive pooling (undici Agent), the retry interceptor with our policy, per-attempt
 * timeouts, JSON in and out, every response checked with zod, every error status mapped to one error class.
 * Authentication is layered on top by each API's client; this module knows no credentials.
 */
import { Agent, type Dispatcher, interceptors, request } from "undici";
import type { z } from "zod";
import { type Logger, silentLogger } from "../framework/resource";
import { ApiError, NetworkError, ResponseShapeError, VaultbridgeError } from "./errors";
import { DEFAULT_RETRY, type RetryOptions, RETRY_ERROR_CODES, RETRY_STATUS, retryDecision } from "./retry-policy";

export interface HttpClientOptions {
  /** Human name used in messages: "Infisical", "ScrapEngine". */
  readonly service: string;
  /** Scheme, host and optional path prefix, e.g. `https://app.infisical.com`. */
  readonly baseUrl: string;
  /** Per-attempt timeout for the response headers and body. */
  readonly timeoutMs?: number;
  readonly retry?: Partial<RetryOptions>;
  readonly log?: Logger;
  /** Turns an error answer into an error object; each API words its errors its own way. */
  readonly mapError: (status: number, body: unknown, call: CallInfo, headers: Record<string, string | string[] | undefined>) => ApiError;
  /** Replaces the pooled agent (tests, proxies). TLS verification stays on unless this says otherwise. */
  readonly dispatcher?: Dispatcher;
}

export interface CallInfo {
  readonly service: string;
  readonly method: string;
  readonly path: string;
}

export interface RequestSpec<T> {
  readonly method: Dispatcher.HttpMethod;
  /** Path below the base URL, already encoded (use `encodeURIComponent` for ids and names). */
  readonly path: string;
  readonly query?: Readonly<Record<string, string | undefined>>;
  readonly body?: unknown;
  readonly headers?: Readonly<Record<string, string>>;
  /** Schema of a 2xx body; null when the body is ignored (e.g. 204). */
  readonly schema: z.ZodType<T> | null;
  readonly signal?: AbortSignal;
  /** A POST that may be repeated safely (retried like a PUT). */
  readonly idempotent?: boolean;
}

export class HttpClient {
  private readonly dispatcher: Dispatcher;
  private readonly retry: RetryOptions;
  private readonly base: URL;
  private readonly log: Logger;

  constructor(private readonly options: HttpClientOptions) {
    this.base = new URL(options.baseUrl.endsWith("/") ? options.baseUrl : `${options.baseUrl}/`);
    this.retry = { ...DEFAULT_RETRY, ...options.retry };
    this.log = options.log ?? silentLogger;
    const agent =
      options.dispatcher ??
      new Agent({ keepAliveTimeout: 10_000, keepAliveMaxTimeout: 60_000, connections: 16, pipelining: 1 });
    this.dispatcher = agent.compose(
      interceptors.retry({
        throwOnError: false,
        maxRetries: this.retry.maxRetries,
        statusCodes: [...RETRY_STATUS],
        errorCodes: [...RETRY_ERROR_CODES],
      }),
    );
  }

  get service(): string {
    return this.options.service;
  }

  async request<T>(spec: RequestSpec<T>): Promise<T> {
    const url = new URL(spec.path.replace(/^\//, ""), this.base);
    for (const [k, v] of Object.entries(spec.query ?? {})) if (v !== undefined) url.searchParams.set(k, v);
    const call: CallInfo = { service: this.options.service, method: spec.method, path: url.pathname };
    const started = Date.now();
    const timeout = this.options.timeoutMs ?? 30_000;

    let res: Dispatcher.ResponseData<unknown>;
    try {
      const opts: Parameters<typeof request>[1] & { retryOptions: object } = {
        method: spec.method,
        dispatcher: this.dispatcher,
        headers: {
          accept: "application/json",
          ...(spec.body !== undefined ? { "content-type": "application/json" } : {}),
          ...spec.headers,
        },
        body: spec.body !== undefined ? JSON.stringify(spec.body) : undefined,
        signal: spec.signal,
        headersTimeout: timeout,
        bodyTimeout: timeout,
        retryOptions: { retry: retryDecision(spec.method, this.retry, started, spec.signal, spec.idempotent) },
      };
      res = await request(url, opts);
    } catch (err) {
      if (spec.signal?.aborted) throw new VaultbridgeError(`${call.service} API call ${call.method} ${call.path} was cancelled`, "VB_CANCELLED", { cause: err });
      this.log.debug(`${call.method} ${call.path} failed`, { error: errorCode(err), ms: Date.now() - started });
      throw new NetworkError(call.service, call.method, call.path, err);
    }

    const text = await res.body.text().catch((err: unknown) => {
      throw new NetworkError(call.service, call.method, call.path, err);
    });
    this.log.debug(`${call.method} ${call.path} -> ${res.statusCode}`, { ms: Date.now() - started });
    const body = parseJson(text);

    if (res.statusCode >= 400) throw this.options.mapError(res.statusCode, body, call, res.headers);
    if (spec.schema === null) return undefined as T;
    const parsed = spec.schema.safeParse(body);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      const where = issue && issue.path.length ? issue.path.join(".") : "body";
      throw new ResponseShapeError(call.service, call.method, call.path, `${where}: ${issue?.message ?? "invalid"}`);
    }
    return parsed.data;
  }

  async close(): Promise<void> {
    await this.dispatcher.close();
  }
}

function parseJson(text: string): unknown {
  if (text === "") return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text.slice(0, 200);
  }
}

function errorCode(err: unknown): string {
  const code = (err as { code?: unknown } | null)?.code;
  return typeof code === "string" ? code : err instanceof Error ? err.name : "unknown";
}
