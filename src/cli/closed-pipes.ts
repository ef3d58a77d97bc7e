/**
 * `vaultbridge … | head -1`: once the reader is gone, every write to stdout fails with EPIPE, and Node throws an
 * unhandled 'error' event — a stack trace, and a command stopped half way (an apply among them). Installed once,
 * in the CLI entry: output to a closed pipe is dropped, and the command finishes its work with its own status.
 */
const GONE = new Set(["EPIPE", "ERR_STREAM_DESTROYED"]);

export function ignoreClosedPipes(streams: readonly NodeJS.WriteStream[] = [process.stdout, process.stderr]): void {
  for (const stream of streams) {
    stream.on("error", (err: NodeJS.ErrnoException) => {
      if (!GONE.has(err.code ?? "")) throw err;
    });
  }
}
