/**
 * Machine-identity Universal Auth: login with the configured client id/secret, renew, and the bearer check of every
 * App Connections call, which answers the organization the token is scoped to. Every login method issues its
 * tokens here. Tokens are random strings; only their SHA-256 is stored. Expiry answers as the server does: an
 * expired token on a call is 403 `TokenError`, on renew 401.
 */
import { createHash, randomBytes } from "node:crypto";
import type { IncomingHttpHeaders } from "node:http";
import { z } from "zod";
import { bearerToken, json, type Reply } from "../http";
import { sameSecret } from "../secrets";
import type { EmulatorStore } from "../store";
import { errors, toIssues, validationFailure } from "./errors";
import { organizationFor } from "./organizations";

export interface AuthSettings {
  readonly clientId: string;
  readonly clientSecret: string;
  /** 0 = tokens never expire. */
  readonly tokenTtlSeconds: number;
  readonly tokenMaxTtlSeconds: number;
}

const loginRequest = z.object({
  clientId: z.string().trim().min(1),
  clientSecret: z.string().trim().min(1),
  organizationSlug: z.string().trim().min(1).optional(),
});
const renewRequest = z.object({ accessToken: z.string().trim().min(1) });

export class UniversalAuth {
  constructor(
    private readonly store: EmulatorStore,
    private readonly settings: AuthSettings,
  ) {}

  login(body: unknown): Reply {
    const parsed = loginRequest.safeParse(body ?? {});
    if (!parsed.success) throw validationFailure(toIssues(parsed.error.issues));
    const { clientId, clientSecret, organizationSlug } = parsed.data;
    if (!sameSecret(clientId, this.settings.clientId) || !sameSecret(clientSecret, this.settings.clientSecret)) {
      throw errors.invalidCredentials();
    }
    return this.issue(organizationFor(this.store, organizationSlug));
  }

  /** A new access token scoped to `orgId`, answered as every login answers. */
  issue(orgId: string): Reply {
    const accessToken = `emu.${randomBytes(32).toString("hex")}`;
    const now = Date.now();
    const ttlMs = this.settings.tokenTtlSeconds * 1000;
    const maxExpiresAt = ttlMs > 0 ? now + this.settings.tokenMaxTtlSeconds * 1000 : null;
    const expiresAt = maxExpiresAt === null ? null : Math.min(now + ttlMs, maxExpiresAt);
    const scope = orgId === this.store.ids.orgId ? {} : { orgId };
    this.store.putToken({ tokenHash: tokenHash(accessToken), createdAt: now, expiresAt, maxExpiresAt, ...scope });
    return json(200, this.tokenResponse(accessToken));
  }

  renew(body: unknown): Reply {
    const parsed = renewRequest.safeParse(body ?? {});
    if (!parsed.success) throw validationFailure(toIssues(parsed.error.issues));
    const { accessToken } = parsed.data;
    const hash = tokenHash(accessToken);
    const token = this.store.token(hash);
    if (token === undefined) throw errors.invalidToken();
    const now = Date.now();
    if (token.maxExpiresAt !== null && now > token.maxExpiresAt) {
      this.store.deleteToken(hash);
      throw errors.renewMaxTtlExpired();
    }
    if (token.expiresAt !== null && now > token.expiresAt) {
      this.store.deleteToken(hash);
      throw errors.renewExpired();
    }
    const expiresAt =
      token.maxExpiresAt === null ? null : Math.min(now + this.settings.tokenTtlSeconds * 1000, token.maxExpiresAt);
    this.store.putToken({ ...token, expiresAt });
    return json(200, this.tokenResponse(accessToken));
  }

  /** The organization the request's live access token is scoped to; throws the server's 401/403 otherwise. */
  authenticate(headers: IncomingHttpHeaders): string {
    const accessToken = bearerToken(headers.authorization);
    if (accessToken === undefined) throw errors.tokenMissing();
    const token = this.store.token(tokenHash(accessToken));
    if (token === undefined) throw errors.invalidToken();
    if (token.expiresAt !== null && Date.now() > token.expiresAt) throw errors.tokenExpired();
    return token.orgId ?? this.store.ids.orgId;
  }

  private tokenResponse(accessToken: string) {
    return {
      accessToken,
      expiresIn: this.settings.tokenTtlSeconds,
      accessTokenMaxTTL: this.settings.tokenTtlSeconds > 0 ? this.settings.tokenMaxTtlSeconds : 0,
      tokenType: "Bearer",
    };
  }
}

function tokenHash(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}
