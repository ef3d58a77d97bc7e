/**
 * Wire schemas of Infisical's App Connections API (notes/infisical-api.md): the answers, which the client checks
 * and the emulator gives. What the server accepts is in infisical-requests.ts, apart: the provider builds these
 * schemas in its ConfigureProvider, and the request ones, which only the emulator uses, cost 4 ms more there
 * (measured, with zod already loaded).
 */
import { z } from "zod";
import type { RotationRequest } from "./infisical-requests";

export * from "./infisical-constants";

// ---------------------------------------------------------------------------------------------------------------
// Responses (what the client accepts). Lenient about extra keys, strict about the fields we use.

const isoDate = z.string().min(1);

export const rotationResponse = z.object({
  rotationInterval: z.number(),
  rotateAtUtc: z.object({ hours: z.number(), minutes: z.number() }),
  rotationStatus: z.string().nullable().optional(),
  lastRotationMessage: z.string().nullable().optional(),
  nextRotationAt: z.string().nullable().optional(),
});

export const appConnection = z.looseObject({
  id: z.string().min(1),
  name: z.string(),
  description: z.string().nullable().optional(),
  version: z.number().optional(),
  orgId: z.string(),
  createdAt: isoDate,
  updatedAt: isoDate,
  app: z.string(),
  method: z.string(),
  credentials: z.record(z.string(), z.unknown()),
  isPlatformManagedCredentials: z.boolean().nullable().optional(),
  gatewayId: z.string().nullable().optional(),
  projectId: z.string().nullable().optional(),
  credentialsHash: z.string().nullable().optional(),
  isAutoRotationEnabled: z.boolean().nullable().optional(),
  rotation: rotationResponse.nullable().optional(),
  project: z
    .object({ name: z.string(), id: z.string(), type: z.string().optional(), slug: z.string().optional() })
    .nullable()
    .optional(),
});
export type AppConnection = z.infer<typeof appConnection>;

export const appConnectionEnvelope = z.object({ appConnection });
export const appConnectionList = z.object({ appConnections: z.array(appConnection) });

export const loginResponse = z.object({
  accessToken: z.string().min(1),
  expiresIn: z.number(),
  accessTokenMaxTTL: z.number().optional(),
  tokenType: z.string().optional(),
});

/** `{ reqId, statusCode, message, error, details? }`; `message` is an issue array on 422. */
export const errorBody = z.looseObject({
  reqId: z.string().optional(),
  statusCode: z.number().optional(),
  error: z.string().optional(),
  message: z.union([
    z.string(),
    z.array(z.looseObject({ message: z.string().optional(), path: z.array(z.union([z.string(), z.number()])).optional() })),
  ]).optional(),
  details: z.unknown().optional(),
});
export type ErrorBody = z.infer<typeof errorBody>;

/** Request bodies the client sends (keys camelCase, as the server reads them). */
export interface CreateConnectionBody {
  name: string;
  description?: string | null;
  projectId?: string;
  method: string;
  credentials: Record<string, unknown>;
  isPlatformManagedCredentials?: boolean;
  gatewayId?: string | null;
  isAutoRotationEnabled?: boolean;
  rotation?: RotationRequest;
}
export type UpdateConnectionBody = Partial<Omit<CreateConnectionBody, "method" | "projectId">>;
