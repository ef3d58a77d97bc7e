/** Options of `startEmulator`, and the one place where their defaults are resolved. */
import type { RequestLogEntry } from "./request-log";

export const DEFAULT_CLIENT_ID = "emulator-client-id";
export const DEFAULT_CLIENT_SECRET = "emulator-client-secret";
export const DEFAULT_API_KEY = "emulator-api-key";
export const DEFAULT_HOST = "127.0.0.1";
export const DEFAULT_TOKEN_TTL_SECONDS = 7200;
/** Infisical's default `accessTokenMaxTTL` (30 days): renewals never extend a token past it. */
export const DEFAULT_TOKEN_MAX_TTL_SECONDS = 2_592_000;

export interface EmulatorOptions {
  /** TCP port; 0 (the default) picks a free one. */
  readonly port?: number;
  /** Interface to listen on (default 127.0.0.1). */
  readonly host?: string;
  /** JSON file to persist to; the state is reloaded from it on start. In memory only when absent. */
  readonly dataFile?: string;
  /** Universal-auth client id accepted by the login route (default `emulator-client-id`). */
  readonly clientId?: string;
  /** Universal-auth client secret accepted by the login route (default `emulator-client-secret`). */
  readonly clientSecret?: string;
  /** ScrapEngine API key (default `emulator-api-key`). */
  readonly apiKey?: string;
  /** Check PostgreSQL credentials for real (connect and `SELECT 1`) instead of the `invalid` convention. */
  readonly checkPostgres?: boolean;
  /** Lifetime of access tokens in seconds (default 7200; 0 = no expiry). Fractions are allowed, for tests. */
  readonly tokenTtlSeconds?: number;
  /** Called once per API request (control routes excluded) with its log entry, which never holds a secret. */
  readonly onRequest?: (entry: RequestLogEntry) => void;
}

export interface ResolvedOptions {
  readonly port: number;
  readonly host: string;
  readonly dataFile: string | undefined;
  readonly clientId: string;
  readonly clientSecret: string;
  readonly apiKey: string;
  readonly checkPostgres: boolean;
  readonly tokenTtlSeconds: number;
  readonly tokenMaxTtlSeconds: number;
  readonly onRequest: ((entry: RequestLogEntry) => void) | undefined;
}

export function resolveOptions(options: EmulatorOptions): ResolvedOptions {
  const tokenTtlSeconds = options.tokenTtlSeconds ?? DEFAULT_TOKEN_TTL_SECONDS;
  if (!Number.isFinite(tokenTtlSeconds) || tokenTtlSeconds < 0) {
    throw new RangeError(`tokenTtlSeconds must be a number >= 0, got ${String(options.tokenTtlSeconds)}`);
  }
  const port = options.port ?? 0;
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new RangeError(`port must be an integer between 0 and 65535, got ${String(options.port)}`);
  }
  return {
    port,
    host: options.host ?? DEFAULT_HOST,
    dataFile: options.dataFile,
    clientId: options.clientId ?? DEFAULT_CLIENT_ID,
    clientSecret: options.clientSecret ?? DEFAULT_CLIENT_SECRET,
    apiKey: options.apiKey ?? DEFAULT_API_KEY,
    checkPostgres: options.checkPostgres ?? false,
    tokenTtlSeconds,
    tokenMaxTtlSeconds: DEFAULT_TOKEN_MAX_TTL_SECONDS,
    onRequest: options.onRequest,
  };
}
