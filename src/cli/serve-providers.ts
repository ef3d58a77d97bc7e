/** Both providers served in-process for TF_REATTACH_PROVIDERS (used by `vaultbridge provider serve` and tests). */
import type { CreateIntents } from "../core/create-intents";
import { ProviderCore } from "../core/provider-core";
import type { Logger, ProviderDefinition } from "../framework/resource";
import { hclogLogger } from "../plugin/hclog";
import { type PendingReattach, type ReattachServer, reattachValue } from "../plugin/reattach-socket";
import { reattachGrpcServer } from "../plugin/serve";
import { providerService } from "../protocol/provider-service";
import { providers } from "../providers";
import { listenAllForReattach } from "./reattach-sockets";

export interface ServedProviders {
  readonly value: string;
  readonly servers: ReattachServer[];
  close(): Promise<void>;
}

/**
 * `log`: one logger for both (tests), else each provider's hclog lines on stderr, from `least` up (all when absent).
 * `intents`: where creates in flight are recorded, when the one working directory these servers work for is known
 * (`vaultbridge terraform`); a long-lived `provider serve` may serve many, so it records none.
 */
export async function serveAllForReattach(
  log?: Logger,
  intents?: CreateIntents,
  least?: Parameters<typeof hclogLogger>[2],
): Promise<ServedProviders> {
  return serveOnSockets(await listenAllForReattach(), log, intents, least);
}

/** Serves both providers on sockets already listening (listenAllForReattach), in the same order. */
export function serveOnSockets(
  sockets: { readonly infisical: PendingReattach; readonly scrapengine: PendingReattach },
  log?: Logger,
  intents?: CreateIntents,
  least?: Parameters<typeof hclogLogger>[2],
): ServedProviders {
  const serve = <C>(socket: PendingReattach, def: ProviderDefinition<C>): ReattachServer => {
    const l = log ?? hclogLogger(`provider.terraform-provider-${def.name}`, undefined, least);
    return socket.attach(reattachGrpcServer({ handlers: providerService(new ProviderCore(def, { log: l, intents }), l) }));
  };
  const servers = [serve(sockets.infisical, providers.infisical), serve(sockets.scrapengine, providers.scrapengine)];
  return { value: reattachValue(servers), servers, close: async () => void (await Promise.all(servers.map((s) => s.close()))) };
}
