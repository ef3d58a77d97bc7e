/**
 * provider "infisical": `host` and `auth = { token | universal | oidc | kubernetes | aws_iam, organization_slug }`,
 * the same shape and environment variables as the official Go provider (DESIGN §2). Exactly one auth method;
 * configuration beats env. How the method is chosen lives in infisical-auth.ts.
 */
import type { InfisicalClient } from "../client/infisical-client";
import { secretApiFields } from "../framework/api-mapping";
import { AttributePath } from "../framework/path";
import type { ProviderDefinition } from "../framework/resource";
import { nested, string } from "../framework/schema";
import { isHttpUrl } from "../framework/validators";
import { isHttp } from "../framework/validators/is-http-url";
import { attr } from "../framework/value";
import { azureKeyVaultConnection } from "../resources/app-connection/azure-key-vault";
import { appConnectionsDataSource } from "../resources/app-connection/connection-data-sources";
import { herokuConnection } from "../resources/app-connection/heroku";
import { postgresConnection } from "../resources/app-connection/postgres";
import { INFISICAL_AUTH_GUIDE } from "./infisical-auth-guide";
import { authMessages, HOST_SUMMARY } from "./infisical-auth-messages";
import { DEFAULT_OIDC_TOKEN_VARIABLE, DEFAULT_SERVICE_ACCOUNT_TOKEN_PATH, resolveAuth, validateAuthConfig } from "./infisical-auth";
import { INFISICAL_SOURCE } from "./sources";

export { INFISICAL_SOURCE } from "./sources";

export const DEFAULT_INFISICAL_HOST = "https://app.infisical.com";
const HOST_EXAMPLE = "https://app.infisical.com or https://eu.infisical.com";

const identityId = (method: string) =>
  string({ optional: true, description: `The ID of the machine identity that has ${method} configured (env INFISICAL_MACHINE_IDENTITY_ID).` });

export const infisicalProvider: ProviderDefinition<InfisicalClient> = {
  name: "infisical",
  source: INFISICAL_SOURCE,
  description: "Infisical App Connections (Azure Key Vault, PostgreSQL, Heroku).",
  guide: INFISICAL_AUTH_GUIDE,
  attributes: {
    host: string({
      optional: true,
      description: `The Infisical API host (env INFISICAL_HOST, default ${DEFAULT_INFISICAL_HOST}).`,
      validators: [isHttpUrl(HOST_EXAMPLE)],
    }),
    auth: nested({
      optional: true,
      description:
        "How to authenticate; exactly one method. Without it the method comes from INFISICAL_AUTH_METHOD (token, universal, oidc, kubernetes, aws_iam) or from which INFISICAL_* credentials are set.",
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
        oidc: nested({
          optional: true,
          description: "OIDC Auth with the CI platform's identity token (GitHub Actions, GitLab CI `id_tokens`, …).",
          attributes: {
            identity_id: identityId("OIDC Auth"),
            token_environment_variable_name: string({
              optional: true,
              description: `The environment variable that holds the OIDC token, a JWT (env INFISICAL_OIDC_AUTH_TOKEN_NAME, default ${DEFAULT_OIDC_TOKEN_VARIABLE}).`,
            }),
          },
        }),
        kubernetes: nested({
          optional: true,
          description: "Kubernetes Auth with the pod's service account token.",
          attributes: {
            identity_id: identityId("Kubernetes Auth"),
            service_account_token_path: string({
              optional: true,
              description: `The service account token file, read at every login (env INFISICAL_KUBERNETES_SERVICE_ACCOUNT_TOKEN_PATH, default ${DEFAULT_SERVICE_ACCOUNT_TOKEN_PATH}).`,
            }),
            service_account_token: string({
              optional: true,
              sensitive: true,
              description: "The service account token itself, instead of the file (env INFISICAL_KUBERNETES_SERVICE_ACCOUNT_TOKEN).",
            }),
          },
        }),
        aws_iam: nested({
          optional: true,
          description:
            "AWS IAM Auth: a signed sts:GetCallerIdentity request, with credentials from the standard AWS chain (AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY/AWS_SESSION_TOKEN, AWS_PROFILE and the shared config and credentials files, web identity, instance metadata) and AWS_REGION.",
          attributes: { identity_id: identityId("AWS Auth") },
        }),
        organization_slug: string({
          optional: true,
          description: "Log in to this sub-organization, sent as organizationSlug by every login method (env INFISICAL_AUTH_ORGANIZATION_SLUG).",
        }),
      },
    }),
  },

  validateConfig(config, diags) {
    validateAuthConfig(config, diags);
  },

  configure(config, rawEnv, diags, log) {
    // Loaded on first configure: undici and zod cost ~85 ms of start-up (measured), and Terraform's schema and
    // validate launches never reach the API.
    const { infisicalEnv, envLookupOf, InfisicalClient } = require("./infisical-connect") as typeof import("./infisical-connect");
    const vars = infisicalEnv(rawEnv);
    const configured = attr(config, "host") as string | null;
    const host = configured ?? vars.INFISICAL_HOST ?? DEFAULT_INFISICAL_HOST;
    if (configured === null && !isHttp(host)) {
      diags.error(HOST_SUMMARY, authMessages.hostFromEnv(HOST_EXAMPLE), AttributePath.root("host"));
    }
    const auth = resolveAuth(config, envLookupOf(vars, rawEnv), diags);
    if (auth === null || diags.hasError()) return null;
    const secretFields = secretApiFields(infisicalProvider.attributes, ...infisicalProvider.resources.map((r) => r.attributes));
    return new InfisicalClient({ host, auth, log, secretFields });
  },

  close: (client) => client.close(),
  intentScope: (client) => client.host,

  resources: [azureKeyVaultConnection, postgresConnection, herokuConnection],
  dataSources: [appConnectionsDataSource],
};
