/**
 * What ScrapEngine's vault-integrations API accepts (DESIGN §3); the emulator validates requests with these.
 */
import { z } from "zod";

import { VAULT_AUTH_METHODS, VAULT_TYPES } from "./scrapengine-constants";

export const createVaultIntegrationRequest = z.object({
  name: z.string().trim().min(1, "name must not be empty"),
  type: z.enum(VAULT_TYPES).optional(),
  address: z.url({ protocol: /^https?$/, error: "address must be an http(s) URL" }),
  namespace: z.string().nullable().optional(),
  authMethod: z.enum(VAULT_AUTH_METHODS).optional(),
  roleId: z.string().trim().min(1, "roleId must not be empty"),
  secretId: z.string().min(1, "secretId must not be empty"),
});
export type CreateVaultIntegrationBody = z.infer<typeof createVaultIntegrationRequest>;

export const rotateSecretRequest = z.object({
  secretId: z.string({ error: "secretId is required" }).min(1, "secretId must not be empty"),
});
