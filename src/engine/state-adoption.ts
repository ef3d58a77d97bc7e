/**
 * Objects brought into the state before refresh, with no API write: creates an interrupted run committed (its
 * intents), and `import` blocks.
 */
import { ProviderCore } from "../core/provider-core";
import { Diagnostics } from "../framework/diagnostics";
import { type ObjectValue, type Value } from "../framework/value";
import { evaluate } from "./evaluate";
import { type Stack } from "./stack";
import { type StateDocument } from "./state-file";
import { prefix } from "./provider-cores";
import { runLimited } from "./scheduling";
import { StateBook } from "./state-book";
import { intentsBeside, intentsInState, putIntentsInState } from "./state-intents";

/**
 * A run killed between sending a create and recording its result leaves the object on the server and an intent
 * beside the state. Before refreshing, each such object is looked up by name and adopted into the state, so the
 * next apply completes the stack without a duplicate. An intent whose address the state records is only settled.
 */
export async function adoptIntents(stack: Stack, state: StateDocument, cores: Map<string, ProviderCore<unknown>>, diags: Diagnostics): Promise<void> {
  // Intents beside a local state file, or carried in the (remote) state document itself.
  const carried = intentsInState(state);
  const intents = new Map([...intentsBeside(stack.statePath).all(), ...carried]);
  if (intents.size === 0) return;
  const adopted: string[] = [];
  const book = new StateBook(stack.statePath, state);
  // Looked up ten at a time (a killed apply can leave a batch of them), then adopted in the intents' order.
  const pending = [...intents].flatMap(([address, intent]) => {
    const r = stack.resources.find((x) => address === x.address || address.startsWith(`${x.address}[`));
    // Recorded in state already: the run died after writing the state and before settling the intent.
    if (book.value(address)) {
      book.fulfil({ address });
      return [];
    }
    const providerKey = intent.providerKey;
    const core = providerKey === undefined ? undefined : cores.get(providerKey);
    return r && core && providerKey !== undefined ? [{ address, intent, r, core, providerKey, found: null as ObjectValue | null }] : [];
  });
  await runLimited(
    pending.map((p) => async () => {
      p.found = (await p.core.importResourceState(p.intent.type, p.intent.importId)).state;
    }),
    10,
  );
  for (const { address, intent, r, core, providerKey, found } of pending) {
    if (!found) continue;
    const index = /\[(\d+)\]$/.exec(address)?.[1];
    book.put({ address, resource: r.address, type: intent.type, index: index === undefined ? undefined : Number(index), providerKey }, found, r, core);
    adopted.push(address);
    diags.warning("Adopted An Interrupted Create", `${r.constructPath}: ${address} was being created when an earlier run stopped; the object it created (${intent.importId}) is adopted instead of created again.`);
  }
  Object.assign(state, book.snapshot());
  // An intent the state carried is settled with the object it found: both reach the store with this plan's apply.
  const left = intentsInState(state);
  for (const address of adopted) left.delete(address);
  putIntentsInState(state, left);
}

/**
 * `import` blocks: each target not yet in state is looked up by its import id and read into `state` (the refreshed
 * state apply starts from), so the plan treats it as existing — an import, then whatever update the configuration
 * asks for. Nothing is written to the API for the import itself. Returns the imported addresses and their ids.
 */
export async function importBlocks(stack: Stack, state: StateDocument, cores: Map<string, ProviderCore<unknown>>, variables: ReadonlyMap<string, Value>, diags: Diagnostics): Promise<Map<string, string>> {
  const imported = new Map<string, string>();
  if (stack.imports.length === 0) return imported;
  const book = new StateBook(stack.statePath, state);
  for (const i of stack.imports) {
    const r = stack.resources.find((x) => x.address === i.to.replace(/\[\d+\]$/, ""));
    const core = r ? cores.get(r.provider) : undefined;
    if (!r || !core || book.value(i.to)) continue; // already managed: the import block has nothing left to do
    const id = evaluate(i.id, { variables, instance: () => undefined, countOf: () => undefined });
    if (typeof id !== "string" || id.trim() === "") {
      diags.error("Invalid Import Id", `import block for ${i.to}: the id must be a non-empty string known at plan time.`);
      continue;
    }
    const found = await core.importResourceState(r.type, id);
    prefix(diags, `${r.constructPath} (import ${JSON.stringify(id)})`, found.diagnostics);
    if (!found.state) continue;
    const read = await core.readResource(r.type, found.state);
    prefix(diags, r.constructPath, read.diagnostics);
    if (!read.state) continue;
    const index = /\[(\d+)\]$/.exec(i.to)?.[1];
    book.put({ address: i.to, resource: r.address, type: r.type, index: index === undefined ? undefined : Number(index), providerKey: r.provider }, read.state, r, core);
    imported.set(i.to, id);
  }
  Object.assign(state, book.snapshot());
  return imported;
}
