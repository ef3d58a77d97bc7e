/**
 * `scrapengine_vault_integration`: a HashiCorp Vault AppRole integration. Everything but the secret_id forces a
 * new integration (the API cannot change it); the secret_id is rotated in place with PUT.
 */
import type { VaultIntegration } from "../api/scrapengine";
import { VAULT_AUTH_METHODS, VAULT_TYPES } from "../api/scrapengine-constants";
import { NotFoundError } from "../client/errors";
import type { ScrapEngineClient } from "../client/scrapengine-client";
import { fromApi } from "../framework/api-mapping";
import { AttributePath } from "../framework/path";
import { requiresReplace } from "../framework/planmodifiers";
import type { ResourceContext, ResourceDefinition } from "../framework/resource";
import { type Attributes, string } from "../framework/schema";
import { isHttpUrl, lengthBetween, notEmptyWhenSet, oneOf, trimmedByServer } from "../framework/validators";
import { UUID_PATTERN } from "../framework/validators/is-uuid";
import { type ObjectValue, fillUnknowns, withAttributes } from "../framework/value";
import { withWriteOnlyTwins, writeOnlyVersion } from "../framework/write-only";
import { createdAt, id, updatedAt } from "./common-attributes";
import { createWithRecovery } from "./create-with-recovery";
import { vaultIntegrationDataSources } from "./vault-integration-data-sources";
import { vaultMessages } from "./messages";

const attributes: Attributes = withWriteOnlyTwins({
  id: id("vault integration"),
  name: string({ required: true, description: "Human-readable name, unique per account. Changing it forces a new integration.", validators: [lengthBetween(1, 255), trimmedByServer()], planModifiers: [requiresReplace()] }),
  type: string({ optional: true, default: "hashicorp", description: "Backend type; only `hashicorp`.", validators: [oneOf(VAULT_TYPES)], planModifiers: [requiresReplace()] }),
  address: string({ required: true, description: "The Vault address, an http(s) URL. Changing it forces a new integration.", validators: [isHttpUrl(), trimmedByServer()], planModifiers: [requiresReplace()] }),
  // The server stores "" as no namespace: it would come back null and replace the integration on every apply.
  namespace: string({ optional: true, description: "Vault Enterprise namespace; unset for none. Changing it forces a new integration.", validators: [notEmptyWhenSet()], planModifiers: [requiresReplace()] }),
  auth_method: string({ optional: true, default: "approle", description: "Auth method; only `approle`.", validators: [oneOf(VAULT_AUTH_METHODS)], planModifiers: [requiresReplace()] }),
  role_id: string({ required: true, description: "The AppRole role_id. Changing it forces a new integration.", validators: [lengthBetween(1, 1024), trimmedByServer()], planModifiers: [requiresReplace()] }),
  secret_id: string({ required: true, sensitive: true, description: "The AppRole secret_id; rotated in place. Never returned by the API.", validators: [lengthBetween(1, 4096)] }),
  secret_id_wo_version: writeOnlyVersion("`secret_id_wo`"),
  created_at: createdAt(),
  updated_at: updatedAt(),
});

/** Ours, never the API's: the secret (the API never returns it) and the write-only version. */
const keptFromState = (name: string): boolean => attributes[name]?.sensitive === true || name === "secret_id_wo_version";

const stateFromApi = (v: VaultIntegration, secretFrom: ObjectValue | null): ObjectValue =>
  withAttributes(fromApi(attributes, v, secretFrom, keptFromState), { namespace: v.namespace || null });

/** The secret_id to send: the stored form or the write-only one (apply merges it in from configuration). */
const secretIdOf = (planned: ObjectValue): string | null =>
  typeof planned.secret_id === "string" ? planned.secret_id : typeof planned.secret_id_wo === "string" ? planned.secret_id_wo : null;

/** After a create whose answer was lost: a fresh list, which must see what that create may have committed. */
async function findByName(ctx: ResourceContext<ScrapEngineClient>, name: string): Promise<VaultIntegration | null> {
  const all = await ctx.client.list(ctx.signal);
  return all.find((v) => v.name === name) ?? null;
}

async function getOrNull(ctx: ResourceContext<ScrapEngineClient>, integrationId: string): Promise<VaultIntegration | null> {
  try {
    return await ctx.client.get(integrationId, ctx.signal);
  } catch (err) {
    if (err instanceof NotFoundError) return null;
    throw err;
  }
}

const dataSources = vaultIntegrationDataSources(attributes, (v) => stateFromApi(v, null));

/** `scrapengine_vault_integrations`: every integration of the account. */
export const vaultIntegrationsDataSource = dataSources.all;

