/** `infisical_app_connection_azure_key_vault`: OAuth, client secret or certificate; rotation for client secret. */
import { PEM_PATTERN } from "../../api/infisical-constants";
import { string } from "../../framework/schema";
import { isUuid, lengthBetween, matches } from "../../framework/validators";
import { defineAppConnection } from "./define-app-connection";

/** The server's own PEM check (the wire schema's pattern), in words. */
const PEM_RULE = "must be in PEM format: a -----BEGIN <LABEL>----- line, the base64 body, then -----END <LABEL>-----";

export const azureKeyVaultConnection = defineAppConnection({
  app: "azure-key-vault",
  typeName: "infisical_app_connection_azure_key_vault",
  description:
    "An Infisical App Connection to Azure Key Vault. OAuth codes come from Infisical's UI redirect, so OAuth connections are usually created there and imported.",
  methods: {
    oauth: { description: "OAuth through the Infisical UI.", required: [], optional: ["tenant_id"], requiredToCreate: ["code"] },
    "client-secret": { description: "An Azure app registration's client secret.", required: ["tenant_id", "client_id", "client_secret"] },
    certificate: { description: "An Azure app registration's certificate.", required: ["tenant_id", "client_id", "certificate_body", "private_key"] },
  },
  credentials: {
    tenant_id: string({ optional: true, description: "The Azure tenant (directory) ID, a UUID.", validators: [isUuid()] }),
    code: string({ optional: true, sensitive: true, description: "OAuth: the one-time authorization code; needed only to create." }),
    client_id: string({ optional: true, description: "Client secret and certificate: the application (client) ID, a UUID.", validators: [isUuid()] }),
    client_secret: string({ optional: true, sensitive: true, description: "Client secret: the client secret, 1–50 characters.", validators: [lengthBetween(1, 50)] }),
    certificate_body: string({ optional: true, sensitive: true, description: "Certificate: the certificate, PEM.", validators: [matches(PEM_PATTERN, PEM_RULE)] }),
    private_key: string({ optional: true, sensitive: true, description: "Certificate: the private key, PEM.", validators: [matches(PEM_PATTERN, PEM_RULE)] }),
  },
  supports: { gateway: false, platformManagedCredentials: false, rotationMethods: ["client-secret"] },
  // OAuth tokens are refreshed by the server, and a rotation replaces the client secret by itself.
  serverOwnsSecret: (s) => s.method === "oauth" || s.is_auto_rotation_enabled === true,
});

