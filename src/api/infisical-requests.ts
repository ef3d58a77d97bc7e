/**
 * What Infisical's App Connections API accepts (notes/infisical-api.md). The emulator validates requests with
 * these, so its messages are the real server's. Not on the provider's path (see infisical.ts).
 */
import { z } from "zod";
import { DESCRIPTION_MAX, NAME_MAX, PEM_PATTERN, SLUG_PATTERN } from "./infisical-constants";

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
