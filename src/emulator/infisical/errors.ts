/**
 * Infisical's error replies, `{ reqId, statusCode, message, error }`, and every message the emulator answers with,
 * worded as the real server words them (notes/infisical-api.md). One factory per message; nothing is inlined.
 */
import { randomBytes } from "node:crypto";
import type { z } from "zod";
import { APP_DISPLAY_NAMES, type AppSlug } from "../../api/infisical";
import { ReplyError, type Reply } from "../http";

/** A 422 issue as the server lists it. Never the input value: it may be a secret. */
export interface Issue {
  readonly code: string;
  readonly path: readonly PropertyKey[];
  readonly message: string;
}

const ERROR_NAMES: Readonly<Record<number, string>> = {
  400: "BadRequest",
  401: "UnauthorizedError",
  403: "PermissionDenied",
  404: "NotFound",
  413: "PayloadTooLarge",
  422: "ValidationFailure",
  429: "RateLimitExceeded",
  500: "InternalServerError",
  502: "BadGateway",
  503: "ServiceUnavailable",
  504: "GatewayTimeout",
};

export function errorName(status: number): string {
  return ERROR_NAMES[status] ?? (status >= 500 ? "InternalServerError" : "BadRequest");
}

export function infisicalErrorReply(
  status: number,
  message: string | readonly Issue[],
  error = errorName(status),
  headers?: Readonly<Record<string, string>>,
): Reply {
  const body = { reqId: `req-${randomBytes(8).toString("hex")}`, statusCode: status, message, error };
  return headers === undefined ? { status, body } : { status, body, headers };
}

function fail(status: number, message: string | readonly Issue[], error?: string): ReplyError {
  return new ReplyError(infisicalErrorReply(status, message, error));
}

/** Zod issues reduced to `{code, path, message}`, optionally under a path prefix. */
export function toIssues(issues: readonly z.core.$ZodIssue[], prefix: readonly PropertyKey[] = []): Issue[] {
  return issues.map((i) => ({ code: i.code, path: [...prefix, ...i.path], message: i.message }));
}

export const validationFailure = (issues: readonly Issue[]): ReplyError => fail(422, issues);

export const badRequest = (message: string): ReplyError => fail(400, message);

export const messages = {
  notSupported: (app: AppSlug) => `Not supported for ${APP_DISPLAY_NAMES[app]} Connections`,
  rotationDetailsRequired: () => "Rotation details is required when auto rotation is enabled",
  rotationOnlyForClientSecret: () => "Credential rotation is only supported for Client Secret auth method",
  duplicateName: (name: string) => `An App Connection with the name "${name}" already exists`,
  wrongApp: (id: string, app: AppSlug) => `App Connection with ID ${id} is not for App "${app}"`,
  connectionNotFound: (id: string) => `Could not find App Connection with ID ${id}`,
  connectionNameNotFound: (name: string, scope: "organization" | "project") =>
    `Could not find App Connection with name ${name} in ${scope} scope.`,
  projectNotFound: (id: string) => `Could not find project with ID ${id}`,
  gatewayNotFound: (id: string) => `Gateway with ID ${id} not found`,
  platformManagedLocked: () => "Cannot update credentials or management status for platform managed connections",
  platformManagedNeedsCredentials: () => "Credentials required to transition to platform managed credentials",
  tokenMissing: () => "Token missing",
  invalidCredentials: () => "Invalid credentials",
  invalidToken: () => "Invalid access token",
  tokenExpired: () => "Your token has expired. Please re-authenticate.",
  renewExpired: () => "Failed to renew MI access token due to TTL expiration",
  renewMaxTtlExpired: () => "Failed to renew MI access token due to Max TTL expiration",
  routeNotFound: (method: string, path: string) => `Route ${method}:${path} not found`,
  subOrganizationNotFound: (slug: string) => `Sub organization with name ${slug} not found`,
  authMethodNotFound: (method: "OIDC" | "Kubernetes" | "AWS") =>
    `${method} auth method not found for identity, did you configure ${method} auth?`,
  invalidJwt: () => "Invalid JWT",
  accessDenied: (reason: string) => `Access denied: ${reason}`,
  invalidAwsRegion: () => "Invalid AWS region",
  remoteCheckFailed: {
    heroku: () => "Failed to validate credentials: Invalid credentials provided.",
    azureOAuth: () =>
      "Failed to get access token: AADSTS70000: The provided authorization code is invalid or has expired.",
    azureClientSecret: () =>
      "Failed to get access token: AADSTS7000215: Invalid client secret provided. Ensure the secret being sent in the request is the client secret value, not the client secret ID.",
    azureCertificate: () =>
      "Failed to get access token: AADSTS700027: The certificate with identifier used to sign the client assertion is not registered on application.",
    postgres: (detail: string) => `Unable to validate connection: ${detail}`,
  },
} as const;

export const errors = {
  connectionNotFound: (id: string) => fail(404, messages.connectionNotFound(id)),
  connectionNameNotFound: (name: string, scope: "organization" | "project") =>
    fail(404, messages.connectionNameNotFound(name, scope)),
  projectNotFound: (id: string) => fail(404, messages.projectNotFound(id)),
  gatewayNotFound: (id: string) => fail(404, messages.gatewayNotFound(id)),
  wrongApp: (id: string, app: AppSlug) => badRequest(messages.wrongApp(id, app)),
  duplicateName: (name: string) => badRequest(messages.duplicateName(name)),
  tokenMissing: () => fail(401, messages.tokenMissing()),
  invalidCredentials: () => fail(401, messages.invalidCredentials()),
  invalidToken: () => fail(401, messages.invalidToken()),
  tokenExpired: () => fail(403, messages.tokenExpired(), "TokenError"),
  renewExpired: () => fail(401, messages.renewExpired()),
  renewMaxTtlExpired: () => fail(401, messages.renewMaxTtlExpired()),
  subOrganizationNotFound: (slug: string) => fail(404, messages.subOrganizationNotFound(slug)),
  authMethodNotFound: (method: "OIDC" | "Kubernetes" | "AWS") => fail(404, messages.authMethodNotFound(method)),
  invalidJwt: () => fail(401, messages.invalidJwt()),
  accessDenied: (reason: string) => fail(401, messages.accessDenied(reason)),
  invalidAwsRegion: () => badRequest(messages.invalidAwsRegion()),
} as const;
