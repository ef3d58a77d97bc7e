/** Objects made directly through the emulator's APIs, as Infisical's UI or a script would make them. */
import { pick } from "./http";
import type { TestEmulator } from "./emulator";

export const TENANT = "9f3c2a1e-4b5d-4e6f-8a7b-1c2d3e4f5a6b";
export const CLIENT = "1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d";

export interface Made {
  pg: Record<string, unknown>;
  azure: Record<string, unknown>;
  heroku: Record<string, unknown>;
  vault: Record<string, unknown>;
}

/** One object of each type, made through the APIs with non-default values. */
export async function makeObjects(e: TestEmulator): Promise<Made> {
  const projectId = e.emulator.projectId;
  const made = async (path: string, body: unknown): Promise<Record<string, unknown>> => {
    const r = await e.infisical("POST", path, body);
    if (r.status !== 200) throw new Error(`${path}: ${r.status} ${r.text}`);
    return pick(r.body, "appConnection") as Record<string, unknown>;
  };
  const pg = await made("/api/v1/app-connections/postgres", {
    name: "ui-orders-db",
    description: "made in the UI",
    projectId,
    method: "username-and-password",
    credentials: { host: "orders.db.internal", port: 6543, database: "orders", username: "reader", password: "ui-secret", sslEnabled: false, sslRejectUnauthorized: true },
  });
  const azure = await made("/api/v1/app-connections/azure-key-vault", {
    name: "ui-keyvault",
    method: "client-secret",
    credentials: { tenantId: TENANT, clientId: CLIENT, clientSecret: "ui-client-secret" },
  });
  const heroku = await made("/api/v1/app-connections/heroku", { name: "ui-heroku", description: "web dynos", method: "oauth", credentials: { code: "ui-oauth-code" } });
  const v = await e.scrapengine("POST", "/vault-integrations", { name: "ui-vault", address: "https://vault.internal:8200", namespace: "team-a", roleId: "role-ui", secretId: "ui-secret-id" });
  if (v.status !== 201 && v.status !== 200) throw new Error(`vault: ${v.status} ${v.text}`);
  return { pg, azure, heroku, vault: v.body as Record<string, unknown> };
}

