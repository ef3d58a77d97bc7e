/**
 * The reattach sockets of both providers, listening before any provider code is loaded: this module imports
 * node:net and the source names only, so `vaultbridge terraform` can start terraform on them at once.
 */
import { listenForReattach, type PendingReattach, reattachValue } from "../plugin/reattach-socket";
import { INFISICAL_SOURCE, SCRAPENGINE_SOURCE } from "../providers/sources";

export interface ReattachSockets {
  readonly infisical: PendingReattach;
  readonly scrapengine: PendingReattach;
  /** TF_REATTACH_PROVIDERS for them. */
  readonly value: string;
  close(): Promise<void>;
}

export async function listenAllForReattach(): Promise<ReattachSockets> {
  const [infisical, scrapengine] = await Promise.all([listenForReattach(INFISICAL_SOURCE), listenForReattach(SCRAPENGINE_SOURCE)]);
  return {
    infisical,
    scrapengine,
    value: reattachValue([infisical, scrapengine]),
    close: async () => void (await Promise.all([infisical.close(), scrapengine.close()])),
  };
}
