/** The vaultbridge API emulator (DESIGN §3): Infisical App Connections + ScrapEngine vault integrations, one port. */
export { startEmulator, type ReadyLine, type RunningEmulator } from "./server";
export {
  DEFAULT_API_KEY,
  DEFAULT_CLIENT_ID,
  DEFAULT_CLIENT_SECRET,
  DEFAULT_HOST,
  DEFAULT_TOKEN_TTL_SECONDS,
  type EmulatorOptions,
} from "./options";
export type { RequestLogEntry, FaultKind } from "./request-log";
export type { FaultRule } from "./faults";
export type { RateLimitSettings } from "./rate-limits";
