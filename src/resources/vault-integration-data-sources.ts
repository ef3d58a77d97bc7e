/**
 * `scrapengine_vault_integration` (by `id` or `name`) and `scrapengine_vault_integrations` (all of them), derived
 * from the resource's declaration and answered from the one list call refresh shares.
 */
import type { VaultIntegration } from "../api/scrapengine";
import type { ScrapEngineClient } from "../client/scrapengine-client";
import { type DataSourceDefinition, dataSourceAttributes } from "../framework/data-source";
import { AttributePath } from "../framework/path";
import { type Attributes, listNested } from "../framework/schema";
import type { ObjectValue } from "../framework/value";
import { pick } from "./app-connection/connection-data-sources";

export function vaultIntegrationDataSources(
  resourceAttributes: Attributes,
  stateFromApi: (v: VaultIntegration) => ObjectValue,
): { one: DataSourceDefinition<ScrapEngineClient>; all: DataSourceDefinition<ScrapEngineClient> } {
  const attributes = dataSourceAttributes(resourceAttributes, ["id", "name"]);
  const element = dataSourceAttributes(resourceAttributes);
  const one: DataSourceDefinition<ScrapEngineClient> = {
    typeName: "scrapengine_vault_integration",
    description: "Reads an existing HashiCorp Vault integration by `id` or by `name`. The secret_id is never returned.",
    attributes,
    validateConfig(config, diags) {
      if ((config.id === null) === (config.name === null)) {
        diags.error("Look-Up Key", "Set exactly one of id or name to say which vault integration to read.", AttributePath.root(config.id === null ? "name" : "id"));
      }
    },
    async read(ctx, config, diags) {
      const found = (await ctx.client.all(ctx.signal)).find((v) => (typeof config.id === "string" ? v.id === config.id : v.name === config.name));
      if (!found) {
        diags.error("Vault Integration Not Found", typeof config.id === "string" ? `No vault integration has the ID ${config.id}.` : `No vault integration is named "${String(config.name)}".`);
        return null;
      }
      return pick(attributes, stateFromApi(found));
    },
  };
  const all: DataSourceDefinition<ScrapEngineClient> = {
    typeName: "scrapengine_vault_integrations",
    description: "Lists every HashiCorp Vault integration of the account, sorted by name. Secrets are never returned.",
    attributes: { integrations: listNested({ computed: true, description: "The integrations, sorted by name.", attributes: element }) },
    async read(ctx) {
      const rows = (await ctx.client.all(ctx.signal)).sort((a, b) => a.name.localeCompare(b.name) || a.id.localeCompare(b.id));
      return { integrations: rows.map((v) => pick(element, stateFromApi(v))) };
    },
  };
  return { one, all };
}
