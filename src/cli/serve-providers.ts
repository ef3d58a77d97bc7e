/** Both providers served in-process for TF_REATTACH_PROVIDERS (used by `vaultbridge provider serve` and tests). */
import type { CreateIntents } from "../core/create-intents";
import { ProviderCore } from "../core/provider-core";
import type { Logger, ProviderDefinition } from "../framework/resource";
import { hclogLogger } from "../plugin/hclog";
import { reattachValue, serveForReattach, type ReattachServer } from "../plugin/serve";
import { providerService } from "../protocol/provider-service";
import { providers } from "../providers";

/**
 * `log`: one logger for both (tests), else each provider's hclog lines on stderr, from `least` up (all when absent).
 * `intents`: where creates in flight are recorded, when the one working directory these servers work for is known
 * (`vaultbridge terraform`); a long-lived `provider serve` may serve many, so it records none.
 */
export async function serveAllForReattach(
  log?: Logger,
  intents?: CreateIntents,
  least?: Parameters<typeof hclogLogger>[2],
): Promise<{ value: string; servers: ReattachServer[]; close(): Promise<void> }> {
  const serve = <C>(def: ProviderDefinition<C>) => {
    const l = log ?? hclogLogger(`provider.terraform-provider-${def.name}`, undefined, least);
    return serveForReattach({ source: def.source, handlers: providerService(new ProviderCore(def, { log: l, intents }), l) });
  };
  const servers = await Promise.all([serve(providers.infisical), serve(providers.scrapengine)]);
  return { value: reattachValue(servers), servers, close: async () => void (await Promise.all(servers.map((s) => s.close()))) };
}
