/**
 * Logs for Terraform: hclog JSON lines on stderr, which go-plugin reads and re-emits under TF_LOG at the level
 * each line carries. stdout belongs to the handshake. Callers never pass secrets; fields are plain facts.
 */
import type { Logger } from "../framework/resource";

type Level = "debug" | "info" | "warn";
const LEVELS: readonly Level[] = ["debug", "info", "warn"];

/**
 * `least`: the lowest level written (every line when absent). Providers write only what terraform would show
 * (see providerLogLevel), whether go-plugin reads their lines or, served in-process for a run, the terminal does.
 */
export function hclogLogger(module: string, write: (line: string) => void = (l) => process.stderr.write(l), least?: Level | null): Logger {
  const from = least === undefined ? 0 : least === null ? LEVELS.length : LEVELS.indexOf(least);
  const emit = (level: Level) =>
    LEVELS.indexOf(level) < from
      ? () => undefined
      : (message: string, fields?: Record<string, unknown>) => {
          write(`${JSON.stringify({ "@level": level, "@message": message, "@module": module, "@timestamp": timestamp(), ...fields })}\n`);
        };
  return { debug: emit("debug"), info: emit("info"), warn: emit("warn") };
}

/**
 * The lowest level Terraform would show of a provider's logs: TF_LOG_PROVIDER, else TF_LOG (`JSON` and `TRACE`
 * show everything); null, nothing, when neither is set, as Terraform shows none.
 */
export function providerLogLevel(env: NodeJS.ProcessEnv): Level | null {
  const setting = (env.TF_LOG_PROVIDER || env.TF_LOG || "").toLowerCase();
  if (setting === "trace" || setting === "json" || setting === "debug") return "debug";
  if (setting === "info" || setting === "warn") return setting;
  return null;
}

/** go-plugin parses `@timestamp` with the layout 2006-01-02T15:04:05.000000Z07:00 (microseconds): a line it cannot
 * parse is passed through verbatim at DEBUG, hiding its level. */
function timestamp(): string {
  return new Date().toISOString().replace(/\.(\d{3})Z$/, ".$1000Z");
}
