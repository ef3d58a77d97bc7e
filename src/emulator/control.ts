/**
 * The control API: not part of either real API; lets tests and demos inspect and steer the emulator. Control routes
 * are never rate-limited, delayed, fault-injected or logged. Bodies are JSON, validated (400 with the issues).
 *
 *   GET    /__emulator/health                   → 200 { ok: true }
 *   GET    /__emulator/requests                 → 200 { requests: [{ method, path, query, status, time, durationMs,
 *                                                   api, fault? }] }   (no headers or bodies, so no secrets;
 *                                                   status null = the connection was dropped)
 *   DELETE /__emulator/requests                 → 204, empties the log
 *   POST   /__emulator/reset                    → 204: forgets connections, integrations, tokens, fault rules, rate
 *                                                   limits, latency and the log; keeps the org/project/gateway ids
 *                                                   and the configured credentials
 *   GET    /__emulator/faults                   → 200 { rules }  (with what remains of each rule's `times`)
 *   PUT    /__emulator/faults                   { rules: [{ method?, path? (regex on the path), status?, body?,
 *                                                headers?, delayMs?, delayAfterCommitMs?, drop?: "before" |
 *                                                "after", failAfterCommit?: status, times?, probability?: 0..1,
 *                                                echoBody?, echoHeaders?, text?, endlessBody? }], seed?: uint32 }
 *                                                → 200 { rules }; replaces every rule, `{ rules: [] }` clears.
 *                                                A request takes the first rule that matches and fires: `delayMs`
 *                                                waits; `status` answers it unhandled (`body`, else the API's error
 *                                                body); `drop: "before"` closes the connection unhandled;
 *                                                `drop: "after"` commits then closes without answering;
 *                                                `failAfterCommit` commits then answers that status;
 *                                                `delayAfterCommitMs` commits, then waits before answering. The
 *                                                answer's message may quote the request (`echoBody`, with
 *                                                `echoHeaders` its headers too), its body may be raw `text` (an
 *                                                HTML page) or never end (`endlessBody`). A `seed` makes the
 *                                                `probability` draws repeatable.
 *   GET    /__emulator/rate-limits              → 200 settings
 *   PUT    /__emulator/rate-limits              { enabled, readsPerMinute? = 60, writesPerMinute? = 200,
 *                                                windowSeconds? = 60 } → 200 settings. Per client IP and route,
 *                                                fixed window; 429 with retry-after and x-ratelimit-* headers.
 *   GET    /__emulator/latency                  → 200 { ms }
 *   PUT    /__emulator/latency                  { ms } → 200 { ms }: delay added to every API request
 *   POST   /__emulator/connections/{id}/refresh → 200 { appConnection }: a background token refresh (new
 *                                                credentialsHash, nothing else changes); 404 when missing
 *   POST   /__emulator/connections/{id}/rotate  → 200 { appConnection }: the scheduled credential rotation, run now
 *                                                (new credentialsHash, nextRotationAt counted from now); 404 when
 *                                                missing, 400 when auto rotation is off
 *   POST   /__emulator/oidc/token               { identityId, claims? } → 200 { token }: an RS256 JWT for the OIDC or
 *                                                Kubernetes identity, signed with the emulator's key, that its
 *                                                logins accept; `claims` override the defaults (e.g. a past `exp`)
 *
 * Errors: { statusCode, error, message }.
 */
import { STATUS_CODES } from "node:http";
import { z } from "zod";
import { faultRules } from "./faults";
import { json, ReplyError, type Reply } from "./http";
import { rateLimitSettings } from "./rate-limits";
import { matchRoute, type Route } from "./router";
import type { EmulatorRuntime } from "./runtime";

export const CONTROL_PREFIX = "/__emulator";

const latencySettings = z.object({ ms: z.number().int().min(0).max(600_000) });
const tokenRequest = z.object({ identityId: z.string().min(1), claims: z.record(z.string(), z.unknown()).optional() });

export function isControlPath(path: string): boolean {
  return path === CONTROL_PREFIX || path.startsWith(`${CONTROL_PREFIX}/`);
}

