/**
 * ScrapEngine's vault-integrations API: Bearer API key, typed calls with zod-checked answers; the key and every
 * secret sent are redacted from answers.
 */
import type { Dispatcher } from "undici";
import {
  type CreateVaultIntegrationBody,
  type VaultIntegration,
  vaultIntegration,
  vaultIntegrationList,
} from "../api/scrapengine";
import type { Logger } from "../framework/resource";
import { NotFoundError } from "./errors";
import { HttpClient, type RequestSpec } from "./http";
import { ListSnapshot } from "./list-snapshot";
import { mapApiError } from "./map-error";
import { Redactor } from "./redactor";
import type { RetryOptions } from "./retry-policy";

export interface ScrapEngineClientOptions {
  /** e.g. `https://api.scrapengine.io/api/v1` */
  readonly baseUrl: string;
  readonly apiKey: string;
  readonly log?: Logger;
  readonly timeoutMs?: number;
  readonly retry?: Partial<RetryOptions>;
  readonly dispatcher?: Dispatcher;
  /** API field names of secrets in request bodies (see HttpClientOptions.secretFields). */
  readonly secretFields?: ReadonlySet<string>;
}

export class ScrapEngineClient {
  private readonly http: HttpClient;
  /** Every integration from one list call, shared by the reads of one refresh. */
  private readonly snapshot = new ListSnapshot<VaultIntegration>((signal) => this.list(signal));

  constructor(private readonly options: ScrapEngineClientOptions) {
    const redactor = new Redactor();
    redactor.add(options.apiKey);
    this.http = new HttpClient({
      redactor,
      secretFields: options.secretFields,
      service: "ScrapEngine",
      baseUrl: options.baseUrl,
      timeoutMs: options.timeoutMs,
      retry: options.retry,
      log: options.log,
      dispatcher: options.dispatcher,
      mapError: mapApiError,
    });
  }
  /** The API's base URL, as configured. */
  get baseUrl(): string {
    return this.options.baseUrl;
  }


  list(signal?: AbortSignal): Promise<VaultIntegration[]> {
    return this.call({ method: "GET", path: "vault-integrations", schema: vaultIntegrationList, signal });
  }

  get(id: string, signal?: AbortSignal): Promise<VaultIntegration> {
    return this.call({ method: "GET", path: `vault-integrations/${encodeURIComponent(id)}`, schema: vaultIntegration, signal });
  }

  /** Reads one integration for a refresh from one shared list; confirmed with a GET when missing. Null when gone. */
  read(id: string, signal?: AbortSignal): Promise<VaultIntegration | null> {
    return this.snapshot.read(id, () => this.get(id, signal), undefined, signal);
  }

  /** Every integration, from the list refresh shares: one call for all. */
  all(signal?: AbortSignal): Promise<VaultIntegration[]> {
    return this.snapshot.all(signal);
  }

  /**
   * The integration of that name for an import (or an interrupted create an earlier run left), from the shared
   * list when it is there; else from a fresh list (the API has no by-name route; lists can lag). Null when none.
   */
  findByName(name: string, signal?: AbortSignal): Promise<VaultIntegration | null> {
    return this.snapshot.find((v) => v.name === name, async () => (await this.list(signal)).find((v) => v.name === name) ?? null, signal);
  }

  /** One POST (201 or 200); recovery of a lost answer is the caller's. */
  create(body: CreateVaultIntegrationBody, signal?: AbortSignal): Promise<VaultIntegration> {
    this.snapshot.invalidate();
    return this.call({ method: "POST", path: "vault-integrations", body, schema: vaultIntegration, signal });
  }

  /** Rotates the stored AppRole secret_id; the only change the API allows. */
  rotateSecretId(id: string, secretId: string, signal?: AbortSignal): Promise<VaultIntegration> {
    this.snapshot.invalidate();
    return this.call({ method: "PUT", path: `vault-integrations/${encodeURIComponent(id)}`, body: { secretId }, schema: vaultIntegration, signal });
  }

  /** 200 or 204; already gone is success. */
  async delete(id: string, signal?: AbortSignal): Promise<void> {
    this.snapshot.invalidate();
    try {
      await this.call({ method: "DELETE", path: `vault-integrations/${encodeURIComponent(id)}`, schema: null, signal });
    } catch (err) {
      if (!(err instanceof NotFoundError)) throw err;
    }
  }

  async close(): Promise<void> {
    await this.http.close();
  }

  private call<T>(spec: RequestSpec<T>): Promise<T> {
    return this.http.request({ ...spec, headers: { authorization: `Bearer ${this.options.apiKey}` } });
  }
}
