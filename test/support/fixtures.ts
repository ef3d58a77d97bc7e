/** Valid request bodies for every app/method and for a vault integration, plus what the API returns for them. */
import type { AppSlug } from "../../src/api/infisical";

export const TENANT_ID = "6f1f3c1a-2b4d-4e5f-8a9b-0c1d2e3f4a5b";
export const CLIENT_ID = "0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d";
export const CERTIFICATE = "-----BEGIN CERTIFICATE-----\nMIIBfakecertificatebody\n-----END CERTIFICATE-----";
export const PRIVATE_KEY = "-----BEGIN PRIVATE KEY-----\nMIIEfakeprivatekey\n-----END PRIVATE KEY-----";

export interface ConnectionCase {
  readonly label: string;
  readonly app: AppSlug;
  readonly method: string;
  readonly credentials: Readonly<Record<string, unknown>>;
  /** What comes back: the secret fields removed. */
  readonly returned: Readonly<Record<string, unknown>>;
  /** The field whose value the live-check convention inspects. */
  readonly secretField: string;
}

export const postgresCredentials = {
  host: "db.internal",
  port: 5432,
  database: "app",
  username: "vaultbridge",
  password: "pg-secret-password",
  sslEnabled: true,
  sslRejectUnauthorized: true,
} as const;

export const CONNECTION_CASES: readonly ConnectionCase[] = [
  {
    label: "azure-key-vault client-secret",
    app: "azure-key-vault",
    method: "client-secret",
    credentials: { clientId: CLIENT_ID, clientSecret: "azure-client-secret", tenantId: TENANT_ID },
    returned: { clientId: CLIENT_ID, tenantId: TENANT_ID },
    secretField: "clientSecret",
  },
  {
    label: "azure-key-vault oauth",
    app: "azure-key-vault",
    method: "oauth",
    credentials: { code: "azure-oauth-code", tenantId: TENANT_ID },
    returned: { tenantId: TENANT_ID },
    secretField: "code",
  },
  {
    label: "azure-key-vault certificate",
    app: "azure-key-vault",
    method: "certificate",
    credentials: { clientId: CLIENT_ID, tenantId: TENANT_ID, certificateBody: CERTIFICATE, privateKey: PRIVATE_KEY },
    returned: { clientId: CLIENT_ID, tenantId: TENANT_ID },
    secretField: "privateKey",
  },
  {
    label: "postgres username-and-password",
    app: "postgres",
    method: "username-and-password",
    credentials: postgresCredentials,
    returned: {
      host: "db.internal",
      port: 5432,
      database: "app",
      username: "vaultbridge",
      sslEnabled: true,
      sslRejectUnauthorized: true,
    },
    secretField: "password",
  },
  {
    label: "heroku auth-token",
    app: "heroku",
    method: "auth-token",
    credentials: { authToken: "HRKU-heroku-secret-token" },
    returned: {},
    secretField: "authToken",
  },
  {
    label: "heroku oauth",
    app: "heroku",
    method: "oauth",
    credentials: { code: "heroku-oauth-code" },
    returned: {},
    secretField: "code",
  },
];

export function connectionCase(app: AppSlug, method: string): ConnectionCase {
  const found = CONNECTION_CASES.find((c) => c.app === app && c.method === method);
  if (found === undefined) throw new Error(`no fixture for ${app}/${method}`);
  return found;
}

/** A create body for a case. */
export function createBody(
  c: ConnectionCase,
  name: string,
  extra: Readonly<Record<string, unknown>> = {},
): Record<string, unknown> {
  return { name, method: c.method, credentials: { ...c.credentials }, ...extra };
}

export const ROTATION = { rotationInterval: 30, rotateAtUtc: { hours: 3, minutes: 15 } } as const;

export function vaultIntegrationBody(
  name: string,
  extra: Readonly<Record<string, unknown>> = {},
): Record<string, unknown> {
  return {
    name,
    address: "https://vault.example.com:8200",
    roleId: "8f2e1c0c-0e4a-4b58-8b2e-4a9e1c8a4a11",
    secretId: "s.vault-secret-id",
    ...extra,
  };
}

export const UUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
export const ISO_PATTERN = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;
export const MISSING_ID = "00000000-0000-4000-8000-000000000000";
