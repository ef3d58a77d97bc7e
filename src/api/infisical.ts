/**
 * Wire schemas of Infisical's App Connections API (notes/infisical-api.md), shared by the client (to check every
 * response) and the emulator (to validate requests exactly as the real server does, messages included).
 */
import { z } from "zod";
import { DESCRIPTION_MAX, NAME_MAX, PEM_PATTERN, SLUG_PATTERN } from "./infisical-constants";

export * from "./infisical-constants";

// ---------------------------------------------------------------------------------------------------------------
// Requests (what the server accepts). The emulator validates with these; their messages are the server's.

export const connectionName = z
  .string()
  .trim()
  .min(1, "name field must be at least 1 lowercase character")
  .max(NAME_MAX, "name field must be at most 64 lowercase characters")
  .refine((s) => SLUG_PATTERN.test(s), "name field can only contain lowercase letters, numbers, and hyphens");

export const connectionDescription = z
  .string()
  .trim()
  .max(DESCRIPTION_MAX, "Description cannot exceed 256 characters")
  .nullable()
  .optional();

export const rotationRequest = z.object({
  rotationInterval: z.number().int().min(1).max(365),
  rotateAtUtc: z.object({
    hours: z.number().int().min(0).max(23),
    minutes: z.number().int().min(0).max(59),
  }),
});
export type RotationRequest = z.infer<typeof rotationRequest>;

const nonEmpty = z.string().trim().min(1);
const pem = (label: string) =>
  z.string().trim().refine((s) => PEM_PATTERN.test(s), `${label} must be in PEM format`);

export const credentialsByMethod = {
  "azure-key-vault": {
    oauth: z.object({ code: nonEmpty, tenantId: z.string().trim().optional() }),
    "client-secret": z.object({
      clientId: z.uuid(),
      clientSecret: z.string().trim().min(1).max(50),
      tenantId: z.uuid(),
    }),
    certificate: z.object({
      clientId: z.uuid(),
      tenantId: z.uuid(),
      certificateBody: pem("Certificate body"),
      privateKey: pem("Private key"),
    }),
  },
  postgres: {
    "username-and-password": z.object({
      host: nonEmpty,
      port: z.coerce.number().int().min(1).max(65535),
      database: nonEmpty,
      username: nonEmpty,
      password: nonEmpty,
      sslEnabled: z.boolean(),
      sslRejectUnauthorized: z.boolean(),
      sslCertificate: z.string().trim().optional(),
    }),
  },
  heroku: {
    "auth-token": z.object({
      authToken: z.string().trim().refine((s) => s.startsWith("HRKU-"), "Token must start with 'HRKU-"),
    }),
    oauth: z.object({ code: nonEmpty }),
  },
} as const;

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
