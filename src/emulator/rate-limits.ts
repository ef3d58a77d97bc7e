/**
 * Infisical's rate limits: per client IP and route, a fixed window (60 s) with separate budgets for reads (GET) and
 * writes (everything else). Off until switched on through the control API.
 */
import { z } from "zod";

export const rateLimitSettings = z.object({
  enabled: z.boolean(),
  readsPerMinute: z.number().int().min(1).default(60),
  writesPerMinute: z.number().int().min(1).default(200),
  /** Length of the fixed window; 60 like the server unless a test needs a shorter one. */
  windowSeconds: z.number().int().min(1).max(3600).default(60),
});
export type RateLimitSettings = z.infer<typeof rateLimitSettings>;

export const DEFAULT_RATE_LIMITS: RateLimitSettings = {
  enabled: false,
  readsPerMinute: 60,
  writesPerMinute: 200,
  windowSeconds: 60,
};

export interface RateLimitVerdict {
  readonly allowed: boolean;
  /** `x-ratelimit-*` headers, plus `retry-after` when refused. */
  readonly headers: Readonly<Record<string, string>>;
  /** Seconds until the window resets. */
  readonly retryAfterSeconds: number;
}

interface Window {
  readonly startedAt: number;
  count: number;
}

export function rateLimitMessage(seconds: number): string {
  return `Rate limit exceeded. Please try again in ${seconds} seconds`;
}

export class RateLimiter {
  private current: RateLimitSettings = DEFAULT_RATE_LIMITS;
  private windows = new Map<string, Window>();

  /** Replaces the settings and starts every window afresh. */
  configure(settings: RateLimitSettings): void {
    this.current = settings;
    this.windows.clear();
  }

  settings(): RateLimitSettings {
    return this.current;
  }

  reset(): void {
    this.configure(DEFAULT_RATE_LIMITS);
  }

  /** Counts one request; undefined when limits are off. */
  check(clientIp: string, method: string, routeKey: string, now: number = Date.now()): RateLimitVerdict | undefined {
    if (!this.current.enabled) return undefined;
    const isRead = method === "GET" || method === "HEAD";
    const limit = isRead ? this.current.readsPerMinute : this.current.writesPerMinute;
    const windowMs = this.current.windowSeconds * 1000;
    const key = `${clientIp} ${method} ${routeKey}`;
    let window = this.windows.get(key);
    if (window === undefined || now - window.startedAt >= windowMs) {
      window = { startedAt: now, count: 0 };
      this.windows.set(key, window);
    }
    window.count += 1;
    const resetSeconds = Math.max(1, Math.ceil((window.startedAt + windowMs - now) / 1000));
    const allowed = window.count <= limit;
    const headers: Record<string, string> = {
      "x-ratelimit-limit": String(limit),
      "x-ratelimit-remaining": String(Math.max(0, limit - window.count)),
      "x-ratelimit-reset": String(resetSeconds),
    };
    if (!allowed) headers["retry-after"] = String(resetSeconds);
    return { allowed, headers, retryAfterSeconds: resetSeconds };
  }
}
