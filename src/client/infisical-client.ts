/**
 * Infisical's App Connections API: a machine-identity login (once, shared by concurrent calls; see logins/) or a
 * static token, one fresh login when a call answers 401 or 403 `TokenError`, typed calls with zod-checked answers.
 * Each call is one operation with one time budget, its login included; every credential and token is redacted
 * from answers.
 */
import type { Dispatcher } from "undici";
import {
  type AppConnection,
  type AppSlug,
  appConnectionEnvelope,
  appConnectionList,
  type CreateConnectionBody,
  type UpdateConnectionBody,
} from "../api/infisical";
import type { Logger } from "../framework/resource";
import { AuthError, NotFoundError } from "./errors";
import { HttpClient, type RequestSpec } from "./http";
import { ListSnapshot } from "./list-snapshot";
import { type InfisicalAuth, knownSecrets, login } from "./logins";
import { mapApiError } from "./map-error";
import { Redactor } from "./redactor";
import type { RetryOptions } from "./retry-policy";

export type { InfisicalAuth };

export interface InfisicalClientOptions {
  readonly host: string;
  readonly auth: InfisicalAuth;
  readonly log?: Logger;
  readonly timeoutMs?: number;
  readonly retry?: Partial<RetryOptions>;
  readonly dispatcher?: Dispatcher;
  /** API field names of secrets in request bodies (see HttpClientOptions.secretFields). */
  readonly secretFields?: ReadonlySet<string>;
}

const BASE = "api/v1/app-connections";

export class InfisicalClient {
  private readonly http: HttpClient;
  private token: Promise<string> | null = null;
  /** Every connection of the org from one list call, shared by the reads of one refresh. */
  private readonly snapshot = new ListSnapshot<AppConnection>((signal) => this.listConnections({ signal }));

  constructor(private readonly options: InfisicalClientOptions) {
    const redactor = new Redactor();
    redactor.add(...knownSecrets(options.auth));
    this.http = new HttpClient({
      redactor,
      secretFields: options.secretFields,
      service: "Infisical",
      baseUrl: options.host,
      timeoutMs: options.timeoutMs,
      retry: options.retry,
      log: options.log,
      dispatcher: options.dispatcher,
      mapError: mapApiError,
    });
  }
  /** The API's base URL, as configured. */
  get host(): string {
    return this.options.host;
  }


  /** Every connection of the org (or of one project), all apps mixed unless `app` is given. */
  async listConnections(opts: { app?: AppSlug; projectId?: string; signal?: AbortSignal } = {}): Promise<AppConnection[]> {
    const path = opts.app ? `${BASE}/${opts.app}` : BASE;
    const res = await this.call({ method: "GET", path, query: { projectId: opts.projectId }, schema: appConnectionList, signal: opts.signal });
    return res.appConnections;
  }

  async getConnection(app: AppSlug, id: string, signal?: AbortSignal): Promise<AppConnection> {
    const res = await this.call({ method: "GET", path: `${BASE}/${app}/${encodeURIComponent(id)}`, schema: appConnectionEnvelope, signal });
    return res.appConnection;
  }

  /**
   * Reads one connection for a refresh: answered from one shared list of the whole org (so N reads cost one
   * call, not N), and confirmed with a GET when it is missing from the list. Null when it is gone.
   */
  async readConnection(app: AppSlug, id: string, signal?: AbortSignal): Promise<AppConnection | null> {
    return this.snapshot.read(id, () => this.getConnection(app, id, signal), (hit) => hit.app === app, signal);
  }

  /** Every connection of the org (all apps, every project), from the list refresh shares: one call for all. */
  allConnections(signal?: AbortSignal): Promise<AppConnection[]> {
    return this.snapshot.all(signal);
  }

  /** Without `projectId` only org-level connections match (the server's rule). */
  async getConnectionByName(app: AppSlug, name: string, projectId?: string, signal?: AbortSignal): Promise<AppConnection> {
    const res = await this.call({
      method: "GET",
      path: `${BASE}/${app}/connection-name/${encodeURIComponent(name)}`,
      query: { projectId },
      schema: appConnectionEnvelope,
      signal,
    });
    return res.appConnection;
  }

  /**
   * The connection of that name for an import (or an interrupted create an earlier run left), from the shared list
   * when it is there: after a killed run each of its creates in flight is looked up, one list for all of them.
   * A name missing from the list is asked for by name (lists can lag). Null when there is none.
   */
  async findConnectionByName(app: AppSlug, name: string, projectId?: string, signal?: AbortSignal): Promise<AppConnection | null> {
    // Without a project only org-level connections match, as the by-name route does.
    const inScope = (c: AppConnection): boolean => (c.projectId ?? c.project?.id ?? undefined) === projectId;
    return this.snapshot.find((c) => c.app === app && c.name === name && inScope(c), () => this.getConnectionByName(app, name, projectId, signal), signal);
  }

  /** One POST; not retried unless provably not committed (see retry-policy). Recovery is the caller's. */
  async createConnection(app: AppSlug, body: CreateConnectionBody, signal?: AbortSignal): Promise<AppConnection> {
    this.snapshot.invalidate();
    const res = await this.call({ method: "POST", path: `${BASE}/${app}`, body, schema: appConnectionEnvelope, signal });
    return res.appConnection;
  }

  async updateConnection(app: AppSlug, id: string, body: UpdateConnectionBody, signal?: AbortSignal): Promise<AppConnection> {
    this.snapshot.invalidate();
    const res = await this.call({ method: "PATCH", path: `${BASE}/${app}/${encodeURIComponent(id)}`, body, schema: appConnectionEnvelope, signal });
    return res.appConnection;
  }

  /** Deleting a connection that is already gone is success. */
  async deleteConnection(app: AppSlug, id: string, signal?: AbortSignal): Promise<void> {
    this.snapshot.invalidate();
    try {
      await this.call({ method: "DELETE", path: `${BASE}/${app}/${encodeURIComponent(id)}`, schema: null, signal });
    } catch (err) {
      if (!(err instanceof NotFoundError)) throw err;
    }
  }

  async close(): Promise<void> {
    await this.http.close();
  }

  /** One operation: its login, its attempts and a second login after a refused token share one deadline. */
  private async call<T>(spec: RequestSpec<T>): Promise<T> {
    const timed = { ...spec, deadline: spec.deadline ?? this.http.deadlineFromNow() };
    const token = await this.accessToken(timed.signal, timed.deadline);
    try {
      return await this.http.request({ ...timed, headers: { authorization: `Bearer ${token}` } });
    } catch (err) {
      if (!(err instanceof AuthError && err.isTokenProblem && this.options.auth.kind !== "token")) throw err;
      // The token expired or was revoked: log in again once, then give up with the server's answer.
      this.options.log?.debug("access token refused; logging in again");
      this.token = null;
      const fresh = await this.accessToken(timed.signal, timed.deadline);
      return this.http.request({ ...timed, headers: { authorization: `Bearer ${fresh}` } });
    }
  }

  /** A login started here ends by `deadline`; later callers share it (their deadlines are later still). */
  private accessToken(signal: AbortSignal | undefined, deadline: number): Promise<string> {
    const auth = this.options.auth;
    if (auth.kind === "token") return Promise.resolve(auth.token);
    if (!this.token) {
      const pending = login({ http: this.http, signal, deadline }, auth);
      // A failed login is not cached: the next call tries again.
      pending.catch(() => {
        if (this.token === pending) this.token = null;
      });
      this.token = pending;
    }
    return this.token;
  }
}
