/**
 * Logs for Terraform: hclog JSON lines on stderr, which go-plugin reads and re-emits under TF_LOG at the level
 * each line carries. stdout belongs to the handshake. Callers never pass secrets; fields are plain facts.
 */
import type { Logger } from "../framework/resource";

export function hclogLogger(module: string, write: (line: string) => void = (l) => process.stderr.write(l)): Logger {
  const emit = (level: string) => (message: string, fields?: Record<string, unknown>) => {
    write(`${JSON.stringify({ "@level": level, "@message": message, "@module": module, "@timestamp": new Date().toISOString(), ...fields })}\n`);
  };
  return { debug: emit("debug"), info: emit("info"), warn: emit("warn") };
}
