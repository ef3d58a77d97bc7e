/** What the infisical provider loads on first configure: its environment schema and the API client. */
import { z } from "zod";
import type { EnvLookup } from "./infisical-auth";

export { InfisicalClient } from "../client/infisical-client";

const variable = z.string().min(1).optional();

/** Every variable the provider reads by a fixed name (DESIGN §2); the OIDC token's variable is named by config. */
const env = z.object({
  INFISICAL_HOST: variable,
  INFISICAL_AUTH_METHOD: variable,
  INFISICAL_TOKEN: variable,
  INFISICAL_UNIVERSAL_AUTH_CLIENT_ID: variable,
  INFISICAL_UNIVERSAL_AUTH_CLIENT_SECRET: variable,
  INFISICAL_MACHINE_IDENTITY_ID: variable,
  INFISICAL_OIDC_AUTH_TOKEN_NAME: variable,
  INFISICAL_KUBERNETES_SERVICE_ACCOUNT_TOKEN_PATH: variable,
  INFISICAL_KUBERNETES_SERVICE_ACCOUNT_TOKEN: variable,
  INFISICAL_AUTH_ORGANIZATION_SLUG: variable,
  AWS_REGION: variable,
  AWS_DEFAULT_REGION: variable,
  AWS_ACCESS_KEY_ID: variable,
  AWS_SECRET_ACCESS_KEY: variable,
  AWS_SESSION_TOKEN: variable,
  AWS_PROFILE: variable,
  AWS_SHARED_CREDENTIALS_FILE: variable,
  AWS_CONFIG_FILE: variable,
  AWS_WEB_IDENTITY_TOKEN_FILE: variable,
  AWS_ROLE_ARN: variable,
  AWS_ROLE_SESSION_NAME: variable,
});
export type InfisicalEnv = z.infer<typeof env>;

/** The provider's environment variables; empty values count as unset. */
export function infisicalEnv(raw: NodeJS.ProcessEnv): InfisicalEnv {
  const known = Object.keys(env.shape);
  const vars = Object.fromEntries(Object.entries(raw).filter(([k, v]) => known.includes(k) && v !== ""));
  // Every member is an optional non-empty string and empties are dropped above: this cannot fail.
  return env.parse(vars);
}

/** Lookups by name: the fixed variables from the parsed schema, any other (the OIDC token's) from the raw env. */
export function envLookupOf(vars: InfisicalEnv, raw: NodeJS.ProcessEnv): EnvLookup {
  return (name) => {
    if (name in env.shape) return vars[name as keyof InfisicalEnv];
    const v = raw[name];
    return v === undefined || v === "" ? undefined : v;
  };
}
