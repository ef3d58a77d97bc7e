/**
 * One HTTP client per API: keep-alive pooling (undici Agent), the retry interceptor with our policy, per-attempt
 * timeouts inside one time budget per operation, JSON in and out, every response checked with zod, every error
 * status mapped to one error class, and every server text redacted of the secrets the client knows before it can
 * reach a message. Authentication is layered on top by each API's client; this module knows no credentials.
 */
import { Agent, type Dispatcher, interceptors } from "undici";
import type { z } from "zod";
import { type Logger, silentLogger } from "../framework/resource";
import { ApiError, NetworkError, RedirectError, ResponseShapeError, VaultbridgeError } from "./errors";
import { clientMessages as msg } from "./messages";
import { Redactor, secretsIn } from "./redactor";
import { DEFAULT_RETRY, type RetryOptions, RETRY_ERROR_CODES, RETRY_STATUS, retryDecision } from "./retry-policy";
import { stopSignalOf } from "./stop-signal";

/** The most of a body read; a larger (or endless) one is refused rather than buffered. */
export const MAX_BODY_BYTES = 16 * 1024 * 1024;

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
  /** The API client's redactor (its credentials and tokens); one of its own otherwise. */
  readonly redactor?: Redactor;
  /**
   * API field names whose values are secrets (derived from the sensitive attributes of the declarations): every
   * request body is searched for them and what it finds is redacted from every later answer.
   */
  readonly secretFields?: ReadonlySet<string>;
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
  /**
   * When the whole operation must be over (epoch ms), shared by every call one operation makes (its login too);
   * `retry.budgetMs` from now when absent.
   */
  readonly deadline?: number;
}

export class HttpClient {
  private readonly dispatcher: Dispatcher;
  private readonly retry: RetryOptions;
  private readonly base: URL;
  private readonly log: Logger;
  readonly redactor: Redactor;
  private readonly secretFields: ReadonlySet<string>;

