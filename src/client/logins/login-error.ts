/**
 * A machine-identity login that failed: one sentence naming the method, the settings that chose it and the
 * server's (or the local) reason. Never carries the credential itself.
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
      `Infisical login with ${METHOD_SETTING[auth.kind]} (or INFISICAL_AUTH_METHOD=${auth.kind})${who}${org} failed: ${reason}`,
      "VB_LOGIN",
      { cause },
    );
  }
}