export function controlRoutes(runtime: EmulatorRuntime): Route[] {
  const { store, log, faults, rateLimits, latency, connections, jwts } = runtime;
  return [
    { method: "GET", pattern: `${CONTROL_PREFIX}/health`, handler: () => json(200, { ok: true }) },
    { method: "GET", pattern: `${CONTROL_PREFIX}/requests`, handler: () => json(200, { requests: log.entries() }) },
    {
      method: "DELETE",
      pattern: `${CONTROL_PREFIX}/requests`,
      handler: () => {
        log.clear();
        return { status: 204 };
      },
    },
    {
      method: "POST",
      pattern: `${CONTROL_PREFIX}/reset`,
      handler: () => {
        store.reset();
        faults.set([]);
        rateLimits.reset();
        latency.ms = 0;
        log.clear();
        return { status: 204 };
      },
    },
    { method: "GET", pattern: `${CONTROL_PREFIX}/faults`, handler: () => json(200, { rules: faults.list() }) },
    {
      method: "PUT",
      pattern: `${CONTROL_PREFIX}/faults`,
      handler: (ctx) => {
        const body = parse(faultRules, ctx.body);
        faults.set(body.rules, body.seed);
        return json(200, { rules: faults.list() });
      },
    },
    { method: "GET", pattern: `${CONTROL_PREFIX}/rate-limits`, handler: () => json(200, rateLimits.settings()) },
    {
      method: "PUT",
      pattern: `${CONTROL_PREFIX}/rate-limits`,
      handler: (ctx) => {
        rateLimits.configure(parse(rateLimitSettings, ctx.body));
        return json(200, rateLimits.settings());
      },
    },
    { method: "GET", pattern: `${CONTROL_PREFIX}/latency`, handler: () => json(200, { ms: latency.ms }) },
    {
      method: "PUT",
      pattern: `${CONTROL_PREFIX}/latency`,
      handler: (ctx) => {
        latency.ms = parse(latencySettings, ctx.body).ms;
        return json(200, { ms: latency.ms });
      },
    },
    {
      method: "POST",
      pattern: `${CONTROL_PREFIX}/connections/:id/refresh`,
      handler: (ctx) => {
        const appConnection = connections.refresh(ctx.params.id);
        if (appConnection === undefined) throw connectionNotFound(ctx.params.id);
        return json(200, { appConnection });
      },
    },
    {
      method: "POST",
      pattern: `${CONTROL_PREFIX}/connections/:id/rotate`,
      handler: (ctx) => {
        const appConnection = connections.rotate(ctx.params.id);
        if (appConnection === undefined) throw connectionNotFound(ctx.params.id);
        if (appConnection === "disabled") {
          throw controlError(400, `Auto rotation is not enabled on App Connection ${ctx.params.id}`);
        }
        return json(200, { appConnection });
      },
    },
    {
      method: "POST",
      pattern: `${CONTROL_PREFIX}/oidc/token`,
      handler: (ctx) => {
        const { identityId, claims } = parse(tokenRequest, ctx.body);
        const { oidc, kubernetes } = store.identities;
        if (identityId !== oidc && identityId !== kubernetes) {
          throw controlError(404, `No OIDC or Kubernetes machine identity with ID ${identityId}; the emulator has ${oidc} (OIDC) and ${kubernetes} (Kubernetes)`);
        }
        return json(200, { token: jwts.mint(identityId, claims) });
      },
    },
  ];
}

/** Answers a control request; unknown control routes are 404. */
export async function handleControl(
  routes: readonly Route[],
  method: string,
  path: string,
  query: URLSearchParams,
  body: unknown,
): Promise<Reply> {
  const match = matchRoute(routes, method, path);
  if (match === undefined) return controlErrorReply(404, `Unknown control route ${method} ${path}`);
  try {
    return await match.route.handler({ params: match.params, query, body, headers: {} });
  } catch (err) {
    if (err instanceof ReplyError) return err.reply;
    throw err;
  }
}

export function controlErrorReply(status: number, message: unknown): Reply {
  return { status, body: { statusCode: status, error: STATUS_CODES[status] ?? "Error", message } };
}

function connectionNotFound(id: string): ReplyError {
  return controlError(404, `Could not find App Connection with ID ${id}`);
}

function controlError(status: number, message: unknown): ReplyError {
  return new ReplyError(controlErrorReply(status, message));
}

function parse<T>(schema: z.ZodType<T>, body: unknown): T {
  const parsed = schema.safeParse(body ?? {});
  if (!parsed.success) {
    throw controlError(
      400,
      parsed.error.issues.map((i) => ({ path: i.path.map(String), message: i.message })),
    );
  }
  return parsed.data;
}
