/** Everything one running emulator holds, shared by the API pipeline and the control API. */
import type { FaultInjector } from "./faults";
import type { ConnectionService } from "./infisical/connections";
import type { JwtIssuer } from "./infisical/jwt-issuer";
import type { RateLimiter } from "./rate-limits";
import type { RequestLog } from "./request-log";
import type { EmulatorStore } from "./store";

export interface EmulatorRuntime {
  readonly store: EmulatorStore;
  readonly connections: ConnectionService;
  readonly log: RequestLog;
  readonly faults: FaultInjector;
  readonly rateLimits: RateLimiter;
  /** Signs the OIDC / Kubernetes tokens the control API hands out and the logins verify. */
  readonly jwts: JwtIssuer;
  /** Added before every API request. */
  readonly latency: { ms: number };
}
