/**
 * The live PostgreSQL check of `--check-postgres`: connect with the given settings and run `SELECT 1`, within 10 s,
 * as Infisical does on create and on any update carrying credentials. `pg` is loaded only when a check runs, so
 * starting the emulator stays fast.
 */

export interface PostgresTarget {
  readonly host: string;
  readonly port: number;
  readonly database: string;
  readonly username: string;
  readonly password: string;
  readonly sslEnabled: boolean;
  readonly sslRejectUnauthorized: boolean;
  readonly sslCertificate?: string;
}

export const POSTGRES_CHECK_TIMEOUT_MS = 10_000;

/**
 * Undefined when the database answered; otherwise the driver's message with every occurrence of the password
 * masked.
 */
export async function checkPostgres(
  target: PostgresTarget,
  timeoutMs: number = POSTGRES_CHECK_TIMEOUT_MS,
): Promise<string | undefined> {
  const { Client } = await import("pg");
  const client = new Client({
    host: target.host,
    port: target.port,
    database: target.database,
    user: target.username,
    password: target.password,
    ssl: target.sslEnabled
      ? { rejectUnauthorized: target.sslRejectUnauthorized, ca: target.sslCertificate || undefined }
      : false,
    connectionTimeoutMillis: timeoutMs,
    query_timeout: timeoutMs,
  });
  // A failed connection can also surface as an 'error' event; the awaited promise reports it.
  client.on("error", () => undefined);
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`Connection timed out after ${timeoutMs / 1000} seconds`)), timeoutMs);
  });
  try {
    await Promise.race([client.connect().then(() => client.query("SELECT 1")), timeout]);
    return undefined;
  } catch (err) {
    return maskSecret(err instanceof Error ? err.message : String(err), target.password);
  } finally {
    clearTimeout(timer);
    client.end().catch(() => undefined);
  }
}

/** Replaces every occurrence of `secret` with asterisks. */
export function maskSecret(text: string, secret: string): string {
  return secret === "" ? text : text.split(secret).join("********");
}