export const vaultIntegration: ResourceDefinition<ScrapEngineClient> = {
  typeName: "scrapengine_vault_integration",
  description: "A ScrapEngine HashiCorp Vault integration (AppRole). Only the secret_id can change in place.",
  attributes,
  dataSource: dataSources.one,
  adoption: {
    list: async (ctx) => (await ctx.client.all(ctx.signal)).map((v) => stateFromApi(v, null)),
    secrets: () => [AttributePath.root("secret_id_wo")],
  },

  validateConfig(config, diags) {
    if (config.secret_id !== null && config.secret_id_wo !== null) {
      diags.error("Conflicting Secret ID", "secret_id and secret_id_wo are both set; set exactly one (secret_id_wo is sent but never stored).", AttributePath.root("secret_id_wo"));
    }
  },

  modifyPlan(req, resp, diags) {
    // Needed only to create: an integration in state (created earlier, or imported) may leave both unset.
    if (req.prior === null && req.config.secret_id === null && req.config.secret_id_wo === null) {
      diags.error("Missing Secret ID", "secret_id or secret_id_wo is required to create a vault integration; set exactly one (secret_id_wo is sent but never stored).", AttributePath.root("secret_id"));
    }
  },

  async create(ctx, planned) {
    const body = {
      name: planned.name as string,
      type: planned.type as "hashicorp",
      address: planned.address as string,
      ...(planned.namespace !== null ? { namespace: planned.namespace as string } : {}),
      authMethod: planned.auth_method as "approle",
      roleId: planned.role_id as string,
      secretId: secretIdOf(planned) as string,
    };
    const created = await createWithRecovery({
      what: `vault integration "${body.name}"`,
      importId: body.name,
      typeName: "scrapengine_vault_integration",
      log: ctx.log,
      signal: ctx.signal,
      create: () => ctx.client.create(body, ctx.signal),
      findByName: () => findByName(ctx, body.name),
    });
    return fillUnknowns(planned, stateFromApi(created, planned)) as ObjectValue;
  },

  async read(ctx, prior, diags) {
    const v = await ctx.client.read(prior.id as string, ctx.signal);
    if (v === null) return null;
    const state = stateFromApi(v, prior);
    if (prior.updated_at === null || state.updated_at === prior.updated_at) return state;
    if (prior.secret_id === null) {
      // A write-only secret_id has no copy in state to re-assert.
      diags.warning(
        "Secret ID Changed Outside Terraform",
        vaultMessages.secretChangedWriteOnly,
        AttributePath.root("secret_id_wo_version"),
      );
      return state;
    }
    // Someone rotated the secret_id outside: re-assert ours on the next apply.
    diags.warning(
      "Secret ID Changed Outside Terraform",
      vaultMessages.secretChanged,
      AttributePath.root("secret_id"),
    );
    return withAttributes(state, { secret_id: null });
  },

  async update(ctx, prior, planned) {
    // Rotate when the stored secret changed, or when the version asks to send the write-only one again.
    const changed = (planned.secret_id !== null && planned.secret_id !== prior.secret_id) || planned.secret_id_wo_version !== prior.secret_id_wo_version;
    const secretId = secretIdOf(planned);
    const v =
      changed && secretId !== null
        ? await ctx.client.rotateSecretId(prior.id as string, secretId, ctx.signal)
        : await ctx.client.get(prior.id as string, ctx.signal);
    return fillUnknowns(planned, stateFromApi(v, planned)) as ObjectValue;
  },

  async delete(ctx, prior) {
    await ctx.client.delete(prior.id as string, ctx.signal);
  },

  importIds: [
    { format: "<id>", example: "d25010ef-95a1-4cb1-9d36-8f4587fd9cd2", finds: "the vault integration with that ID (a UUID)" },
    { format: "<name>", example: "vault-prod", finds: "the vault integration of that name" },
  ],

  importIdOf: (planned) => (typeof planned.name === "string" ? planned.name : null),

  async importState(ctx, importId, diags) {
    if (importId.trim() === "") {
      diags.error("Invalid Import ID", vaultMessages.importIdBlank(importId));
      return null;
    }
    const v = UUID_PATTERN.test(importId) ? await getOrNull(ctx, importId) : await ctx.client.findByName(importId, ctx.signal);
    if (v === null) {
      diags.error("Cannot Import Non-Existent Remote Object", vaultMessages.importNotFound(importId));
      return null;
    }
    // secret_id is never returned: the next plan re-sends it from configuration.
    return stateFromApi(v, null);
  },
};
