/**
 * A value that does not fit its declaration, on the way in from Terraform or out to it. The RPC layer turns it
 * into an error diagnostic; the message names the attribute path and what was expected, never the value of a
 * string (it may be a secret).
 */
import { VaultbridgeError } from "../framework/vaultbridge-error";
import { AttributePath } from "../framework/path";

export class CodecError extends VaultbridgeError {
  constructor(
    /** Where the problem is; empty for the whole object. */
    readonly path: AttributePath,
    /** What is wrong, without the location, e.g. `a number is required (got bool)`. */
    readonly problem: string,
    options?: { cause?: unknown },
  ) {
    super(`${path.isEmpty ? "the object" : path.toString()}: ${problem}`, "VB_PROTOCOL_CODEC", options);
  }
}
