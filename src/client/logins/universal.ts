/** Universal Auth: the machine identity's client id and secret. */
import type { InfisicalAuth } from "./auth";
import { type LoginContext, postLogin } from "./post-login";

export function universalLogin(ctx: LoginContext, auth: Extract<InfisicalAuth, { kind: "universal" }>): Promise<string> {
  return postLogin(ctx, auth, "universal-auth", { clientId: auth.clientId, clientSecret: auth.clientSecret });
}
