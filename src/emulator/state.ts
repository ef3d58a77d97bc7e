/**
 * The emulator's durable state: what `--data` persists and what survives a restart. The file is parsed with these
 * schemas on start, so a hand-edited or truncated file is refused with the offending field named.
 * Secrets are never kept: a connection stores only its redacted credentials (the hash stands for the secret), a
 * vault integration no secretId at all, and an access token only its SHA-256.
 */
import { randomBytes, randomUUID } from "node:crypto";
import { z } from "zod";
import { APP_SLUGS } from "../api/infisical";

const isoTimestamp = z.string().min(1);

export const storedRotation = z.object({
  rotationInterval: z.number().int(),
  rotateAtUtc: z.object({ hours: z.number().int(), minutes: z.number().int() }),
  /** When the schedule was (re)set or the credential last rotated: `nextRotationAt` counts from here. */
  lastRotatedAt: isoTimestamp,
});
export type StoredRotation = z.infer<typeof storedRotation>;

export const storedConnection = z.object({
  id: z.string().min(1),
  name: z.string().min(1),
  description: z.string().nullable(),
  app: z.enum(APP_SLUGS),
  method: z.string().min(1),
  /** Only the fields the API returns (see `redactCredentials`). */
  credentials: z.record(z.string(), z.unknown()),
  credentialsHash: z.string().min(1),
  isPlatformManagedCredentials: z.boolean(),
  gatewayId: z.string().nullable(),
  projectId: z.string().nullable(),
  /** The organization it belongs to; absent = the root organization (files written before sub-organizations). */
  orgId: z.string().optional(),
  isAutoRotationEnabled: z.boolean(),
  rotation: storedRotation.nullable(),
  createdAt: isoTimestamp,
  updatedAt: isoTimestamp,
});
export type StoredConnection = z.infer<typeof storedConnection>;

export const storedIntegration = z.object({
  id: z.string().min(1),
  name: z.string().min(1),
  type: z.string(),
  address: z.string(),
  namespace: z.string().nullable(),
  authMethod: z.string(),
  roleId: z.string(),
  createdAt: isoTimestamp,
  updatedAt: isoTimestamp,
});
export type StoredIntegration = z.infer<typeof storedIntegration>;

export const storedToken = z.object({
  /** SHA-256 (hex) of the access token: the token itself is never written down. */
  tokenHash: z.string().min(1),
  createdAt: z.number(),
  /** Epoch milliseconds; null = never expires. */
  expiresAt: z.number().nullable(),
  /** Epoch milliseconds past which renewals are refused; null = unbounded. */
  maxExpiresAt: z.number().nullable(),
  /** The organization the token is scoped to; absent = the root organization. */
  orgId: z.string().optional(),
});
export type StoredToken = z.infer<typeof storedToken>;

/** The machine identities of every login method, the AWS key pair the AWS IAM login accepts, the sub-organization. */
export const machineIdentities = z.object({
  oidc: z.uuid(),
  kubernetes: z.uuid(),
  awsIam: z.uuid(),
  aws: z.object({ accessKeyId: z.string().min(1), secretAccessKey: z.string().min(1) }),
  subOrganization: z.object({ slug: z.string().min(1), id: z.uuid() }),
});
export type MachineIdentities = z.infer<typeof machineIdentities>;

export const emulatorIds = z.object({
  orgId: z.uuid(),
  projectId: z.uuid(),
  gatewayId: z.uuid(),
  /** Absent in files written before the other login methods; filled in on open. */
  identities: machineIdentities.optional(),
});
export type EmulatorIds = z.infer<typeof emulatorIds>;

export const persistedState = z.object({
  version: z.literal(1),
  ids: emulatorIds,
  connections: z.array(storedConnection),
  integrations: z.array(storedIntegration),
  tokens: z.array(storedToken),
});
export type PersistedState = z.infer<typeof persistedState>;

export function freshIds(): EmulatorIds & { identities: MachineIdentities } {
  return { orgId: randomUUID(), projectId: randomUUID(), gatewayId: randomUUID(), identities: freshIdentities() };
}

export function freshIdentities(): MachineIdentities {
  return {
    oidc: randomUUID(),
    kubernetes: randomUUID(),
    awsIam: randomUUID(),
    // The shapes AWS uses: a 20-character key id starting AKIA, a 40-character secret.
    aws: {
      accessKeyId: `AKIA${randomBytes(8).toString("hex").toUpperCase()}`,
      secretAccessKey: randomBytes(30).toString("base64"),
    },
    subOrganization: { slug: "emulator-sub-org", id: randomUUID() },
  };
}

export function emptyState(ids: EmulatorIds): PersistedState {
  return { version: 1, ids, connections: [], integrations: [], tokens: [] };
}
