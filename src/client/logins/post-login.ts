/** The one login call every machine-identity method makes: POST its route, `organizationSlug` added when set. */
import { loginResponse } from "../../api/infisical";
import { ApiError } from "../errors";
import type { HttpClient } from "../http";
import type { LoginAuth } from "./auth";
import { LoginError } from "./login-error";

export interface LoginContext {
  /** Its redactor learns every secret a login reads or obtains, so no answer can echo one. */
  readonly http: HttpClient;
  readonly signal?: AbortSignal;
  /** The deadline of the operation that needs the login (epoch ms). */
  readonly deadline?: number;
}

export async function postLogin(
  ctx: LoginContext,
  auth: LoginAuth,
  route: string,
  body: Readonly<Record<string, string>>,
): Promise<string> {
  try {
    const res = await ctx.http.request({
      method: "POST",
      path: `api/v1/auth/${route}/login`,
      body: auth.organizationSlug ? { ...body, organizationSlug: auth.organizationSlug } : body,
      schema: loginResponse,
      // Repeating a login only hands out another token: retried like a read.
      idempotent: true,
      signal: ctx.signal,
      deadline: ctx.deadline,
    });
    ctx.http.redactor.add(res.accessToken);
    return res.accessToken;
  } catch (err) {
    // A refusal says which settings to check; a login that got no answer stays the network error it is.
    if (!(err instanceof ApiError)) throw err;
    throw new LoginError(auth, ctx.http.redactor.redact(err.message), err);
  }
}