  constructor(private readonly options: HttpClientOptions) {
    this.base = new URL(options.baseUrl.endsWith("/") ? options.baseUrl : `${options.baseUrl}/`);
    this.retry = { ...DEFAULT_RETRY, ...options.retry };
    this.log = options.log ?? silentLogger;
    this.redactor = options.redactor ?? new Redactor();
    this.secretFields = options.secretFields ?? new Set();
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

  /** The deadline of an operation starting now. */
  deadlineFromNow(): number {
    return Date.now() + this.retry.budgetMs;
  }

  async request<T>(spec: RequestSpec<T>): Promise<T> {
    const url = new URL(spec.path.replace(/^\//, ""), this.base);
    for (const [k, v] of Object.entries(spec.query ?? {})) if (v !== undefined) url.searchParams.set(k, v);
    const call: CallInfo = { service: this.options.service, method: spec.method, path: url.pathname };
    const started = Date.now();
    const deadline = spec.deadline ?? started + this.retry.budgetMs;
    const remaining = Math.max(1, deadline - started);
    const attemptTimeout = Math.min(this.options.timeoutMs ?? 30_000, remaining);
    // Whatever the server answers later may echo what we send now.
    this.redactor.add(...secretsIn(spec.body, this.secretFields));
    const budget = AbortSignal.timeout(remaining);
    const signal = spec.signal ? AbortSignal.any([spec.signal, budget]) : budget;
    // Backoff waits end at the stop itself, not at the end of a write's grace (see stop-signal).
    const stop = stopSignalOf(spec.signal);
    const waits = stop ? AbortSignal.any([signal, stop]) : signal;
    const failed = (err: unknown, reason?: string): VaultbridgeError => {
      if (spec.signal?.aborted) return new VaultbridgeError(`${call.service} API call ${call.method} ${call.path} was cancelled`, "VB_CANCELLED", { cause: err });
      this.log.debug(`${call.method} ${call.path} failed`, { error: errorCode(err), ms: Date.now() - started });
      if (budget.aborted) return new NetworkError(call.service, call.method, call.path, err, msg.budgetSpent(this.retry.budgetMs));
      return new NetworkError(call.service, call.method, call.path, err, reason);
    };
    // Stopping: a write not yet sent is not sent (one in flight finishes under its grace signal).
    if (stop?.aborted && spec.method !== "GET" && !spec.idempotent) {
      throw new VaultbridgeError(`${call.service} API call ${call.method} ${call.path} was not sent: the run is stopping`, "VB_CANCELLED");
    }

    let res: Dispatcher.ResponseData<unknown>;
    try {
      const opts: Dispatcher.RequestOptions & { retryOptions: object } = {
        origin: url.origin,
        path: `${url.pathname}${url.search}`,
        method: spec.method,
        headers: {
          accept: "application/json",
          ...(spec.body !== undefined ? { "content-type": "application/json" } : {}),
          ...spec.headers,
        },
        body: spec.body !== undefined ? JSON.stringify(spec.body) : undefined,
        signal,
        headersTimeout: attemptTimeout,
        bodyTimeout: attemptTimeout,
        retryOptions: { retry: retryDecision(spec.method, this.retry, deadline, waits, spec.idempotent) },
      };
      res = await this.dispatcher.request(opts);
    } catch (err) {
      throw failed(err);
    }

    let text: string | null;
    try {
      text = await readLimited(res);
    } catch (err) {
      throw failed(err, budget.aborted || spec.signal?.aborted ? undefined : msg.bodyBrokeOff(errorCode(err)));
    }
    this.log.debug(`${call.method} ${call.path} -> ${res.statusCode}`, { ms: Date.now() - started });
    const parsed = text === null ? { summary: msg.tooLarge(MAX_BODY_BYTES) } : this.parseBody(text, res.statusCode, res.headers);

    if (res.statusCode >= 300 && res.statusCode < 400) {
      const location = typeof res.headers.location === "string" ? this.redactor.redact(res.headers.location) : undefined;
      throw new RedirectError({ ...call, status: res.statusCode, serverMessage: msg.redirect(location) });
    }
    if (res.statusCode >= 400) throw this.options.mapError(res.statusCode, "json" in parsed ? parsed.json : parsed.summary, call, res.headers);
    // A 2xx that is not JSON (a proxy's or portal's page) is no answer of the API, even where the body is ignored.
    if ("summary" in parsed) throw new ResponseShapeError(call.service, call.method, call.path, parsed.summary);
    if (spec.schema === null) return undefined as T;
    const checked = spec.schema.safeParse(parsed.json);
    if (!checked.success) {
      const issue = checked.error.issues[0];
      const where = issue && issue.path.length ? issue.path.join(".") : "body";
      throw new ResponseShapeError(call.service, call.method, call.path, this.redactor.redact(`${where}: ${issue?.message ?? "invalid"}`));
    }
    return checked.data;
  }

  async close(): Promise<void> {
    await this.dispatcher.close();
  }

  /**
   * The body as JSON (an empty one as undefined); a body that is not JSON becomes one short line saying what it is
   * (an HTML error page is named, never dumped). Whatever may become a message is redacted: an error answer before
   * it is parsed, a summary once made. (A success's JSON is not: it is checked, never quoted, and can be large.)
   */
  private parseBody(raw: string, status: number, headers: Record<string, string | string[] | undefined>): { json: unknown } | { summary: string } {
    if (raw.trim() === "") return { json: undefined };
    const text = status >= 200 && status < 300 ? raw : this.redactor.redact(raw);
    const type = String(headers["content-type"] ?? "");
    if (/html/i.test(type) || /^\s*<(!doctype html|html|head|body)\b/i.test(text)) return { summary: this.redactor.redact(msg.htmlPage(status, htmlTitle(text))) };
    try {
      return { json: JSON.parse(text) as unknown };
    } catch {
      const line = this.redactor.redact(text).replace(/\s+/g, " ").trim();
      return { summary: this.redactor.redact(msg.notJson(line.length > 200 ? `${line.slice(0, 200)}…` : line)) };
    }
  }
}

/** The whole body as text, or null when it is larger than {@link MAX_BODY_BYTES} (reading stops there). */
async function readLimited(res: Dispatcher.ResponseData<unknown>): Promise<string | null> {
  const declared = Number(res.headers["content-length"]);
  if (Number.isFinite(declared) && declared > MAX_BODY_BYTES) {
    res.body.destroy();
    return null;
  }
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of res.body) {
    const buffer = chunk as Buffer;
    size += buffer.length;
    if (size > MAX_BODY_BYTES) {
      res.body.destroy();
      return null;
    }
    chunks.push(buffer);
  }
  return Buffer.concat(chunks).toString("utf8");
}

/** The first meaningful text of an HTML page: its title, else its first heading; short, tags and entities gone. */
function htmlTitle(html: string): string | undefined {
  for (const tag of ["title", "h1", "h2"]) {
    const m = new RegExp(`<${tag}\\b[^>]*>([\\s\\S]*?)</${tag}>`, "i").exec(html);
    const text = m?.[1]
      .replace(/<[^>]*>/g, " ")
      .replace(/&[a-z#0-9]+;/gi, " ")
      .replace(/\s+/g, " ")
      .trim();
    if (text) return text.length > 80 ? `${text.slice(0, 80)}…` : text;
  }
  return undefined;
}

function errorCode(err: unknown): string {
  const code = (err as { code?: unknown } | null)?.code;
  return typeof code === "string" ? code : err instanceof Error ? err.name : "unknown";
}
