/** Everything one running emulator holds, shared by the API pipeline and the control API. */
import type { FaultInjector } from "./faults";
import type { ConnectionService } from "./infisical/connections";
import type { RateLimiter } from "./rate-limits";
import type { RequestLog } from "./request-log";
import type { EmulatorStore } from "./store";

export interface EmulatorRuntime {
  readonly store: EmulatorStore;
  readonly connections: ConnectionService;
  readonly log: RequestLog;
  readonly faults: FaultInjector;
  readonly rateLimits: RateLimiter;
  /** Added before every API request. */
  readonly latency: { ms: number };
}
