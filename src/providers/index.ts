/** Every provider vaultbridge ships, by short name. */
import { infisicalProvider } from "./infisical";
import { scrapengineProvider } from "./scrapengine";

export const providers = { infisical: infisicalProvider, scrapengine: scrapengineProvider } as const;
export type ProviderName = keyof typeof providers;
