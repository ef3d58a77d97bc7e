/**
 * The live credential check the server runs on create and on any update carrying credentials. Microsoft and Heroku
 * cannot be reached from here, so any secret value containing `invalid` stands for credentials they would refuse;
 * PostgreSQL is checked for real when the emulator runs with `--check-postgres`.
 */
import type { AppSlug } from "../../api/infisical-constants";
import { credentialsByMethod } from "../../api/infisical-requests";
import { checkPostgres } from "../postgres-check";
import { secretValues } from "./credentials";
import { badRequest, messages } from "./errors";

export const INVALID_MARKER = "invalid";

export interface RemoteCheckSettings {
  readonly checkPostgres: boolean;
}

/** Resolves when the remote side would accept the credentials; otherwise throws the app's 400. */
export async function checkCredentials(
  app: AppSlug,
  method: string,
  credentials: Record<string, unknown>,
  settings: RemoteCheckSettings,
): Promise<void> {
  if (app === "postgres" && settings.checkPostgres) {
    const target = credentialsByMethod.postgres["username-and-password"].parse(credentials);
    const failure = await checkPostgres(target);
    if (failure !== undefined) throw badRequest(messages.remoteCheckFailed.postgres(failure));
    return;
  }
  if (!secretValues(app, method, credentials).some((value) => value.includes(INVALID_MARKER))) return;
  throw badRequest(refusal(app, method, credentials));
}

function refusal(app: AppSlug, method: string, credentials: Record<string, unknown>): string {
  const failed = messages.remoteCheckFailed;
  switch (app) {
    case "heroku":
      return failed.heroku();
    case "postgres":
      return failed.postgres(`password authentication failed for user "${String(credentials.username)}"`);
    case "azure-key-vault":
      if (method === "oauth") return failed.azureOAuth();
      return method === "certificate" ? failed.azureCertificate() : failed.azureClientSecret();
  }
}
