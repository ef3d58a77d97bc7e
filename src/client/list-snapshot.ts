/**
 * One list call shared by every concurrent read of a refresh: N reads cost one call, not N. A read missing from
 * the list is confirmed with a GET before it is declared gone (lists can lag). Any write drops the list.
 */
import { NotFoundError } from "./errors";

export class ListSnapshot<T extends { readonly id: string }> {
  private snapshot: Promise<Map<string, T>> | null = null;

  constructor(private readonly list: (signal?: AbortSignal) => Promise<T[]>) {}

  /** The object from the shared list when `accept` takes it, else from `get`; null when gone. */
  async read(id: string, get: () => Promise<T>, accept: (hit: T) => boolean = () => true, signal?: AbortSignal): Promise<T | null> {
    const pending = (this.snapshot ??= this.list(signal).then((all) => new Map(all.map((x) => [x.id, x]))));
    const listed = await pending.catch(() => {
      // A failed list is not kept; every read falls back to its own GET.
      if (this.snapshot === pending) this.snapshot = null;
      return new Map<string, T>();
    });
    const hit = listed.get(id);
    if (hit && accept(hit)) return hit;
    try {
      return await get();
    } catch (err) {
      if (err instanceof NotFoundError) return null;
      throw err;
    }
  }

  /** Called before every write. */
  invalidate(): void {
    this.snapshot = null;
  }
}
