/**
 * The emulator's OIDC / Kubernetes token issuer: RS256 JWTs signed with a key pair made on first use (node:crypto),
 * and their verification as Infisical's logins verify them, answering with the server's status and message class
 * (`Invalid JWT`, `Access denied: invalid signature`, `Access denied: jwt expired`).
 */
import { createPublicKey, generateKeyPairSync, type KeyObject, sign, verify } from "node:crypto";
import { errors } from "./errors";

export const EMULATOR_ISSUER = "vaultbridge-emulator";
const TOKEN_LIFETIME_SECONDS = 600;

export type Claims = Record<string, unknown>;

export class JwtIssuer {
  private privateKey: KeyObject | undefined;

  /** The subject a token minted for `identityId` carries; the logins of that identity accept only it. */
  static subjectFor(identityId: string): string {
    return `${EMULATOR_ISSUER}:${identityId}`;
  }

  /** A signed token for `identityId`; `claims` are merged over the defaults (e.g. a past `exp`). */
  mint(identityId: string, claims: Claims = {}): string {
    const now = Math.floor(Date.now() / 1000);
    const payload = { iss: EMULATOR_ISSUER, sub: JwtIssuer.subjectFor(identityId), aud: "infisical", iat: now, exp: now + TOKEN_LIFETIME_SECONDS, ...claims };
    const signingInput = `${part({ alg: "RS256", typ: "JWT", kid: "emulator" })}.${part(payload)}`;
    const signature = sign("sha256", Buffer.from(signingInput), this.key()).toString("base64url");
    return `${signingInput}.${signature}`;
  }

  /** The verified claims; throws the server's 401 for a malformed, forged or expired token. */
  verify(token: string): Claims {
    const [header, payload, signature, extra] = token.split(".");
    const decodedHeader = decode(header);
    const claims = decode(payload);
    if (extra !== undefined || signature === undefined || decodedHeader === undefined || claims === undefined) {
      throw errors.invalidJwt();
    }
    if (decodedHeader.alg !== "RS256") throw errors.accessDenied("invalid algorithm");
    const ok = verify("sha256", Buffer.from(`${header}.${payload}`), createPublicKey(this.key()), Buffer.from(signature, "base64url"));
    if (!ok) throw errors.accessDenied("invalid signature");
    const now = Date.now() / 1000;
    if (typeof claims.exp === "number" && now >= claims.exp) throw errors.accessDenied("jwt expired");
    if (typeof claims.nbf === "number" && now < claims.nbf) throw errors.accessDenied("jwt not active");
    return claims;
  }

  private key(): KeyObject {
    // Made on first use: a 2048-bit key costs tens of milliseconds, which an emulator start should not pay.
    this.privateKey ??= generateKeyPairSync("rsa", { modulusLength: 2048 }).privateKey;
    return this.privateKey;
  }
}

function part(value: unknown): string {
  return Buffer.from(JSON.stringify(value)).toString("base64url");
}

function decode(segment: string | undefined): Claims | undefined {
  if (segment === undefined || segment === "") return undefined;
  try {
    const value: unknown = JSON.parse(Buffer.from(segment, "base64url").toString("utf8"));
    return typeof value === "object" && value !== null && !Array.isArray(value) ? (value as Claims) : undefined;
  } catch {
    return undefined;
  }
}
