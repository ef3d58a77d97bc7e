/** `infisical_app_connection_azure_key_vault`: OAuth, client secret or certificate; rotation for client secret. */
import { string } from "../../framework/schema";
import { isUuid, lengthBetween } from "../../framework/validators";
import { defineAppConnection } from "./define-app-connection";

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
    certificate_body: string({ optional: true, sensitive: true, description: "Certificate: the certificate, PEM." }),
    private_key: string({ optional: true, sensitive: true, description: "Certificate: the private key, PEM." }),
  },
  supports: { gateway: false, platformManagedCredentials: false, rotationMethods: ["client-secret"] },
  // OAuth tokens are refreshed by the server, and a rotation replaces the client secret by itself.
  serverOwnsSecret: (s) => s.method === "oauth" || s.is_auto_rotation_enabled === true,
});

