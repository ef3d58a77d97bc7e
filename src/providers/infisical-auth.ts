/**
 * Which login the infisical provider uses, from its `auth` block and the environment (DESIGN §2): exactly one
 * method, chosen by the block (config beats env), else by INFISICAL_AUTH_METHOD, else by which credential
 * variables are set; each piece from its attribute, else its variable. Every missing or contradictory piece is
 * one diagnostic naming the attribute and the variable. Secrets are never echoed.
 */
import { readFileSync } from "node:fs";
import type { AuthKind, AwsEnvironment, InfisicalAuth } from "../client/logins/auth";
import type { Diagnostics } from "../framework/diagnostics";
import { AttributePath } from "../framework/path";
import { type ObjectValue, type Value, attr, isObject, isUnknown } from "../framework/value";
import { AUTH_SUMMARY, authMessages as msg, MISSING_AUTH_SUMMARY } from "./infisical-auth-messages";

export const AUTH_METHODS: readonly AuthKind[] = ["token", "universal", "oidc", "kubernetes", "aws_iam"];
export const DEFAULT_OIDC_TOKEN_VARIABLE = "INFISICAL_AUTH_JWT";
export const DEFAULT_SERVICE_ACCOUNT_TOKEN_PATH = "/var/run/secrets/kubernetes.io/serviceaccount/token";
const DEFAULT_AWS_REGION = "us-east-1";

const AUTH = AttributePath.root("auth");

/** The environment as the resolver reads it: any variable by name, empty values count as unset. */
export type EnvLookup = (name: string) => string | undefined;

/** Config-only rules (validate time): two methods in the block. Unknown values are left to configure. */
export function validateAuthConfig(config: ObjectValue, diags: Diagnostics): void {
  const auth = attr(config, "auth");
  if (!isObject(auth)) return;
  methodsIn(auth, diags);
}

/** The methods the block sets; more than one is reported. Unknown members count as set. */
function methodsIn(auth: ObjectValue, diags: Diagnostics): AuthKind[] {
  const set = AUTH_METHODS.filter((m) => attr(auth, m) !== null);
  if (set.length > 1) {
    diags.error(AUTH_SUMMARY, msg.severalMethods(set.map((m) => `auth.${m}`)), AUTH);
  }
  return set;
}

/** The auth to log in with, or null after reporting why there is none. Config must be wholly known. */
export function resolveAuth(config: ObjectValue, env: EnvLookup, diags: Diagnostics): InfisicalAuth | null {
  const block = attr(config, "auth");
  const auth: ObjectValue = isObject(block) ? block : {};
  const method = chooseMethod(auth, env, diags);
  if (method === null) return null;
  const fields = new Fields(auth, method, env, diags);
  const slug = fields.get("organization_slug", "INFISICAL_AUTH_ORGANIZATION_SLUG", auth);
  const login = slug === undefined ? {} : { organizationSlug: slug };
  let resolved: InfisicalAuth | null = null;
  switch (method) {
    case "token": {
      const token = typeof attr(auth, "token") === "string" ? (attr(auth, "token") as string) : env("INFISICAL_TOKEN");
      if (token === undefined) fields.missing("auth.token", "INFISICAL_TOKEN", "the access token");
      if (slug !== undefined) {
        diags.error(AUTH_SUMMARY, msg.slugWithToken(), AUTH);
      }
      if (token !== undefined) resolved = { kind: "token", token };
      break;
    }
    case "universal": {
      const clientId = fields.required("client_id", "INFISICAL_UNIVERSAL_AUTH_CLIENT_ID", "the client ID");
      const clientSecret = fields.required("client_secret", "INFISICAL_UNIVERSAL_AUTH_CLIENT_SECRET", "the client secret");
      if (clientId !== undefined && clientSecret !== undefined) resolved = { kind: "universal", clientId, clientSecret, ...login };
      break;
    }
    case "oidc": {
      const identityId = fields.required("identity_id", "INFISICAL_MACHINE_IDENTITY_ID", "the machine identity ID");
      const variable = fields.get("token_environment_variable_name", "INFISICAL_OIDC_AUTH_TOKEN_NAME") ?? DEFAULT_OIDC_TOKEN_VARIABLE;
      const jwt = env(variable);
      if (jwt === undefined) {
        diags.error(AUTH_SUMMARY, msg.noJwt(variable, DEFAULT_OIDC_TOKEN_VARIABLE), AUTH);
      }
      if (identityId !== undefined && jwt !== undefined) resolved = { kind: "oidc", identityId, jwt, ...login };
      break;
    }
    case "kubernetes": {
      const identityId = fields.required("identity_id", "INFISICAL_MACHINE_IDENTITY_ID", "the machine identity ID");
      const token = fields.get("service_account_token", "INFISICAL_KUBERNETES_SERVICE_ACCOUNT_TOKEN");
      const tokenPath = fields.get("service_account_token_path", "INFISICAL_KUBERNETES_SERVICE_ACCOUNT_TOKEN_PATH") ?? DEFAULT_SERVICE_ACCOUNT_TOKEN_PATH;
      const readable = token !== undefined || tokenFileProblem(tokenPath, diags) === null;
      if (identityId !== undefined && readable) {
        resolved = { kind: "kubernetes", identityId, tokenPath, ...(token === undefined ? {} : { token }), ...login };
      }
      break;
    }
    case "aws_iam": {
      const identityId = fields.required("identity_id", "INFISICAL_MACHINE_IDENTITY_ID", "the machine identity ID");
      const region = env("AWS_REGION") ?? env("AWS_DEFAULT_REGION") ?? DEFAULT_AWS_REGION;
      if (identityId !== undefined) resolved = { kind: "aws_iam", identityId, region, aws: awsEnvironment(env), ...login };
      break;
    }
  }
  return diags.hasError() ? null : resolved;
}

