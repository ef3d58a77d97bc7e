/** The base of every error vaultbridge raises on purpose; `code` is stable for machines, the message for people. */
export class VaultbridgeError extends Error {
  constructor(
    message: string,
    readonly code: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = new.target.name;
  }
}
