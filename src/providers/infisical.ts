/**
 * provider "infisical": `host` and `auth = { token | universal = { client_id, client_secret } }`, the same shape
 * and environment variables as the official Go provider. Exactly one auth method; configuration beats env.
 */
import type { InfisicalAuth, InfisicalClient } from "../client/infisical-client";
import { secretApiFields } from "../framework/api-mapping";
import { AttributePath } from "../framework/path";
import type { ProviderDefinition } from "../framework/resource";
import { nested, string } from "../framework/schema";
import { isHttpUrl } from "../framework/validators";
import { type ObjectValue, attr, isObject, isUnknown } from "../framework/value";
import { azureKeyVaultConnection } from "../resources/app-connection/azure-key-vault";
import { appConnectionsDataSource } from "../resources/app-connection/connection-data-sources";
import { herokuConnection } from "../resources/app-connection/heroku";
import { postgresConnection } from "../resources/app-connection/postgres";

export const INFISICAL_SOURCE = "registry.terraform.io/vaultbridge/infisical";
export const DEFAULT_INFISICAL_HOST = "https://app.infisical.com";

const AUTH_HELP =
  'Set exactly one of auth.token or auth.universal = { client_id, client_secret }, or the environment variables INFISICAL_TOKEN, or INFISICAL_UNIVERSAL_AUTH_CLIENT_ID and INFISICAL_UNIVERSAL_AUTH_CLIENT_SECRET.';

/** Which auth the configuration asks for, or why it is unusable. Unknown values are left to configure time. */
function authFromConfig(config: ObjectValue): InfisicalAuth | "none" | "unknown" | string {
  const auth = attr(config, "auth");
  if (isUnknown(auth)) return "unknown";
  if (!isObject(auth)) return "none";
  const token = attr(auth, "token");
  const universal = attr(auth, "universal");
  if (isUnknown(token) || isUnknown(universal)) return "unknown";
  if (token !== null && universal !== null) return "auth.token and auth.universal are both set; use one.";
  if (typeof token === "string") return { kind: "token", token };
  if (isObject(universal)) {
    const clientId = attr(universal, "client_id");
    const clientSecret = attr(universal, "client_secret");
    if (isUnknown(clientId) || isUnknown(clientSecret)) return "unknown";
    if (typeof clientId === "string" && typeof clientSecret === "string") return { kind: "universal", clientId, clientSecret };
    return "auth.universal needs both client_id and client_secret.";
  }
  return "auth is set but holds neither token nor universal.";
}

export const infisicalProvider: ProviderDefinition<InfisicalClient> = {
  name: "infisical",
  source: INFISICAL_SOURCE,
  description: "Infisical App Connections (Azure Key Vault, PostgreSQL, Heroku).",
  attributes: {
    host: string({
      optional: true,
      description: `The Infisical API host (env INFISICAL_HOST, default ${DEFAULT_INFISICAL_HOST}).`,
      validators: [isHttpUrl()],
    }),
    auth: nested({
      optional: true,
      description: "How to authenticate; exactly one method. Falls back to the INFISICAL_* environment variables.",
      attributes: {
        token: string({ optional: true, sensitive: true, description: "A machine identity access token (env INFISICAL_TOKEN)." }),
        universal: nested({
          optional: true,
          description: "Universal Auth machine identity (env INFISICAL_UNIVERSAL_AUTH_CLIENT_ID / _CLIENT_SECRET).",
          attributes: {
            client_id: string({ optional: true, description: "The machine identity's client ID." }),
            client_secret: string({ optional: true, sensitive: true, description: "The machine identity's client secret." }),
          },
        }),
      },
    }),
  },

  validateConfig(config, diags) {
    const auth = authFromConfig(config);
    if (typeof auth === "string" && auth !== "none" && auth !== "unknown") {
      diags.error("Invalid Provider Authentication", `${auth} ${AUTH_HELP}`, AttributePath.root("auth"));
    }
  },

  configure(config, rawEnv, diags, log) {
    // Loaded on first configure: undici and zod cost ~85 ms of start-up (measured), and Terraform's schema and
    // validate launches never reach the API.
    const { infisicalEnv, InfisicalClient } = require("./infisical-connect") as typeof import("./infisical-connect");
    const vars = infisicalEnv(rawEnv);
    const host = (attr(config, "host") as string | null) ?? vars.INFISICAL_HOST ?? DEFAULT_INFISICAL_HOST;
    let auth = authFromConfig(config);
    if (auth === "none") {
      const fromEnvToken = vars.INFISICAL_TOKEN;
      const id = vars.INFISICAL_UNIVERSAL_AUTH_CLIENT_ID;
      const secret = vars.INFISICAL_UNIVERSAL_AUTH_CLIENT_SECRET;
      if (fromEnvToken && (id || secret)) auth = "INFISICAL_TOKEN and INFISICAL_UNIVERSAL_AUTH_* are both set in the environment; unset one.";
      else if (fromEnvToken) auth = { kind: "token", token: fromEnvToken };
      else if (id && secret) auth = { kind: "universal", clientId: id, clientSecret: secret };
      else if (id || secret) auth = "INFISICAL_UNIVERSAL_AUTH_CLIENT_ID and INFISICAL_UNIVERSAL_AUTH_CLIENT_SECRET must be set together.";
      else auth = "No authentication is configured.";
    }
    if (typeof auth === "string") {
      diags.error("Missing Provider Authentication", `${auth} ${AUTH_HELP}`, AttributePath.root("auth"));
      return null;
    }
    const secretFields = secretApiFields(infisicalProvider.attributes, ...infisicalProvider.resources.map((r) => r.attributes));
    return new InfisicalClient({ host, auth, log, secretFields });
  },

  close: (client) => client.close(),

  resources: [azureKeyVaultConnection, postgresConnection, herokuConnection],
  dataSources: [appConnectionsDataSource],
};
