/**
 * Facts of Infisical's App Connections API that declarations need without zod (kept apart so the provider's
 * start path does not load the wire schemas: zod costs ~35 ms at launch, measured).
 */
export const APP_SLUGS = ["azure-key-vault", "postgres", "heroku"] as const;
export type AppSlug = (typeof APP_SLUGS)[number];

/** The name the server uses in "Not supported for <App> Connections". */
export const APP_DISPLAY_NAMES: Record<AppSlug, string> = {
  "azure-key-vault": "Azure Key Vault",
  postgres: "PostgreSQL",
  heroku: "Heroku",
};

export const METHODS_BY_APP = {
  "azure-key-vault": ["oauth", "client-secret", "certificate"],
  postgres: ["username-and-password"],
  heroku: ["auth-token", "oauth"],
} as const satisfies Record<AppSlug, readonly string[]>;

export const SLUG_PATTERN = /^[a-z0-9]+(-[a-z0-9]+)*$/;
export const NAME_MAX = 64;
export const DESCRIPTION_MAX = 256;
