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
import { isHttpUrl, lengthBetween, oneOf } from "../framework/validators";
import { UUID_PATTERN } from "../framework/validators/is-uuid";
import { type ObjectValue, fillUnknowns, withAttributes } from "../framework/value";
import { createdAt, id, updatedAt } from "./common-attributes";
import { createWithRecovery } from "./create-with-recovery";

const attributes: Attributes = {
  id: id("vault integration"),
  name: string({ required: true, description: "Human-readable name, unique per account. Changing it forces a new integration.", validators: [lengthBetween(1, 255)], planModifiers: [requiresReplace()] }),
  type: string({ optional: true, default: "hashicorp", description: "Backend type; only `hashicorp`.", validators: [oneOf(VAULT_TYPES)], planModifiers: [requiresReplace()] }),
  address: string({ required: true, description: "The Vault address, an http(s) URL. Changing it forces a new integration.", validators: [isHttpUrl()], planModifiers: [requiresReplace()] }),
  namespace: string({ optional: true, description: "Vault Enterprise namespace; unset for none. Changing it forces a new integration.", planModifiers: [requiresReplace()] }),
  auth_method: string({ optional: true, default: "approle", description: "Auth method; only `approle`.", validators: [oneOf(VAULT_AUTH_METHODS)], planModifiers: [requiresReplace()] }),
  role_id: string({ required: true, description: "The AppRole role_id. Changing it forces a new integration.", validators: [lengthBetween(1, 1024)], planModifiers: [requiresReplace()] }),
  secret_id: string({ required: true, sensitive: true, description: "The AppRole secret_id; rotated in place. Never returned by the API.", validators: [lengthBetween(1, 4096)] }),
  created_at: createdAt(),
  updated_at: updatedAt(),
};

const stateFromApi = (v: VaultIntegration, secretFrom: ObjectValue | null): ObjectValue =>
  withAttributes(fromApi(attributes, v, secretFrom, (n) => n === "secret_id"), { namespace: v.namespace || null });

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

export const vaultIntegration: ResourceDefinition<ScrapEngineClient> = {
  typeName: "scrapengine_vault_integration",
  description: "A ScrapEngine HashiCorp Vault integration (AppRole). Only the secret_id can change in place.",
  attributes,

  async create(ctx, planned) {
    const body = {
      name: planned.name as string,
      type: planned.type as "hashicorp",
      address: planned.address as string,
      ...(planned.namespace !== null ? { namespace: planned.namespace as string } : {}),
      authMethod: planned.auth_method as "approle",
      roleId: planned.role_id as string,
      secretId: planned.secret_id as string,
    };
    const created = await createWithRecovery({
      what: `vault integration "${body.name}"`,
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
    // Someone rotated the secret_id outside: re-assert ours on the next apply.
    diags.warning(
      "Secret ID Changed Outside Terraform",
      `Vault integration "${v.name}" was updated outside Terraform (updated_at moved). The plan re-sends the configured secret_id.`,
      AttributePath.root("secret_id"),
    );
    return withAttributes(state, { secret_id: null });
  },

  async update(ctx, prior, planned) {
    const v =
      planned.secret_id !== prior.secret_id
        ? await ctx.client.rotateSecretId(prior.id as string, planned.secret_id as string, ctx.signal)
        : await ctx.client.get(prior.id as string, ctx.signal);
    return fillUnknowns(planned, stateFromApi(v, planned)) as ObjectValue;
  },

  async delete(ctx, prior) {
    await ctx.client.delete(prior.id as string, ctx.signal);
  },

  importIdOf: (planned) => (typeof planned.name === "string" ? planned.name : null),

  async importState(ctx, importId, diags) {
    const v = UUID_PATTERN.test(importId) ? await getOrNull(ctx, importId) : await findByName(ctx, importId);
    if (v === null) {
      diags.error("Cannot Import Non-Existent Remote Object", `No vault integration matches "${importId}". Import by ID (a UUID) or by name.`);
      return null;
    }
    // secret_id is never returned: the next plan re-sends it from configuration.
    return stateFromApi(v, null);
  },
};
