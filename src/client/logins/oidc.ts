/** OIDC Auth: a JWT from the CI platform's identity provider (GitHub Actions, GitLab `id_tokens`, …). */
import type { InfisicalAuth } from "./auth";
import { type LoginContext, postLogin } from "./post-login";

export function oidcLogin(ctx: LoginContext, auth: Extract<InfisicalAuth, { kind: "oidc" }>): Promise<string> {
  return postLogin(ctx, auth, "oidc-auth", { identityId: auth.identityId, jwt: auth.jwt });
}
