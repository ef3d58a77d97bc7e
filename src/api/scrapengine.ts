/**
 * Wire schemas of ScrapEngine's vault-integrations API (DESIGN §3), shared by client and emulator.
 */
import { z } from "zod";

import { VAULT_AUTH_METHODS, VAULT_TYPES } from "./scrapengine-constants";

export * from "./scrapengine-constants";

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

export const vaultIntegration = z.looseObject({
  id: z.string().min(1),
  name: z.string(),
  type: z.string(),
  address: z.string(),
  namespace: z.string().nullable().optional(),
  authMethod: z.string(),
  roleId: z.string(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type VaultIntegration = z.infer<typeof vaultIntegration>;

/** The documented list shape is `{ data: [...] }`; a bare array is tolerated. */
export const vaultIntegrationList = z.union([
  z.object({ data: z.array(vaultIntegration) }).transform((r) => r.data),
  z.array(vaultIntegration),
]);

export const errorBody = z.looseObject({
  statusCode: z.number().optional(),
  error: z.string().optional(),
  message: z.union([z.string(), z.array(z.string())]).optional(),
});
