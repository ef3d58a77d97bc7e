/**
 * `vaultbridge import <address> <id>`: finds the object and records it in state (secrets come from configuration
 * later).
 */
import { type Diagnostic, Diagnostics } from "../framework/diagnostics";
import { silentLogger } from "../framework/resource";
import { variableValues } from "./evaluate";
import { loadStack } from "./stack";
import { checkStateDocument } from "./state-checks";
import { closest } from "./suggest";
import { KNOWN, newCore, openStore, prefix, providerConfig, schemaVersionOf } from "./provider-cores";
import { StateBook } from "./state-book";
import type { EngineOptions } from "./types";

/** `vaultbridge import <address> <id>`: finds the object and records it in state (secrets come from config later). */
export async function importResource(stackDir: string, address: string, id: string, options: EngineOptions = {}): Promise<readonly Diagnostic[]> {
  const diags = new Diagnostics();
  const env = options.env ?? process.env;
  const log = options.log ?? silentLogger;
  const stack = loadStack(stackDir, KNOWN, diags);
  if (!stack || diags.hasError()) return diags.toArray();
  const m = /^([^.[]+)\.([^.[]+)(?:\[(\d+)\])?$/.exec(address);
  const r = m ? stack.resources.find((x) => x.type === m[1] && x.name === m[2]) : undefined;
  if (!m || !r) {
    const typo = closest(address.replace(/\[\d+\]$/, ""), stack.resources.map((x) => x.address));
    diags.error("Resource Not In Configuration", typo ? `${address} is not declared in the stack: did you mean ${typo}?` : `${address} is not declared in the stack; declare it first, then import (as with terraform import).`);
    return diags.toArray();
  }
  const vars = variableValues(stack.variables, options.vars ?? {}, env);
  const core = newCore(r.provider, env, log);
  if (!core) return diags.error("Unknown Provider", `No provider configuration "${r.provider}".`).toArray();
  prefix(diags, `provider.${r.provider}`, core.configure(providerConfig(stack, r.provider, vars.values)));
  if (diags.hasError()) return diags.toArray();
  const store = await openStore(stack, env, diags);
  const lock = store ? await store.lock("import", options.lockTimeoutMs ?? 0, diags) : null;
  if (!store || !lock) {
    await core.close();
    await store?.close();
    return diags.toArray();
  }
  try {
    const state = await store.read();
    checkStateDocument(state, store.description, schemaVersionOf, diags);
    if (diags.hasError()) return diags.toArray();
    const book = new StateBook(stack.statePath, state, store);
    if (book.value(address)) {
      diags.error("Resource Already Managed", `${address} is already in the state; remove it from the state first to import another object there.`);
      return diags.toArray();
    }
    const imported = await core.importResourceState(r.type, id);
    diags.addAll(imported.diagnostics);
    if (!imported.state) return diags.toArray();
    const read = await core.readResource(r.type, imported.state);
    diags.addAll(read.diagnostics);
    if (!read.state) return diags.error("Cannot Import Non-Existent Remote Object", `${id} disappeared while importing.`).toArray();
    const index = m[3] === undefined ? undefined : Number(m[3]);
    book.put({ address, resource: r.address, type: r.type, index, providerKey: r.provider }, read.state, r, core);
    await book.flush();
    return diags.toArray();
  } finally {
    await core.close();
    await lock.release();
    await store.close();
  }
}
