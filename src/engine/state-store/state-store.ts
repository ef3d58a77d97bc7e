/**
 * Where a stack's state lives: the local file, or Terraform's `pg` or `http` backend, so that Terraform and the
 * engine (and two runners of either) share one state and serialise on one lock. Every store speaks the state as
 * Terraform's version-4 document; none ever puts a password in a message.
 */
import type { Diagnostics } from "../../framework/diagnostics";
import type { StateDocument } from "../state-file";

export interface HeldLock {
  /** Lets the lock go; safe to call twice. */
  release(): Promise<void>;
}

export interface StateStore {
  /** Where the state is, for messages: backend, place and workspace — never a password. */
  readonly description: string;
  /** Remote stores carry the engine's create intents inside the state, so they move with it between runners. */
  readonly keepsIntentsInState: boolean;
  /** The current state (an empty one when there is none yet). */
  read(): Promise<StateDocument>;
  /** Writes `state` as the next serial and returns it as written (serial bumped). */
  write(state: StateDocument): Promise<StateDocument>;
  /**
   * Takes the state lock for `operation`, waiting up to `timeoutMs` for another holder (Terraform or the engine) to
   * let it go; null (with an error naming the holder) when it does not.
   */
  lock(operation: string, timeoutMs: number, diags: Diagnostics): Promise<HeldLock | null>;
  close(): Promise<void>;
}

/** Waits for `attempt` to succeed, retrying every 250 ms up to `timeoutMs`; the last refusal is returned. */
export async function retryUntil<T>(timeoutMs: number, attempt: () => Promise<{ ok: T } | { refused: string }>): Promise<{ ok: T } | { refused: string }> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const r = await attempt();
    if ("ok" in r || Date.now() >= deadline) return r;
    await new Promise((resolve) => setTimeout(resolve, Math.min(250, Math.max(1, deadline - Date.now()))));
  }
}

export function nextSerial(state: StateDocument, terraformVersion: string): StateDocument {
  return { ...state, serial: state.serial + 1, terraform_version: state.terraform_version || terraformVersion };
}
