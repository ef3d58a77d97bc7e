/**
 * The working state during apply and import: instances by address, written through the stack's state store after
 * every batch of finished operations, and the create intents a killed run leaves beside it.
 */
import type { CreateIntents } from "../core/create-intents";
import { ProviderCore } from "../core/provider-core";
import { type ObjectValue, isWhollyKnown } from "../framework/value";
import { type StackResource } from "./stack";
import { type StateDocument, type StateInstance, type StateResource } from "./state-file";
import type { StateStore } from "./state-store/state-store";
import { ctyTypeOfValue, sensitivePaths, toStateJson } from "./state-values";
import { intentsBeside, intentsInState, setIntentInState } from "./state-intents";
import { instanceAddress, providerAddress } from "./provider-cores";
import type { InstanceChange, PlannedOutput } from "./types";

/** The working state during apply: instances by address, written atomically after every change. */
export class StateBook {
  private doc: StateDocument;
  private readonly intents: CreateIntents;
  private pending: Promise<void> | null = null;
  private writing: Promise<void> = Promise.resolve();

  /** `store` is where flush writes (absent for a book that only assembles a state in memory). */
  constructor(
    path: string,
    start: StateDocument,
    private readonly store?: StateStore,
  ) {
    this.doc = structuredClone(start);
    this.intents = intentsBeside(path);
  }

  value(address: string): ObjectValue | null {
    const hit = this.find(address);
    return hit ? (hit.inst.attributes as ObjectValue) : null;
  }

  put(c: Pick<InstanceChange, "address" | "resource" | "type" | "index" | "providerKey">, state: ObjectValue, r: StackResource, core: ProviderCore<unknown>): void {
    const [type, name] = c.resource.split(".");
    let res = this.doc.resources.find((x) => x.type === type && x.name === name && x.mode === "managed");
    if (!res) {
      res = { mode: "managed", type, name, provider: providerAddress(core.definition.source, c.providerKey), instances: [] };
      if (c.index !== undefined) res.each = "list";
      this.doc.resources.push(res);
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
    const i = res.instances.findIndex((x) => (x.index_key ?? undefined) === c.index);
    if (i >= 0) res.instances[i] = inst;
    else res.instances.push(inst);
    res.instances.sort((a, b) => Number(a.index_key ?? 0) - Number(b.index_key ?? 0));
  }

  snapshot(): StateDocument {
    return structuredClone(this.doc);
  }

  remove(address: string): void {
    const hit = this.find(address);
    if (!hit) return;
    hit.res.instances = hit.res.instances.filter((x) => x !== hit.inst);
    this.doc.resources = this.doc.resources.filter((r) => r.instances.length > 0);
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

  /** Records that a create is about to be sent, so a killed run can be recovered (see adoptIntents). */
  intend(c: InstanceChange, core: ProviderCore<unknown>, planned: ObjectValue): { address: string } | null {
    const importId = core.resource(c.type)?.importIdOf?.(planned);
    if (!importId) return null;
    if (this.intentsInState) setIntentInState(this.doc, c.address, { type: c.type, providerKey: c.providerKey, importId, time: new Date().toISOString(), pid: process.pid });
    else this.intents.record(c.address, { type: c.type, providerKey: c.providerKey, importId });
    return { address: c.address };
  }

  /** The create is settled (recorded in state, or nothing was created): its intent goes with the next write. */
  fulfil(intent: { address: string }): void {
    if (this.intentsInState || intentsInState(this.doc).has(intent.address)) setIntentInState(this.doc, intent.address, null);
    if (!this.intentsInState) this.intents.settle(intent.address);
  }

  /** Writes the state now (the first write of a run also keeps the previous file as the backup). */
  flush(): Promise<void> {
    // Writes go one after another (a store's write is async); each takes the state as it is when it starts.
    const write = this.writing.then(async () => {
      if (!this.store) return;
      const written = await this.store.write(this.doc);
      this.doc.serial = written.serial;
      this.doc.terraform_version = written.terraform_version;
    });
    this.writing = write.catch(() => undefined);
    return write;
  }

  /**
   * Persists every change made so far; operations that finish in the same turn share one write (a state of 1000
   * instances costs ~10 ms to write). Resolves once written: an operation counts as done only then.
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
    for (const res of this.doc.resources) {
      for (const inst of res.instances) if (instanceAddress(res, inst) === address) return { res, inst };
    }
    return null;
  }
}


