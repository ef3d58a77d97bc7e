/**
 * Logs for Terraform: hclog JSON lines on stderr, which go-plugin reads and re-emits under TF_LOG at the level
 * each line carries. stdout belongs to the handshake. Callers never pass secrets; fields are plain facts.
 */
import type { Logger } from "../framework/resource";

export function hclogLogger(module: string, write: (line: string) => void = (l) => process.stderr.write(l)): Logger {
  const emit = (level: string) => (message: string, fields?: Record<string, unknown>) => {
    write(`${JSON.stringify({ "@level": level, "@message": message, "@module": module, "@timestamp": timestamp(), ...fields })}\n`);
  };
  return { debug: emit("debug"), info: emit("info"), warn: emit("warn") };
}

/** go-plugin parses `@timestamp` with the layout 2006-01-02T15:04:05.000000Z07:00 (microseconds): a line it cannot
 * parse is passed through verbatim at DEBUG, hiding its level. */
function timestamp(): string {
  return new Date().toISOString().replace(/\.(\d{3})Z$/, ".$1000Z");
}