function chooseMethod(auth: ObjectValue, env: EnvLookup, diags: Diagnostics): AuthKind | null {
  const set = methodsIn(auth, diags);
  if (set.length > 1) return null;
  if (set.length === 1) return set[0];
  const chosen = env("INFISICAL_AUTH_METHOD");
  if (chosen !== undefined) {
    const method = AUTH_METHODS.find((m) => m === chosen);
    if (method === undefined) {
      diags.error(AUTH_SUMMARY, msg.unknownMethod(chosen, AUTH_METHODS), AUTH);
      return null;
    }
    return method;
  }
  const token = env("INFISICAL_TOKEN") !== undefined;
  const universal = env("INFISICAL_UNIVERSAL_AUTH_CLIENT_ID") !== undefined || env("INFISICAL_UNIVERSAL_AUTH_CLIENT_SECRET") !== undefined;
  if (token && universal) {
    diags.error(AUTH_SUMMARY, msg.tokenAndUniversalInEnv(), AUTH);
    return null;
  }
  if (token) return "token";
  if (universal) return "universal";
  diags.error(MISSING_AUTH_SUMMARY, msg.none(), AUTH);
  return null;
}

/** One method's attributes: `auth.<method>.<name>` from the block, else the variable. */
class Fields {
  constructor(
    private readonly auth: ObjectValue,
    private readonly method: AuthKind,
    private readonly env: EnvLookup,
    private readonly diags: Diagnostics,
  ) {}

  get(name: string, variable: string, from: Value = attr(this.auth, this.method)): string | undefined {
    const v = isObject(from) ? attr(from, name) : null;
    if (typeof v === "string" && v !== "") return v;
    return isUnknown(v) ? undefined : this.env(variable);
  }

  required(name: string, variable: string, what: string): string | undefined {
    const v = this.get(name, variable);
    if (v === undefined) this.missing(`auth.${this.method}.${name}`, variable, what);
    return v;
  }

  missing(attribute: string, variable: string, what: string): void {
    this.diags.error(AUTH_SUMMARY, msg.missing(this.method, what, attribute, variable), AUTH);
  }
}

/** Checked at configure so a missing file is a plan-time error; the login reads it again (tokens rotate). */
function tokenFileProblem(path: string, diags: Diagnostics): string | null {
  let problem: string | null = null;
  try {
    if (readFileSync(path, "utf8").trim() === "") problem = "is empty";
  } catch (err) {
    problem = `cannot be read (${(err as NodeJS.ErrnoException).code ?? "error"})`;
  }
  if (problem !== null) {
    diags.error(AUTH_SUMMARY, msg.tokenFile(path, problem, DEFAULT_SERVICE_ACCOUNT_TOKEN_PATH), AUTH);
  }
  return problem;
}

const AWS_VARIABLES = [
  "AWS_ACCESS_KEY_ID",
  "AWS_SECRET_ACCESS_KEY",
  "AWS_SESSION_TOKEN",
  "AWS_PROFILE",
  "AWS_SHARED_CREDENTIALS_FILE",
  "AWS_CONFIG_FILE",
  "AWS_WEB_IDENTITY_TOKEN_FILE",
  "AWS_ROLE_ARN",
  "AWS_ROLE_SESSION_NAME",
] as const satisfies readonly (keyof AwsEnvironment)[];

function awsEnvironment(env: EnvLookup): AwsEnvironment {
  const out: { -readonly [K in keyof AwsEnvironment]: string } = {};
  for (const name of AWS_VARIABLES) {
    const v = env(name);
    if (v !== undefined) out[name] = v;
  }
  return out;
}
