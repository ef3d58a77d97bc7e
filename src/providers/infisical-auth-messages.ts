/**
 * Every message the infisical provider's authentication settings are refused with: what is wrong, with the
 * attribute and the environment variable to set, and what is allowed. Named factories, none inlined; none quotes
 * a credential.
 */
export const AUTH_SUMMARY = "Invalid Provider Authentication";
export const MISSING_AUTH_SUMMARY = "Missing Provider Authentication";
export const HOST_SUMMARY = "Invalid Provider Host";

const HELP =
  "Set exactly one of auth.token, auth.universal, auth.oidc, auth.kubernetes or auth.aws_iam; or, from the environment, INFISICAL_TOKEN, or INFISICAL_UNIVERSAL_AUTH_CLIENT_ID and INFISICAL_UNIVERSAL_AUTH_CLIENT_SECRET, or INFISICAL_AUTH_METHOD (token|universal|oidc|kubernetes|aws_iam) with INFISICAL_MACHINE_IDENTITY_ID and the method's variables.";

export const authMessages = {
  severalMethods: (attributes: readonly string[]) =>
    `${attributes.join(" and ")} are ${attributes.length === 2 ? "both" : "all"} set; use exactly one method. ${HELP}`,
  unknownMethod: (chosen: string, methods: readonly string[]) =>
    `INFISICAL_AUTH_METHOD is "${chosen}", which is not a method; it must be one of: ${methods.join(", ")}. Or set the method in the provider's auth block (auth.token, auth.universal, auth.oidc, auth.kubernetes, auth.aws_iam), which takes precedence.`,
  tokenAndUniversalInEnv: () =>
    `INFISICAL_TOKEN and INFISICAL_UNIVERSAL_AUTH_* are both set in the environment; unset one, or choose with INFISICAL_AUTH_METHOD. ${HELP}`,
  none: () => `No authentication is configured. ${HELP}`,
  missing: (method: string, what: string, attribute: string, variable: string) =>
    `The ${method} login needs ${what}: set ${attribute} or the environment variable ${variable}.`,
  slugWithToken: () =>
    "auth.organization_slug (or INFISICAL_AUTH_ORGANIZATION_SLUG) is set, but a token is already scoped to its organization and is never exchanged; drop the slug, or log in with a machine identity method instead.",
  noJwt: (variable: string, defaultVariable: string) =>
    `auth.oidc needs the CI platform's OIDC token (a JWT) in the environment variable ${variable}, which is not set or empty. Set ${variable}, or name the variable that holds the token with auth.oidc.token_environment_variable_name or INFISICAL_OIDC_AUTH_TOKEN_NAME (default ${defaultVariable}).`,
  tokenFile: (path: string, problem: string, defaultPath: string) =>
    `auth.kubernetes reads the service account token from ${path}, which ${problem}. Set auth.kubernetes.service_account_token_path or INFISICAL_KUBERNETES_SERVICE_ACCOUNT_TOKEN_PATH to the token file (default ${defaultPath}), or give the token itself in auth.kubernetes.service_account_token or INFISICAL_KUBERNETES_SERVICE_ACCOUNT_TOKEN.`,
  hostFromEnv: (example: string) =>
    `INFISICAL_HOST must be an http:// or https:// URL with a host, such as ${example}. Set it with its scheme, or set host in the provider block.`,
} as const;
