/**
 * A create must leave neither a duplicate nor an orphan, whatever answer it gets. Whenever the server may have
 * committed (no answer, 5xx, 429, a redirect, an unusable 2xx body, an unexplained 4xx) the object is looked up by
 * name and adopted when it is there; a transient failure is then tried again. A duplicate-name answer on a retry
 * means our earlier attempt did commit, so it is adopted the same way; on a first attempt it is someone else's
 * object, and the error says how to import it.
 */
import { ConflictError, isTransientFailure, mayHaveCommitted, RateLimitError } from "../client/errors";
import { DEFAULT_RETRY } from "../client/retry-policy";
import { stopSignalOf } from "../client/stop-signal";
import type { Logger } from "../framework/resource";
import { recoveryMessages as msg } from "./messages";

export interface CreateWithRecoveryOptions<T> {
  readonly create: () => Promise<T>;
  /** The object with our name, or null when there is none. */
  readonly findByName: () => Promise<T | null>;
  readonly what: string;
  /** The `terraform import` id that finds the object, for the advice on a name already taken. */
  readonly importId?: string;
  /** The resource type, for that advice's exact command. */
  readonly typeName?: string;
  readonly log: Logger;
  /** The write's signal: the lookup runs even while stopping (within the grace); a new attempt does not. */
  readonly signal?: AbortSignal;
  /** Attempts of the create itself (the HTTP layer has already retried what it safely could). */
  readonly attempts?: number;
  /**
   * No new attempt starts after this long (the client's operation budget by default); the look-up after a failed
   * attempt always runs, so that a committed object is never left behind.
   */
  readonly budgetMs?: number;
}

/** The longest wait between attempts, even when a server's Retry-After asks for more. */
const MAX_WAIT_MS = 20_000;

export async function createWithRecovery<T>(o: CreateWithRecoveryOptions<T>): Promise<T> {
  const attempts = o.attempts ?? 4;
  const deadline = Date.now() + (o.budgetMs ?? DEFAULT_RETRY.budgetMs);
  let uncertain = false;
  for (let attempt = 1; ; attempt++) {
    try {
      return await o.create();
    } catch (err) {
      if (o.signal?.aborted) throw err;
      if (err instanceof ConflictError && !uncertain) throw err.withAdvice(msg.nameTaken(o.importId, o.typeName));
      if (!mayHaveCommitted(err) && !(uncertain && err instanceof ConflictError)) throw err;
      uncertain = true;
      o.log.warn(`creating ${o.what}: the answer was lost or unusable; looking it up by name before trying again`, { attempt });
      const found = await o.findByName().catch((lookupErr: unknown) => {
        // The create's own answer says more than the look-up's; the look-up's is logged.
        o.log.warn(`creating ${o.what}: looking it up by name failed too`, { error: lookupErr instanceof Error ? lookupErr.message : String(lookupErr) });
        throw err;
      });
      if (found !== null) {
        o.log.info(`creating ${o.what}: found the object an earlier attempt committed; adopting it`);
        return found;
      }
      // Not there: a refusal stands; a transient failure is tried again.
      const again = isTransientFailure(err) || err instanceof ConflictError;
      const wait = waitBefore(attempt, err);
      const stop = stopSignalOf(o.signal);
      if (!again || attempt >= attempts || stop?.aborted || Date.now() + wait >= deadline) throw err;
      await sleep(wait, stop);
      if (stop?.aborted) throw err;
    }
  }
}

function waitBefore(attempt: number, err: unknown): number {
  const backoff = Math.round(250 * 2 ** (attempt - 1) * (0.5 + Math.random() / 2));
  const asked = err instanceof RateLimitError ? (err.retryAfterMs ?? 0) : 0;
  return Math.min(MAX_WAIT_MS, Math.max(backoff, asked));
}

/** Resolves after `ms`, or at once when `signal` aborts. */
function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(done, ms);
    signal?.addEventListener("abort", done, { once: true });
    function done(): void {
      clearTimeout(timer);
      signal?.removeEventListener("abort", done);
      resolve();
    }
  });
}
