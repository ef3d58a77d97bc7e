/**
 * Wire schemas of ScrapEngine's vault-integrations API (DESIGN §3): the answers, which the client checks and the
 * emulator gives. What the server accepts is in scrapengine-requests.ts, apart, off the provider's path (as
 * for Infisical, api/infisical.ts).
 */
import { z } from "zod";

export * from "./scrapengine-constants";
export type { CreateVaultIntegrationBody } from "./scrapengine-requests";

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
