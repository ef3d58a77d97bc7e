/** provider "scrapengine": `base_url` and `api_key`, with SCRAPENGINE_* environment fallbacks. */
import type { ScrapEngineClient } from "../client/scrapengine-client";
import { secretApiFields } from "../framework/api-mapping";
import { AttributePath } from "../framework/path";
import type { ProviderDefinition } from "../framework/resource";
import { string } from "../framework/schema";
import { isHttpUrl } from "../framework/validators";
import { attr } from "../framework/value";
import { vaultIntegration, vaultIntegrationsDataSource } from "../resources/vault-integration";
import { SCRAPENGINE_SOURCE } from "./sources";

export { SCRAPENGINE_SOURCE } from "./sources";

export const DEFAULT_SCRAPENGINE_BASE_URL = "https://api.scrapengine.io/api/v1";

export const scrapengineProvider: ProviderDefinition<ScrapEngineClient> = {
  name: "scrapengine",
  source: SCRAPENGINE_SOURCE,
  description: "ScrapEngine HashiCorp Vault integrations.",
  attributes: {
    base_url: string({
      optional: true,
      description: `The ScrapEngine API base URL (env SCRAPENGINE_BASE_URL, default ${DEFAULT_SCRAPENGINE_BASE_URL}).`,
      validators: [isHttpUrl()],
    }),
    api_key: string({ optional: true, sensitive: true, description: "The ScrapEngine API key (env SCRAPENGINE_API_KEY)." }),
  },

  configure(config, rawEnv, diags, log) {
    // Loaded on first configure, as for the infisical provider (start-up cost).
    const { scrapengineEnv, ScrapEngineClient } = require("./scrapengine-connect") as typeof import("./scrapengine-connect");
    const vars = scrapengineEnv(rawEnv);
    const baseUrl = (attr(config, "base_url") as string | null) ?? vars.SCRAPENGINE_BASE_URL ?? DEFAULT_SCRAPENGINE_BASE_URL;
    const apiKey = (attr(config, "api_key") as string | null) ?? vars.SCRAPENGINE_API_KEY;
    if (!apiKey) {
      diags.error("Missing API Key", "Set api_key in the provider block or the SCRAPENGINE_API_KEY environment variable.", AttributePath.root("api_key"));
      return null;
    }
    const secretFields = secretApiFields(scrapengineProvider.attributes, ...scrapengineProvider.resources.map((r) => r.attributes));
    return new ScrapEngineClient({ baseUrl, apiKey, log, secretFields });
  },

  close: (client) => client.close(),
  intentScope: (client) => client.baseUrl,

  resources: [vaultIntegration],
  dataSources: [vaultIntegrationsDataSource],
};
