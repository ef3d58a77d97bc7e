/**
 * AWS IAM Auth: an `sts:GetCallerIdentity` request signed with SigV4 by the caller's AWS credentials, handed to
 * Infisical (which forwards it to STS) as `iamHttpRequestMethod`, base64 `iamRequestBody` and base64 JSON
 * `iamRequestHeaders` — the shape Infisical's own SDKs send. Credentials come from the standard AWS chain
 * (environment, shared config and credentials files, web identity, container and instance metadata).
 *
 * The AWS libraries are loaded here, on the first AWS IAM login only: nothing else in the provider pays for them.
 */
import type { AwsEnvironment, InfisicalAuth } from "./auth";
import { LoginError } from "./login-error";
import { type LoginContext, postLogin } from "./post-login";

type DefaultProvider = typeof import("@aws-sdk/credential-provider-node").defaultProvider;
type AwsCredentials = Awaited<ReturnType<ReturnType<DefaultProvider>>>;
type AwsIamAuth = Extract<InfisicalAuth, { kind: "aws_iam" }>;

export const GET_CALLER_IDENTITY_BODY = "Action=GetCallerIdentity&Version=2011-06-15";

export async function awsIamLogin(ctx: LoginContext, auth: AwsIamAuth): Promise<string> {
  const signed = await signedGetCallerIdentity(ctx, auth);
  return postLogin(ctx, auth, "aws-auth", {
    identityId: auth.identityId,
    iamHttpRequestMethod: "POST",
    iamRequestBody: Buffer.from(GET_CALLER_IDENTITY_BODY).toString("base64"),
    iamRequestHeaders: Buffer.from(JSON.stringify(signed)).toString("base64"),
  });
}

/** The signed request's headers (Authorization, X-Amz-Date, Host, …), as STS expects them. */
async function signedGetCallerIdentity(ctx: LoginContext, auth: AwsIamAuth): Promise<Record<string, string>> {
  const { SignatureV4 } = require("@smithy/signature-v4") as typeof import("@smithy/signature-v4");
  const { Sha256 } = require("@aws-crypto/sha256-js") as typeof import("@aws-crypto/sha256-js");
  const credentials = await resolveCredentials(auth);
  ctx.http.redactor.add(credentials.secretAccessKey, credentials.sessionToken);
  const hostname = `sts.${auth.region}.amazonaws.com`;
  const signer = new SignatureV4({ credentials, region: auth.region, service: "sts", sha256: Sha256 });
  const request = await signer.sign({
    method: "POST",
    protocol: "https:",
    hostname,
    path: "/",
    query: {},
    headers: {
      "Content-Type": "application/x-www-form-urlencoded; charset=utf-8",
      Host: hostname,
      "Content-Length": String(Buffer.byteLength(GET_CALLER_IDENTITY_BODY)),
    },
    body: GET_CALLER_IDENTITY_BODY,
  });
  const headers: Record<string, string> = {};
  for (const [key, value] of Object.entries(request.headers)) {
    if (typeof value === "string") headers[key.toLowerCase() === "authorization" ? "Authorization" : key] = value;
  }
  return headers;
}

/** Static keys from the caller's environment, else the standard chain (files, web identity, metadata). */
async function resolveCredentials(auth: AwsIamAuth): Promise<AwsCredentials> {
  const env = auth.aws;
  if (env.AWS_ACCESS_KEY_ID && env.AWS_SECRET_ACCESS_KEY) {
    return { accessKeyId: env.AWS_ACCESS_KEY_ID, secretAccessKey: env.AWS_SECRET_ACCESS_KEY, sessionToken: env.AWS_SESSION_TOKEN };
  }
  const { defaultProvider } = require("@aws-sdk/credential-provider-node") as typeof import("@aws-sdk/credential-provider-node");
  const provider = defaultProvider(chainOptions(env));
  try {
    return await provider();
  } catch (err) {
    // The chain's messages name where it looked, never a key.
    const reason = err instanceof Error ? err.message : String(err);
    throw new LoginError(auth, `No AWS credentials found (AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY, AWS_PROFILE and the shared files, AWS_WEB_IDENTITY_TOKEN_FILE, or instance metadata): ${reason}`, err);
  }
}

function chainOptions(env: AwsEnvironment): Parameters<DefaultProvider>[0] {
  return {
    ...(env.AWS_PROFILE ? { profile: env.AWS_PROFILE } : {}),
    ...(env.AWS_SHARED_CREDENTIALS_FILE ? { filepath: env.AWS_SHARED_CREDENTIALS_FILE } : {}),
    ...(env.AWS_CONFIG_FILE ? { configFilepath: env.AWS_CONFIG_FILE } : {}),
    ...(env.AWS_WEB_IDENTITY_TOKEN_FILE ? { webIdentityTokenFile: env.AWS_WEB_IDENTITY_TOKEN_FILE } : {}),
    ...(env.AWS_ROLE_ARN ? { roleArn: env.AWS_ROLE_ARN } : {}),
    ...(env.AWS_ROLE_SESSION_NAME ? { roleSessionName: env.AWS_ROLE_SESSION_NAME } : {}),
  };
}
