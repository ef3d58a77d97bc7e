/**
 * How the Infisical client authenticates: a static token, or one of the machine-identity logins. Values only;
 * the provider builds them from configuration and environment, the login modules act on them. Every field that
 * is a secret (token, client secret, JWT, AWS keys) is held in memory only and never logged.
 */

/** The AWS variables an AWS IAM login reads: the caller's environment, not necessarily `process.env`. */
export interface AwsEnvironment {
  readonly AWS_ACCESS_KEY_ID?: string;
  readonly AWS_SECRET_ACCESS_KEY?: string;
  readonly AWS_SESSION_TOKEN?: string;
  readonly AWS_PROFILE?: string;
  readonly AWS_SHARED_CREDENTIALS_FILE?: string;
  readonly AWS_CONFIG_FILE?: string;
  readonly AWS_WEB_IDENTITY_TOKEN_FILE?: string;
  readonly AWS_ROLE_ARN?: string;
  readonly AWS_ROLE_SESSION_NAME?: string;
}

interface LoginBase {
  /** Log in to this sub-organization (sent as `organizationSlug`). */
  readonly organizationSlug?: string;
}

export type InfisicalAuth =
  | { readonly kind: "token"; readonly token: string }
  | (LoginBase & { readonly kind: "universal"; readonly clientId: string; readonly clientSecret: string })
  | (LoginBase & { readonly kind: "oidc"; readonly identityId: string; readonly jwt: string })
  | (LoginBase & {
      readonly kind: "kubernetes";
      readonly identityId: string;
      /** The service account token itself; when absent it is read from `tokenPath` at every login. */
      readonly token?: string;
      readonly tokenPath: string;
    })
  | (LoginBase & {
      readonly kind: "aws_iam";
      readonly identityId: string;
      /** The STS region the request is signed for. */
      readonly region: string;
      readonly aws: AwsEnvironment;
    });

export type AuthKind = InfisicalAuth["kind"];
export type LoginAuth = Exclude<InfisicalAuth, { kind: "token" }>;

/** The secrets an auth holds before any login (a file's token and the AWS chain's keys are added when read). */
export function knownSecrets(auth: InfisicalAuth): string[] {
  switch (auth.kind) {
    case "token":
      return [auth.token];
    case "universal":
      return [auth.clientSecret];
    case "oidc":
      return [auth.jwt];
    case "kubernetes":
      return auth.token === undefined ? [] : [auth.token];
    case "aws_iam":
      return [auth.aws.AWS_SECRET_ACCESS_KEY, auth.aws.AWS_SESSION_TOKEN].filter((s): s is string => s !== undefined);
  }
}
