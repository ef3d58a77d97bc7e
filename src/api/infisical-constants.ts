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

/** What the server accepts as PEM (certificate bodies and private keys), applied to the trimmed value. */
export const PEM_PATTERN = /-----BEGIN [A-Z ]+-----[\s\S]+-----END [A-Z ]+-----/;

/**
 * An Infisical project id: a UUID, or the 24 hexadecimal digits of a project from before Infisical moved to
 * PostgreSQL (its ids were kept). Both are generated in lowercase and compared as text: no other spelling matches.
 */
export const PROJECT_ID_PATTERN = /^(?:[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}|[0-9a-f]{24})$/;
export const PROJECT_ID_FORMAT = "a lowercase UUID such as 3c90c3cc-0d44-4b50-8888-8dd25736052a (or the 24 lowercase hexadecimal digits of an older project)";
/** The project id rule in words, as validators say it. */
export const PROJECT_ID_RULE = `must be an Infisical project ID: ${PROJECT_ID_FORMAT}`;
export const NAME_MAX = 64;
export const DESCRIPTION_MAX = 256;
