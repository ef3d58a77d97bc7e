/**
 * Request validation for the App Connections routes, as the server does it (422 `ValidationFailure` with every issue
 * at once). The field schemas are the server's, from src/api/infisical-requests.ts; this module adds what depends on
 * the app: which optional features it refuses ("Not supported for <App> Connections") and the per-method credentials.
 */
import { z } from "zod";
import { METHODS_BY_APP, type AppSlug } from "../../api/infisical-constants";
import { connectionDescription, connectionName, rotationRequest, type RotationRequest } from "../../api/infisical-requests";
import { credentialsSchema } from "./credentials";
import { messages, toIssues, validationFailure, type Issue } from "./errors";

type Credentials = Record<string, unknown>;

/** The fields both create and update may carry, once validated (unknown keys are dropped). */
interface FeatureRequest {
  readonly isPlatformManagedCredentials?: boolean;
  readonly gatewayId?: string | null;
  readonly isAutoRotationEnabled?: boolean;
  readonly rotation?: RotationRequest | null;
}

type FeatureFields = { readonly [K in keyof FeatureRequest]-?: z.ZodType<FeatureRequest[K]> };

/**
 * The optional features, each accepted or refused with the app's "Not supported" message (accepted as `false`
 * only, or not at all).
 */
function featureFields(app: AppSlug): FeatureFields {
  const notSupported = messages.notSupported(app);
  const refused = z.undefined({ error: notSupported });
  const onlyFalse = z.literal(false, { error: notSupported }).optional();
  return {
    isPlatformManagedCredentials: app === "postgres" ? z.boolean().optional() : onlyFalse,
    // A UUID column, as on the real server: any spelling is accepted, stored and answered in lowercase.
    gatewayId: app === "postgres" ? z.uuid().transform((s) => s.toLowerCase()).nullable().optional() : refused,
    isAutoRotationEnabled: app === "azure-key-vault" ? z.boolean().optional() : onlyFalse,
    rotation: app === "azure-key-vault" ? rotationRequest.nullable().optional() : refused,
  };
}

function createEnvelope(app: AppSlug) {
  return z.object({
    name: connectionName,
    description: connectionDescription,
    projectId: z.string().trim().min(1).optional(),
    method: z.enum(METHODS_BY_APP[app]),
    credentials: z.unknown(),
    ...featureFields(app),
  });
}

function updateEnvelope(app: AppSlug) {
  return z.object({
    name: connectionName.optional(),
    description: connectionDescription,
    credentials: z.unknown().optional(),
    ...featureFields(app),
  });
}

export interface CreateRequest extends FeatureRequest {
  readonly name: string;
  readonly description?: string | null;
  readonly projectId?: string;
  readonly method: string;
  readonly credentials: Credentials;
}

/** `method` and `projectId` cannot change: they are not part of an update. `credentials` is still raw here. */
export interface UpdateRequest extends FeatureRequest {
  readonly name?: string;
  readonly description?: string | null;
  readonly credentials?: unknown;
}

export function parseCreateRequest(app: AppSlug, body: unknown): CreateRequest {
  const envelope = createEnvelope(app).safeParse(body);
  const issues: Issue[] = envelope.success ? [] : toIssues(envelope.error.issues);
  const method = envelope.success ? envelope.data.method : validMethod(app, body);
  let credentials: Credentials | undefined;
  if (method !== undefined) {
    const parsed = credentialsSchema(app, method).safeParse(field(body, "credentials"));
    if (parsed.success) credentials = parsed.data;
    else issues.push(...toIssues(parsed.error.issues, ["credentials"]));
  }
  issues.push(...rotationIssues(app, body));
  if (issues.length > 0 || !envelope.success || credentials === undefined) throw validationFailure(issues);
  return { ...envelope.data, credentials };
}

export function parseUpdateRequest(app: AppSlug, body: unknown): UpdateRequest {
  const envelope = updateEnvelope(app).safeParse(body ?? {});
  const issues: Issue[] = [...(envelope.success ? [] : toIssues(envelope.error.issues)), ...rotationIssues(app, body)];
  if (issues.length > 0 || !envelope.success) throw validationFailure(issues);
  return envelope.data;
}

/** Credentials of an update, validated against the connection's (unchangeable) method. */
export function parseCredentials(app: AppSlug, method: string, raw: unknown): Credentials {
  const parsed = credentialsSchema(app, method).safeParse(raw);
  if (!parsed.success) throw validationFailure(toIssues(parsed.error.issues, ["credentials"]));
  return parsed.data;
}

/** A path parameter that must be a UUID (the server validates params before anything else). */
export function parseConnectionId(raw: string): string {
  const parsed = z.uuid().safeParse(raw);
  if (!parsed.success) throw validationFailure(toIssues(parsed.error.issues, ["connectionId"]));
  return parsed.data;
}

export function parseProjectIdQuery(query: URLSearchParams): string | undefined {
  const parsed = z
    .string()
    .trim()
    .min(1)
    .optional()
    .safeParse(query.get("projectId") ?? undefined);
  if (!parsed.success) throw validationFailure(toIssues(parsed.error.issues, ["projectId"]));
  return parsed.data;
}

/**
 * Where rotation exists, `isAutoRotationEnabled: true` needs the schedule with it. Checked on the raw body so that
 * it joins the other issues.
 */
function rotationIssues(app: AppSlug, body: unknown): Issue[] {
  if (app !== "azure-key-vault" || field(body, "isAutoRotationEnabled") !== true) return [];
  const rotation = field(body, "rotation");
  if (rotation !== undefined && rotation !== null) return [];
  return [{ code: "custom", path: ["rotation"], message: messages.rotationDetailsRequired() }];
}

function validMethod(app: AppSlug, body: unknown): string | undefined {
  const method = field(body, "method");
  return typeof method === "string" && (METHODS_BY_APP[app] as readonly string[]).includes(method) ? method : undefined;
}

function field(body: unknown, key: string): unknown {
  return typeof body === "object" && body !== null ? (body as Record<string, unknown>)[key] : undefined;
}
