/** Facts of ScrapEngine's API that declarations need without zod (see infisical-constants.ts). */
export const VAULT_TYPES = ["hashicorp"] as const;
export const VAULT_AUTH_METHODS = ["approle"] as const;
