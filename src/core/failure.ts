/**
 * A thrown error from a CRUD call, as one diagnostic: "Unable to <verb> <type>" with the API's one-sentence
 * explanation as detail. Anything that is not one of our error classes is a bug, and says so.
 */
import { VaultbridgeError } from "../client/errors";
import type { Diagnostic } from "../framework/diagnostics";

export function describeFailure(err: unknown, verb: string, what: string): Diagnostic {
  if (err instanceof VaultbridgeError) {
    return { severity: "error", summary: `Unable to ${verb} ${what}`, detail: err.message };
  }
  const message = err instanceof Error ? err.message : String(err);
  return {
    severity: "error",
    summary: `Unexpected error during ${verb} of ${what}`,
    detail: `${message}. This is a bug in vaultbridge, please report it.`,
  };
}
