/** Valid configurations per resource type, to be bent by one attribute in each test. */
import type { ObjectValue } from "../../src/framework/value";

export const TENANT = "9f3c2a1e-4b5d-4e6f-8a7b-1c2d3e4f5a6b";
export const CLIENT = "1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d";

type Overrides = Record<string, unknown>;
const merge = (base: ObjectValue, o: Overrides): ObjectValue => ({ ...base, ...(o as ObjectValue) });

export const configs = {
  azureClientSecret: (o: Overrides = {}): ObjectValue =>
    merge(
      {
        name: "azure-prod",
        method: "client-secret",
        credentials: { tenant_id: TENANT, client_id: CLIENT, client_secret: "s3cret-value" },
      },
      o,
    ),
  azureOauth: (o: Overrides = {}): ObjectValue => merge({ name: "azure-oauth", method: "oauth", credentials: { tenant_id: TENANT, code: "one-time-code" } }, o),
  postgres: (o: Overrides = {}): ObjectValue =>
    merge({ name: "pg-main", credentials: { host: "db.internal", database: "app", username: "infisical", password: "pg-password-1" } }, o),
  heroku: (o: Overrides = {}): ObjectValue => merge({ name: "heroku-main", credentials: { auth_token: "HRKU-abc123" } }, o),
  vault: (o: Overrides = {}): ObjectValue =>
    merge({ name: "vault-main", address: "https://vault.example.com:8200", role_id: "role-123", secret_id: "secret-abc" }, o),
};
