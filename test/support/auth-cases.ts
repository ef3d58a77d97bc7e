/**
 * The provider's login methods as test cases, for terraform and the engine alike: each gives the `auth` block of
 * the provider configuration (Terraform JSON) and the environment that goes with it, against a TestEmulator.
 * AWS cases never reach the EC2 metadata address: AWS_EC2_METADATA_DISABLED and AWS_REGION are always set.
 */
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { TestEmulator } from "./emulator";
import { call, pickString } from "./http";

export type Method = "oidc" | "kubernetes" | "aws_iam";
export type Source = "env" | "config";

export interface AuthCase {
  readonly name: string;
  /** The provider block's `auth` value, or undefined to leave the block out. */
  readonly auth: Record<string, unknown> | undefined;
  readonly env: Record<string, string>;
  /** The login route the emulator must log. */
  readonly route: string;
  /** Values that must never appear in any output. */
  readonly secrets: readonly string[];
}

export const LOGIN_ROUTES: Readonly<Record<Method, string>> = {
  oidc: "/api/v1/auth/oidc-auth/login",
  kubernetes: "/api/v1/auth/kubernetes-auth/login",
  aws_iam: "/api/v1/auth/aws-auth/login",
};

/** Environment every run gets: no AWS metadata lookups, no stray AWS profile. */
export const AWS_SAFE_ENV = { AWS_EC2_METADATA_DISABLED: "true", AWS_REGION: "eu-west-1" } as const;

/** An RS256 JWT the emulator's OIDC and Kubernetes logins accept for `identityId`. */
export async function emulatorJwt(emu: TestEmulator, identityId: string, claims?: Record<string, unknown>): Promise<string> {
  const res = await call(emu.url, "POST", "/__emulator/oidc/token", { body: { identityId, ...(claims ? { claims } : {}) } });
  if (res.status !== 200) throw new Error(`oidc token: ${res.status} ${res.text}`);
  return pickString(res.body, "token");
}

/** An access token of the OIDC identity scoped to the emulator's sub-organization. */
export async function subOrganizationToken(emu: TestEmulator): Promise<string> {
  const { identities, subOrganization } = emu.emulator;
  const jwt = await emulatorJwt(emu, identities.oidc);
  const res = await call(emu.url, "POST", LOGIN_ROUTES.oidc, { body: { identityId: identities.oidc, jwt, organizationSlug: subOrganization.slug } });
  if (res.status !== 200) throw new Error(`sub-organization login: ${res.status} ${res.text}`);
  return pickString(res.body, "accessToken");
}

/** A file holding `text`, as a projected service account token would be. */
export function tokenFile(text: string): string {
  const file = join(mkdtempSync(join(tmpdir(), "vb-sa-")), "token");
  writeFileSync(file, `${text}\n`, { mode: 0o600 });
  return file;
}

export async function authCase(emu: TestEmulator, method: Method, source: Source): Promise<AuthCase> {
  const { identities } = emu.emulator;
  const base = { name: `${method} from ${source}`, route: LOGIN_ROUTES[method] };
  const fromEnv = { INFISICAL_AUTH_METHOD: method };
  switch (method) {
    case "oidc": {
      const jwt = await emulatorJwt(emu, identities.oidc);
      return source === "env"
        ? { ...base, auth: undefined, env: { ...fromEnv, INFISICAL_MACHINE_IDENTITY_ID: identities.oidc, INFISICAL_AUTH_JWT: jwt }, secrets: [jwt] }
        : {
            ...base,
            auth: { oidc: { identity_id: identities.oidc, token_environment_variable_name: "CI_JOB_JWT_V2" } },
            env: { CI_JOB_JWT_V2: jwt },
            secrets: [jwt],
          };
    }
    case "kubernetes": {
      const jwt = await emulatorJwt(emu, identities.kubernetes);
      const file = tokenFile(jwt);
      return source === "env"
        ? {
            ...base,
            auth: undefined,
            env: { ...fromEnv, INFISICAL_MACHINE_IDENTITY_ID: identities.kubernetes, INFISICAL_KUBERNETES_SERVICE_ACCOUNT_TOKEN_PATH: file },
            secrets: [jwt],
          }
        : { ...base, auth: { kubernetes: { identity_id: identities.kubernetes, service_account_token_path: file } }, env: {}, secrets: [jwt] };
    }
    case "aws_iam": {
      const keys = { ...AWS_SAFE_ENV, AWS_ACCESS_KEY_ID: identities.aws.accessKeyId, AWS_SECRET_ACCESS_KEY: identities.aws.secretAccessKey };
      return source === "env"
        ? { ...base, auth: undefined, env: { ...fromEnv, ...keys, INFISICAL_MACHINE_IDENTITY_ID: identities.awsIam }, secrets: [identities.aws.secretAccessKey] }
        : { ...base, auth: { aws_iam: { identity_id: identities.awsIam } }, env: keys, secrets: [identities.aws.secretAccessKey] };
    }
  }
}

/** A Terraform JSON stack: the infisical provider with `auth` (and `host`), and one Heroku connection. */
export function authStack(emu: TestEmulator, auth: Record<string, unknown> | undefined, name: string, provider: Record<string, unknown> = {}): string {
  return JSON.stringify(
    {
      terraform: { required_providers: { infisical: { source: "vaultbridge/infisical" } } },
      provider: { infisical: [{ host: emu.url, ...(auth === undefined ? {} : { auth }), ...provider }] },
      resource: { infisical_app_connection_heroku: { web: { name, credentials: { auth_token: "HRKU-auth-test" } } } },
    },
    null,
    2,
  );
}

/** Requests that change something on the Infisical API (logins excluded). */
export function writeCalls(requests: readonly { method: string; path: string }[]): string[] {
  return requests
    .filter((r) => r.method !== "GET" && r.path.startsWith("/api/v1/app-connections"))
    .map((r) => `${r.method} ${r.path}`);
}
