/**
 * The working state during apply and import: instances by address, written through the stack's state store at the
 * cadence write-cadence.ts sets, and the create intents a killed run leaves beside it.
 */
import { ProviderCore } from "../core/provider-core";
import { type ObjectValue, isWhollyKnown } from "../framework/value";
import { type StackResource } from "./stack";
import { type StateDocument, type StateInstance, type StateResource } from "./state-file";
import type { StateStore } from "./state-store/state-store";
import { ctyTypeOfValue, sensitivePaths, toStateJson } from "./state-values";
import type { CreateIntent } from "../core/create-intents";
import { intentsBeside, intentsInState, putIntentsInState } from "./state-intents";
import type { IntentJournal } from "./intent-journal";
import { MIN_BATCH, WRITE_FRACTION, WriteCadence } from "./write-cadence";
import { instanceAddress, providerAddress } from "./provider-cores";
import type { InstanceChange, PlannedOutput } from "./types";

/** A create not yet started, as the plan has it: what a remote state's intent for it would hold. */
export interface PendingCreate {
  readonly address: string;
  readonly type: string;
  readonly providerKey: string;
  readonly importId: string;
}

/** The working state during apply: instances by address, written atomically in batches of finished changes. */
export class StateBook {
  private doc: StateDocument;
  private readonly intents: IntentJournal;
  private readonly cadence = new WriteCadence();
  /** Creates recorded in the working state whose (local) intents go once a write holding them has finished. */
  private readonly fulfilled = new Set<string>();
  /** The intents the state document carries, kept here and put back into it at each write. */
  private readonly carried: Map<string, CreateIntent>;
  /** Remote intents written ahead of their creates: the import id, the write holding it, what it replaced. */
  private readonly reserved = new Map<string, { importId: string; written: Promise<void>; replaced?: CreateIntent }>();
  private pending: Promise<void> | null = null;
  private writing: Promise<void> = Promise.resolve();
  // Indexes, so that each put, look-up and removal costs the same at 10,000 instances as at 10 (linear applies);
  // ordering and removals are settled once per write, not once per change.
  private readonly byAddress = new Map<string, { res: StateResource; inst: StateInstance }>();
  private readonly byResource = new Map<string, StateResource>();
  private readonly unsorted = new Set<StateResource>();
  private readonly removed = new Set<StateInstance>();

  /** `store` is where flush writes (absent for a book that only assembles a state in memory). */
  constructor(
    path: string,
    start: StateDocument,
    private readonly store?: StateStore,
  ) {
    this.doc = structuredClone(start);
    this.intents = intentsBeside(path);
    this.carried = intentsInState(this.doc);
    for (const res of this.doc.resources) {
      if (res.mode !== "managed") continue;
      this.byResource.set(`${res.type}.${res.name}`, res);
      for (const inst of res.instances) this.byAddress.set(instanceAddress(res, inst), { res, inst });
    }
  }

  value(address: string): ObjectValue | null {
    const hit = this.find(address);
    return hit ? (hit.inst.attributes as ObjectValue) : null;
  }

  put(c: Pick<InstanceChange, "address" | "resource" | "type" | "index" | "providerKey">, state: ObjectValue, r: StackResource, core: ProviderCore<unknown>): void {
    const [type, name] = c.resource.split(".");
    let res = this.byResource.get(c.resource);
    if (!res) {
      res = { mode: "managed", type, name, provider: providerAddress(core.definition.source, c.providerKey), instances: [] };
      if (c.index !== undefined) res.each = "list";
      this.doc.resources.push(res);
      this.byResource.set(c.resource, res);
    }
    const def = core.resource(c.type);
    const inst: StateInstance = {
      schema_version: def?.version ?? 0,
      attributes: toStateJson(state),
      sensitive_attributes: def ? sensitivePaths(def.attributes) : [],
      dependencies: [...r.dependencies].sort(),
      ...(c.index !== undefined ? { index_key: c.index } : {}),
      ...(r.lifecycle.createBeforeDestroy ? { create_before_destroy: true } : {}),
    };
    this.cadence.finish();
    const existing = this.byAddress.get(c.address);
    if (existing && existing.res === res) {
      // Replaced in place: the instance keeps its position, the index its entry.
      const slot = existing.inst as Record<string, unknown>;
      for (const k of Object.keys(slot)) delete slot[k];
      Object.assign(slot, inst);
      return;
    }
    res.instances.push(inst);
    this.byAddress.set(c.address, { res, inst });
    this.unsorted.add(res);
  }

  snapshot(): StateDocument {
    // A book that writes no state (adoption's, during plan) settles its intents here, in one rewrite of the file.
    if (!this.store) {
      this.intents.settle(this.fulfilled);
      this.fulfilled.clear();
    }
    this.settle();
    return structuredClone(this.doc);
  }

  remove(address: string): void {
    const hit = this.byAddress.get(address);
    if (!hit) return;
    this.cadence.finish();
    this.byAddress.delete(address);
    this.removed.add(hit.inst);
    this.unsorted.add(hit.res);
  }

  /** Puts the intents back and settles the instances: once per write, not per change. */
  private settle(): void {
    putIntentsInState(this.doc, this.carried);
    this.settleInstances();
  }

