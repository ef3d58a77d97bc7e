/**
 * OIDC, Kubernetes and AWS IAM logins of the emulated machine identities (DESIGN §3). Each checks its credential
 * (a JWT from the emulator's issuer, or a SigV4-signed GetCallerIdentity), then issues an access token scoped to
 * the organization `organizationSlug` names. Errors are the real server's: 404 for an identity without the
 * method, 401 `Access denied: …` for a refused credential, 404 for an unknown sub-organization.
 */
import { z } from "zod";
import type { Reply } from "../http";
import type { EmulatorStore } from "../store";
import type { UniversalAuth } from "./auth";
import { errors, toIssues, validationFailure } from "./errors";
import { JwtIssuer } from "./jwt-issuer";
import { organizationFor } from "./organizations";
import { checkGetCallerIdentity } from "./sigv4-check";

const base = z.object({ identityId: z.string().trim().min(1), organizationSlug: z.string().trim().min(1).optional() });
const jwtLogin = base.extend({ jwt: z.string().trim().min(1) });
const awsLogin = base.extend({
  iamHttpRequestMethod: z.string().min(1),
  iamRequestBody: z.string().min(1),
  iamRequestHeaders: z.string().min(1),
});

export class MachineLogins {
  constructor(
    private readonly store: EmulatorStore,
    private readonly tokens: UniversalAuth,
    private readonly jwts: JwtIssuer,
  ) {}

  oidc(body: unknown): Reply {
    return this.jwtLogin(body, "OIDC", this.store.identities.oidc);
  }

  kubernetes(body: unknown): Reply {
    return this.jwtLogin(body, "Kubernetes", this.store.identities.kubernetes);
  }

  async aws(body: unknown): Promise<Reply> {
    const request = parse(awsLogin, body);
    if (request.identityId !== this.store.identities.awsIam) throw errors.authMethodNotFound("AWS");
    await checkGetCallerIdentity(request, this.store.identities.aws);
    return this.tokens.issue(organizationFor(this.store, request.organizationSlug));
  }

  private jwtLogin(body: unknown, method: "OIDC" | "Kubernetes", identityId: string): Reply {
    const request = parse(jwtLogin, body);
    if (request.identityId !== identityId) throw errors.authMethodNotFound(method);
    const claims = this.jwts.verify(request.jwt);
    if (claims.sub !== JwtIssuer.subjectFor(identityId)) throw errors.accessDenied(`${method} subject not allowed.`);
    return this.tokens.issue(organizationFor(this.store, request.organizationSlug));
  }
}

function parse<T>(schema: z.ZodType<T>, body: unknown): T {
  const parsed = schema.safeParse(body ?? {});
  if (!parsed.success) throw validationFailure(toIssues(parsed.error.issues));
  return parsed.data;
}
