/**
 * AWS IAM logins: Infisical forwards the signed `sts:GetCallerIdentity` request to STS; the emulator stands in for
 * STS by recomputing the SigV4 signature of the decoded request with its own AWS key pair (the same signing
 * library the clients use) and comparing. Refusals are worded as STS words them, in the server's 401 class.
 */
import { timingSafeEqual } from "node:crypto";
import { errors } from "./errors";

export interface AwsKeyPair {
  readonly accessKeyId: string;
  readonly secretAccessKey: string;
}

export interface ForwardedRequest {
  readonly iamHttpRequestMethod: string;
  readonly iamRequestBody: string;
  readonly iamRequestHeaders: string;
}

const GET_CALLER_IDENTITY = new URLSearchParams("Action=GetCallerIdentity&Version=2011-06-15");
const MAX_SKEW_MS = 15 * 60 * 1000;
const AUTH_PATTERN = /^AWS4-HMAC-SHA256 Credential=([^/]+)\/(\d{8})\/([^/]+)\/([^/]+)\/aws4_request, ?SignedHeaders=([^,]+), ?Signature=([0-9a-f]{64})$/;

const refused = (code: string, message: string) => errors.accessDenied(`AWS STS refused the request: ${code}: ${message}`);

/** Resolves when the request is a GetCallerIdentity signed with `key`; throws the server's error otherwise. */
export async function checkGetCallerIdentity(request: ForwardedRequest, key: AwsKeyPair): Promise<void> {
  const headers = decodeHeaders(request.iamRequestHeaders);
  const body = Buffer.from(request.iamRequestBody, "base64").toString("utf8");
  const header = (name: string): string | undefined =>
    Object.entries(headers).find(([k]) => k.toLowerCase() === name)?.[1];

  const auth = AUTH_PATTERN.exec(header("authorization") ?? "");
  if (auth === null) throw refused("MissingAuthenticationToken", "Request is missing Authentication Token");
  const [, accessKeyId, , region, service, signedHeaders, signature] = auth;
  if (!/^[a-z0-9-]{1,20}$/.test(region)) throw errors.invalidAwsRegion();
  if (accessKeyId !== key.accessKeyId) throw refused("InvalidClientTokenId", "The security token included in the request is invalid.");
  const params = new URLSearchParams(body);
  if (request.iamHttpRequestMethod !== "POST" || service !== "sts" || params.get("Action") !== GET_CALLER_IDENTITY.get("Action")) {
    throw errors.accessDenied("the signed request is not an sts:GetCallerIdentity call");
  }
  const signingDate = parseAmzDate(header("x-amz-date"));
  if (signingDate === undefined) throw refused("IncompleteSignature", "The request must contain a valid X-Amz-Date header.");
  if (Math.abs(Date.now() - signingDate.getTime()) > MAX_SKEW_MS) throw refused("SignatureDoesNotMatch", "Signature expired.");
  const host = header("host");
  if (host === undefined) throw refused("IncompleteSignature", "The request must sign the Host header.");

  const signed: Record<string, string> = {};
  for (const name of signedHeaders.split(";")) {
    const value = header(name);
    if (value !== undefined) signed[name] = value;
  }
  const { SignatureV4 } = require("@smithy/signature-v4") as typeof import("@smithy/signature-v4");
  const { Sha256 } = require("@aws-crypto/sha256-js") as typeof import("@aws-crypto/sha256-js");
  const sessionToken = header("x-amz-security-token");
  const signer = new SignatureV4({
    credentials: { ...key, ...(sessionToken === undefined ? {} : { sessionToken }) },
    region,
    service,
    sha256: Sha256,
    applyChecksum: false,
  });
  const expected = await signer.sign(
    { method: request.iamHttpRequestMethod, protocol: "https:", hostname: host, path: "/", query: {}, headers: signed, body },
    { signingDate },
  );
  const recomputed = AUTH_PATTERN.exec(String(expected.headers.authorization ?? ""));
  if (recomputed === null || recomputed[5] !== signedHeaders || !sameHex(recomputed[6], signature)) {
    throw refused(
      "SignatureDoesNotMatch",
      "The request signature we calculated does not match the signature you provided. Check your AWS Secret Access Key and signing method.",
    );
  }
}

function decodeHeaders(encoded: string): Record<string, string> {
  try {
    const value: unknown = JSON.parse(Buffer.from(encoded, "base64").toString("utf8"));
    if (typeof value === "object" && value !== null && !Array.isArray(value)) {
      return Object.fromEntries(Object.entries(value).filter((e): e is [string, string] => typeof e[1] === "string"));
    }
  } catch {
    // answered below
  }
  throw errors.accessDenied("iamRequestHeaders is not base64-encoded JSON");
}

/** `20260101T120000Z` → a Date. */
function parseAmzDate(value: string | undefined): Date | undefined {
  const m = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/.exec(value ?? "");
  if (m === null) return undefined;
  const [, y, mo, d, h, mi, s] = m.map(Number);
  return new Date(Date.UTC(y, mo - 1, d, h, mi, s));
}

function sameHex(a: string, b: string): boolean {
  return a.length === b.length && timingSafeEqual(Buffer.from(a), Buffer.from(b));
}
