/**
 * Ctrl-C (Terraform's StopProvider) must not cut a write the server may already be committing: Terraform would
 * record nothing and the object would be orphaned. It should still end at once everything that has no lasting
 * effect: backoff waits, reads, writes not yet sent. So writes run under a *grace signal* that aborts only a bounded
 * time after the stop, and that carries the stop signal itself, which the HTTP layer uses to end waits and to
 * refuse writes it has not sent yet.
 */
import { setMaxListeners } from "node:events";

const stopBehind = new WeakMap<AbortSignal, AbortSignal>();

/** A signal that aborts `graceMs` after `stop` aborts (at once when `graceMs` is 0). */
export function graceSignal(stop: AbortSignal, graceMs: number): AbortSignal {
  const grace = new AbortController();
  // Shared by every write in flight (hundreds in a bulk apply): no listener limit.
  setMaxListeners(0, grace.signal);
  const onStop = (): void => {
    const timer = setTimeout(() => grace.abort(stop.reason), graceMs);
    // Never the reason a finished process stays alive.
    timer.unref();
  };
  if (stop.aborted) onStop();
  else stop.addEventListener("abort", onStop, { once: true });
  stopBehind.set(grace.signal, stop);
  return grace.signal;
}

/** The signal that means "stop now": the stop behind a grace signal, else the signal itself. */
export function stopSignalOf(signal: AbortSignal | undefined): AbortSignal | undefined {
  return signal === undefined ? undefined : (stopBehind.get(signal) ?? signal);
}
