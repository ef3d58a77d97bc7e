/**
 * A create whose answer was lost (reset, timeout, 5xx after commit) must leave neither a duplicate nor an orphan:
 * before trying again, look the object up by name and adopt it when it is there. A duplicate-name answer on a
 * retry means our earlier attempt did commit, so it is adopted the same way; on a first attempt it is an error
 * (someone else owns that name).
 */
import { ConflictError, isAmbiguousFailure } from "../client/errors";
import type { Logger } from "../framework/resource";

export interface CreateWithRecoveryOptions<T> {
  readonly create: () => Promise<T>;
  /** The object with our name, or null when there is none. */
  readonly findByName: () => Promise<T | null>;
  readonly what: string;
  readonly log: Logger;
  readonly signal?: AbortSignal;
  /** Attempts of the create itself (the HTTP layer has already retried what it safely could). */
  readonly attempts?: number;
}

export async function createWithRecovery<T>(o: CreateWithRecoveryOptions<T>): Promise<T> {
  const attempts = o.attempts ?? 4;
  let uncertain = false;
  for (let attempt = 1; ; attempt++) {
    try {
      return await o.create();
    } catch (err) {
      const lostAnswer = isAmbiguousFailure(err);
      if (!lostAnswer && !(uncertain && err instanceof ConflictError)) throw err;
      uncertain = true;
      o.log.warn(`creating ${o.what}: the answer was lost; looking it up by name before trying again`, { attempt });
      const found = await o.findByName();
      if (found !== null) {
        o.log.info(`creating ${o.what}: found the object an earlier attempt committed; adopting it`);
        return found;
      }
      if (attempt >= attempts || o.signal?.aborted) throw err;
      await sleep(Math.round(250 * 2 ** (attempt - 1) * (0.5 + Math.random() / 2)));
    }
  }
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
