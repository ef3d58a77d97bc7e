/**
 * A machine-identity login that failed: the server's (or the local) reason first, as every API error reads, then
 * the method and the settings that chose it. Never carries the credential itself. Not an ambiguous failure: no
 * write was sent.
 */
import { VaultbridgeError } from "../../framework/vaultbridge-error";
import type { LoginAuth } from "./auth";

const METHOD_SETTING: Readonly<Record<LoginAuth["kind"], string>> = {
  universal: "auth.universal",
  oidc: "auth.oidc",
  kubernetes: "auth.kubernetes",
  aws_iam: "auth.aws_iam",
};

export class LoginError extends VaultbridgeError {
  constructor(auth: LoginAuth, reason: string, cause?: unknown) {
    const org = auth.organizationSlug
      ? ` to organization "${auth.organizationSlug}" (auth.organization_slug or INFISICAL_AUTH_ORGANIZATION_SLUG)`
      : "";
    const who = "identityId" in auth ? ` as machine identity ${auth.identityId}` : "";
    super(
      `${reason.replace(/\.$/, "")} (logging in with ${METHOD_SETTING[auth.kind]} or INFISICAL_AUTH_METHOD=${auth.kind}${who}${org})`,
      "VB_LOGIN",
      { cause },
    );
  }
}
