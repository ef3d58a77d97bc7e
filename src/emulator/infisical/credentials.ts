/**
 * Per app and method: which credential fields come back from the API (everything else is a secret and is never
 * stored or returned), the request schema that validates them, and the credentials hash.
 */
import { createCipheriv, createHash, randomBytes } from "node:crypto";
import type { z } from "zod";
import { METHODS_BY_APP, type AppSlug } from "../../api/infisical-constants";
import { credentialsByMethod } from "../../api/infisical-requests";

type Credentials = Record<string, unknown>;

/** The returned credential fields per app/method (notes/infisical-api.md, "Credentials that come back"). */
const PUBLIC_FIELDS = {
  "azure-key-vault": {
    oauth: ["tenantId"],
    "client-secret": ["clientId", "tenantId"],
    certificate: ["clientId", "tenantId"],
  },
  postgres: {
    "username-and-password": [
      "host",
      "port",
      "database",
      "username",
      "sslEnabled",
      "sslRejectUnauthorized",
      "sslCertificate",
    ],
  },
  heroku: { "auth-token": [], oauth: [] },
} as const satisfies {
  readonly [A in AppSlug]: Readonly<Record<(typeof METHODS_BY_APP)[A][number], readonly string[]>>;
};

export function isMethodOf(app: AppSlug, method: string): boolean {
  return (METHODS_BY_APP[app] as readonly string[]).includes(method);
}

function publicFields(app: AppSlug, method: string): readonly string[] {
  const byMethod: Readonly<Record<string, readonly string[]>> = PUBLIC_FIELDS[app];
  return byMethod[method] ?? [];
}

/** The request schema of the credentials of one app/method (from the shared wire schemas). */
export function credentialsSchema(app: AppSlug, method: string): z.ZodType<Credentials> {
  const byMethod: Readonly<Record<string, z.ZodType<Credentials>>> = credentialsByMethod[app];
  const schema = byMethod[method];
  if (schema === undefined) throw new Error(`no credentials schema for ${app}/${method}`);
  return schema;
}

/** The credentials as the API returns them: public fields only, empty strings dropped (`sslCertificate: ""`). */
export function redactCredentials(app: AppSlug, method: string, credentials: Credentials): Credentials {
  const redacted: Credentials = {};
  for (const field of publicFields(app, method)) {
    const value = credentials[field];
    if (value !== undefined && value !== null && value !== "") redacted[field] = value;
  }
  return redacted;
}

/** The string values of the secret (non-returned) fields. */
export function secretValues(app: AppSlug, method: string, credentials: Credentials): string[] {
  const visible = new Set(publicFields(app, method));
  return Object.entries(credentials)
    .filter(([field, value]) => !visible.has(field) && typeof value === "string")
    .map(([, value]) => value as string);
}

/** Per-process key: the hash only has to be unpredictable and fresh on every write, as the server's is. */
const HASH_KEY = randomBytes(32);

/**
 * SHA-256 (hex) of the credentials encrypted with a random IV, like the server's: fresh on every write, even of
 * identical credentials, and impossible for a client to compute. With no material (a background refresh, a
 * platform-managed password change) random bytes stand for the new secret.
 */
export function credentialsHash(material: unknown = randomBytes(32).toString("hex")): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", HASH_KEY, iv);
  const blob = Buffer.concat([
    iv,
    cipher.update(JSON.stringify(material), "utf8"),
    cipher.final(),
    cipher.getAuthTag(),
  ]);
  return createHash("sha256").update(blob).digest("hex");
}
