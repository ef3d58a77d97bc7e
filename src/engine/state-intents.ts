/**
 * Where the engine records creates in flight (see core/create-intents.ts). With the local backend, a file beside
 * the state (`terraform.tfstate.intents.json`); with a remote one (pg, http), inside the state document itself, under
 * `vaultbridge_intents`, so a killed run's objects are adopted by whichever runner resumes. Terraform ignores the
 * key when it reads the state and drops it when it writes one; an intent never holds a secret.
 */
import { type CreateIntent, intentsOf } from "../core/create-intents";
import { IntentJournal } from "./intent-journal";
import type { StateDocument } from "./state-file";

export const INTENTS_KEY = "vaultbridge_intents";

/** The engine's intents, keyed by address, beside the state (`terraform.tfstate.intents.json`). */
export function intentsBeside(statePath: string): IntentJournal {
  return new IntentJournal(`${statePath}.intents.json`);
}

/** The intents a state document carries (well-formed entries only; one bad entry costs only itself). */
export function intentsInState(state: StateDocument): Map<string, CreateIntent> {
  return intentsOf((state as Record<string, unknown>)[INTENTS_KEY] ?? {});
}

/** Sets (intent) or removes (null) one address's intent in the state document; the key disappears when empty. */
export function setIntentInState(state: StateDocument, address: string, intent: CreateIntent | null): void {
  const current = intentsInState(state);
  if (intent) current.set(address, intent);
  else current.delete(address);
  putIntentsInState(state, current);
}

/** Makes `intents` the state document's intents, in one pass (the key disappears when there are none). */
export function putIntentsInState(state: StateDocument, intents: ReadonlyMap<string, CreateIntent>): void {
  const doc = state as Record<string, unknown>;
  if (intents.size > 0) doc[INTENTS_KEY] = Object.fromEntries(intents);
  else delete doc[INTENTS_KEY];
}