  /** Orders instances by index and drops removed ones (and empty resources). */
  private settleInstances(): void {
    if (this.unsorted.size === 0) return;
    for (const res of this.unsorted) {
      res.instances = res.instances.filter((x) => !this.removed.has(x)).sort((a, b) => Number(a.index_key ?? 0) - Number(b.index_key ?? 0));
      if (res.instances.length === 0) this.byResource.delete(`${res.type}.${res.name}`);
    }
    this.doc.resources = this.doc.resources.filter((r) => r.instances.length > 0);
    this.unsorted.clear();
    this.removed.clear();
  }

  setOutputs(outputs: readonly PlannedOutput[]): void {
    this.doc.outputs = Object.fromEntries(
      outputs.filter((o) => isWhollyKnown(o.value) && o.value !== null).map((o) => [o.name, { value: o.value, type: ctyTypeOfValue(o.value), ...(o.sensitive ? { sensitive: true } : {}) }]),
    );
  }

  /** True when intents live in the state document: each must be persisted before its create is sent. */
  get intentsInState(): boolean {
    return this.store?.keepsIntentsInState === true;
  }

  /**
   * Records that a create is about to be sent, so a killed run can be recovered (see adoptIntents); resolves once
   * the record is durable. Beside a local state that is one small append. In a remote state it takes a write of
   * the whole document, so that write also reserves intents for `upcoming` creates — as many as the cadence lets
   * finish between two writes — and those need none of their own: the writes made for intents total O(N) bytes, as
   * the cadence's do. A reservation whose create is never sent is dropped at the end of the run (after a kill, the
   * next plan looks it up, finds nothing, and keeps it until that create is made).
   */
  async intend(c: InstanceChange, core: ProviderCore<unknown>, planned: ObjectValue, upcoming: (n: number) => readonly PendingCreate[] = () => []): Promise<{ address: string } | null> {
    const importId = core.resource(c.type)?.importIdOf?.(planned);
    if (!importId) return null;
    if (!this.intentsInState) {
      this.intents.record(c.address, { type: c.type, providerKey: c.providerKey, importId });
      return { address: c.address };
    }
    const held = this.reserved.get(c.address);
    if (held?.importId === importId) {
      await held.written;
      return { address: c.address };
    }
    const time = new Date().toISOString();
    const batch = [{ address: c.address, type: c.type, providerKey: c.providerKey, importId }, ...upcoming(Math.max(MIN_BATCH, Math.ceil(WRITE_FRACTION * this.byAddress.size)))];
    const replaced = batch.map((b) => this.reserved.get(b.address)?.replaced ?? this.carried.get(b.address));
    for (const b of batch) this.carried.set(b.address, { type: b.type, providerKey: b.providerKey, importId: b.importId, time, pid: process.pid });
    const written = this.persist();
    batch.forEach((b, i) => this.reserved.set(b.address, { importId: b.importId, written, replaced: replaced[i] }));
    await written;
    return { address: c.address };
  }

  /** The run is over: reservations whose creates were never sent leave the state (what they replaced comes back). */
  dropReservations(): void {
    for (const [address, r] of this.reserved) {
      if (r.replaced) this.carried.set(address, r.replaced);
      else this.carried.delete(address);
    }
    this.reserved.clear();
  }

  /**
   * The create is settled (recorded in the working state, or nothing was created). In the state document its
   * intent goes with the next write; beside a local state, once that write has finished (a book that writes no
   * state, as adoption's during plan, settles it with its snapshot: the state on disk holds the instance already).
   */
  fulfil(intent: { address: string }): void {
    this.carried.delete(intent.address);
    this.reserved.delete(intent.address);
    if (!this.intentsInState) this.fulfilled.add(intent.address);
  }

  /** Writes the state now (the first write of a run also keeps the previous file as the backup). */
  flush(): Promise<void> {
    // Writes go one after another (a store's write is async); each takes the state as it is when it starts.
    const write = this.writing.then(async () => {
      if (!this.store) return;
      this.settle();
      const settling = [...this.fulfilled];
      this.fulfilled.clear();
      const finished = this.cadence.started();
      try {
        const written = await this.store.write(this.doc);
        this.doc.serial = written.serial;
        this.doc.terraform_version = written.terraform_version;
      } catch (err) {
        for (const a of settling) this.fulfilled.add(a);
        throw err;
      }
      finished();
      this.intents.settle(settling);
    });
    this.writing = write.catch(() => undefined);
    return write;
  }

  /**
   * After an operation finished: writes the state when the cadence says a write is due (operations finishing in
   * the same turn share it, and wait for it), else resolves at once.
   */
  checkpoint(): Promise<void> {
    return this.cadence.due(this.byAddress.size) ? this.persist() : Promise.resolve();
  }

  /** Closes the intents file (the book is done with). */
  close(): void {
    this.intents.close();
  }

  /**
   * Persists every change made so far; operations that finish in the same turn share one write. Resolves once
   * written.
   */
  persist(): Promise<void> {
    this.pending ??= new Promise((resolve, reject) =>
      setImmediate(() => {
        this.pending = null;
        this.flush().then(resolve, reject);
      }),
    );
    return this.pending;
  }

  private find(address: string): { res: StateResource; inst: StateInstance } | null {
    return this.byAddress.get(address) ?? null;
  }
}


