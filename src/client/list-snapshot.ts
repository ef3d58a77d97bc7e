/**
 * One list call shared by every concurrent read of a refresh: N reads cost one call, not N. A read missing from
 * the list is confirmed with a GET before it is declared gone (lists can lag). Any write drops the list.
 */
import { NotFoundError } from "./errors";

export class ListSnapshot<T extends { readonly id: string }> {
  private snapshot: Promise<Map<string, T>> | null = null;

  constructor(private readonly list: (signal?: AbortSignal) => Promise<T[]>) {}

  /** Every object, from the shared list (data sources and adoption read the same one call as refresh). */
  async all(signal?: AbortSignal): Promise<T[]> {
    return [...(await this.shared(signal)).values()];
  }

  /** The object from the shared list when `accept` takes it, else from `get`; null when gone. */
  async read(id: string, get: () => Promise<T>, accept: (hit: T) => boolean = () => true, signal?: AbortSignal): Promise<T | null> {
    // A failed list: this read falls back to its own GET.
    const listed = await this.shared(signal).catch(() => new Map<string, T>());
    const hit = listed.get(id);
    if (hit && accept(hit)) return hit;
    try {
      return await get();
    } catch (err) {
      if (err instanceof NotFoundError) return null;
      throw err;
    }
  }

  /**
   * The first listed object `accept` takes, else `get`'s answer (null when there is none): a name looked up for an
   * import or an interrupted create is found in the one shared list; only a name missing from it costs a call.
   */
  async find(accept: (x: T) => boolean, get: () => Promise<T | null>, signal?: AbortSignal): Promise<T | null> {
    const listed = await this.shared(signal).catch(() => new Map<string, T>());
    for (const x of listed.values()) if (accept(x)) return x;
    try {
      return await get();
    } catch (err) {
      if (err instanceof NotFoundError) return null;
      throw err;
    }
  }

  private shared(signal?: AbortSignal): Promise<Map<string, T>> {
    const pending = (this.snapshot ??= this.list(signal).then((all) => new Map(all.map((x) => [x.id, x]))));
    // A failed list is not kept: the next caller tries again.
    pending.catch(() => {
      if (this.snapshot === pending) this.snapshot = null;
    });
    return pending;
  }

  /** Called before every write. */
  invalidate(): void {
    this.snapshot = null;
  }
}
