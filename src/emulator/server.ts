/**
 * `startEmulator`: one node:http server speaking the Infisical App Connections API, the ScrapEngine API and the
 * control API. Each API request goes through: latency → fault rule → routing → rate limit → handler, and is
 * logged (method, path, status, timing only).
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import type { ApiSurface } from "./api-surface";
import { controlErrorReply, controlRoutes, handleControl, isControlPath } from "./control";
import { echoedRequest, FaultInjector, injectedFaultMessage, type FaultRule } from "./faults";
import { BodyError, readJsonBody, ReplyError, sendEndless, sendReply, sleep, type Reply } from "./http";
import { UniversalAuth } from "./infisical/auth";
import { ConnectionService } from "./infisical/connections";
import { JwtIssuer } from "./infisical/jwt-issuer";
import { MachineLogins } from "./infisical/machine-logins";
import { infisicalApi } from "./infisical/routes";
import { resolveOptions, type EmulatorOptions, type ResolvedOptions } from "./options";
import { RateLimiter, rateLimitMessage } from "./rate-limits";
import { RequestLog, type FaultKind } from "./request-log";
import { matchRoute, type RequestContext, type Route } from "./router";
import type { EmulatorRuntime } from "./runtime";
import { IntegrationService } from "./scrapengine/integrations";
import { scrapengineApi } from "./scrapengine/routes";
import type { MachineIdentities } from "./state";
import { EmulatorStore } from "./store";

/** The line `vaultbridge emulator` prints when ready (DESIGN §3). */
export interface ReadyLine {
  readonly url: string;
  readonly orgId: string;
  readonly projectId: string;
  readonly gatewayId: string;
  readonly infisical: { readonly clientId: string; readonly clientSecret: string };
  readonly scrapengine: { readonly baseUrl: string; readonly apiKey: string };
  /** A machine identity per login method, and the AWS key pair AWS IAM logins must be signed with. */
  readonly identities: Omit<MachineIdentities, "subOrganization">;
  /** Logins with `organizationSlug` = this slug land here; its connections are its own. */
  readonly subOrganization: MachineIdentities["subOrganization"];
}

export interface RunningEmulator extends ReadyLine {
  readyLine(): ReadyLine;
  close(): Promise<void>;
}

const SCRAPENGINE_PREFIX = "/api/v1/vault-integrations";

export async function startEmulator(options: EmulatorOptions = {}): Promise<RunningEmulator> {
  const settings = resolveOptions(options);
  const store = EmulatorStore.open(settings.dataFile);
  const runtime: EmulatorRuntime = {
    store,
    connections: new ConnectionService(store, { checkPostgres: settings.checkPostgres }),
    log: new RequestLog(),
    faults: new FaultInjector(),
    rateLimits: new RateLimiter(),
    latency: { ms: 0 },
    jwts: new JwtIssuer(),
  };
  const universal = new UniversalAuth(store, settings);
  const infisical = infisicalApi(universal, new MachineLogins(store, universal, runtime.jwts), runtime.connections);
  const scrapengine = scrapengineApi(settings.apiKey, new IntegrationService(store));
  const control = controlRoutes(runtime);
  const apiFor = (path: string): ApiSurface =>
    path === SCRAPENGINE_PREFIX || path.startsWith(`${SCRAPENGINE_PREFIX}/`) ? scrapengine : infisical;

  const server = createServer((req, res) => {
    handleRequest(req, res).catch((err: unknown) => {
      if (req.destroyed && res.destroyed) return; // the client hung up (e.g. gave up on a delayed answer)
      process.stderr.write(`vaultbridge emulator: internal error on ${req.method} ${pathOf(req)}: ${describe(err)}\n`);
      if (!res.headersSent) sendReply(res, controlErrorReply(500, "Internal emulator error"));
      else res.destroy();
    });
  });

  async function handleRequest(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? "/", "http://emulator.invalid");
    const method = (req.method ?? "GET").toUpperCase();
    const path = url.pathname;
    if (isControlPath(path)) {
      const body = await readBodyOr(req, (e) => controlErrorReply(e.status, e.message));
      sendReply(res, body.reply ?? (await handleControl(control, method, path, url.searchParams, body.value)));
      return;
    }

    const api = apiFor(path);
    const arrived = Date.now();
    const record = (status: number | null, fault?: FaultKind): void => {
      const entry = {
        method,
        path,
        query: Object.fromEntries(url.searchParams),
        status,
        time: new Date(arrived).toISOString(),
        durationMs: Date.now() - arrived,
        api: api.name,
        ...(fault === undefined ? {} : { fault }),
      };
      runtime.log.add(entry);
      settings.onRequest?.(entry);
    };

    await sleep(runtime.latency.ms);
    const rule = runtime.faults.take(method, path);
    await sleep(rule?.delayMs ?? 0);
    const body = await readBodyOr(req, (e) => api.errorReply(e.status, e.message));

    if (rule?.drop === "before") {
      record(null, "drop-before");
      req.socket.destroy();
      return;
    }
    const answerFault = (status: number, kind: FaultKind): void => {
      record(status, kind);
      if (rule?.endlessBody) return sendEndless(res, status, rule.headers);
      sendReply(res, faultReply(api, rule ?? {}, status, echoedRequest(rule ?? {}, body.value, req.headers)));
    };
    if (rule?.status !== undefined) return answerFault(rule.status, "status");

    const reply = body.reply ?? (await dispatch(api, req, method, path, url.searchParams, body.value));
    await sleep(rule?.delayAfterCommitMs ?? 0);
    if (rule?.drop === "after") {
      record(null, "drop-after");
      req.socket.destroy();
      return;
    }
    if (rule?.failAfterCommit !== undefined) return answerFault(rule.failAfterCommit, "fail-after-commit");
    record(reply.status);
    sendReply(res, reply);
  }

  async function dispatch(
    api: ApiSurface,
    req: IncomingMessage,
    method: string,
    path: string,
    query: URLSearchParams,
    body: unknown,
  ): Promise<Reply> {
    const match = matchRoute(api.routes, method, path);
    if (match === undefined) return api.routeNotFound(method, path);
    const limit = runtime.rateLimits.check(req.socket.remoteAddress ?? "unknown", method, match.route.pattern);
    if (limit !== undefined && !limit.allowed) {
      return api.errorReply(429, rateLimitMessage(limit.retryAfterSeconds), limit.headers);
    }
    const reply = await runHandler(api, match.route, { params: match.params, query, body, headers: req.headers });
    return limit === undefined ? reply : { ...reply, headers: { ...limit.headers, ...reply.headers } };
  }

  await listen(server, settings);
  const ready = readyLine(settings, (server.address() as AddressInfo).port, store);
  return {
    ...ready,
    readyLine: () => ready,
    close: () => closeServer(server),
  };
}

/** The handler's reply; an unexpected exception is a bug: reported on stderr, answered as a 500 of the API. */
async function runHandler(api: ApiSurface, route: Route, ctx: RequestContext): Promise<Reply> {
  try {
    return await route.handler(ctx);
  } catch (err) {
    if (err instanceof ReplyError) return err.reply;
    process.stderr.write(
      `vaultbridge emulator: internal error on ${route.method} ${route.pattern}: ${describe(err)}\n`,
    );
    return api.errorReply(500, "Internal emulator error");
  }
}

/** The body, or the reply its API gives to an unreadable one. */
async function readBodyOr(
  req: IncomingMessage,
  onError: (error: BodyError) => Reply,
): Promise<{ readonly value: unknown; readonly reply?: Reply }> {
  try {
    return { value: await readJsonBody(req) };
  } catch (err) {
    if (err instanceof BodyError) return { value: undefined, reply: onError(err) };
    throw err;
  }
}

function faultReply(api: ApiSurface, rule: FaultRule, status: number, echo: string): Reply {
  const headers: Record<string, string> = { ...(status === 429 ? { "retry-after": "1" } : {}), ...rule.headers };
  if (rule.body !== undefined) return { status, body: rule.body, headers };
  if (rule.text !== undefined) return { status, text: rule.text, headers };
  return api.errorReply(status, `${status === 429 ? rateLimitMessage(1) : injectedFaultMessage(status)}${echo}`, headers);
}

function listen(server: Server, settings: ResolvedOptions): Promise<void> {
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(settings.port, settings.host, () => {
      server.off("error", reject);
      resolve();
    });
  });
}

function closeServer(server: Server): Promise<void> {
  return new Promise((resolve, reject) => {
    server.close((err) => (err ? reject(err) : resolve()));
    server.closeAllConnections();
  });
}

function readyLine(settings: ResolvedOptions, port: number, store: EmulatorStore): ReadyLine {
  const url = `http://${urlHost(settings.host)}:${port}`;
  const { ids } = store;
  const { subOrganization, ...identities } = store.identities;
  return {
    url,
    orgId: ids.orgId,
    projectId: ids.projectId,
    gatewayId: ids.gatewayId,
    infisical: { clientId: settings.clientId, clientSecret: settings.clientSecret },
    scrapengine: { baseUrl: `${url}/api/v1`, apiKey: settings.apiKey },
    identities,
    subOrganization,
  };
}

/** A host clients can dial: wildcard addresses become loopback, IPv6 literals get brackets. */
function urlHost(host: string): string {
  if (host === "0.0.0.0" || host === "") return "127.0.0.1";
  if (host === "::") return "[::1]";
  return host.includes(":") ? `[${host}]` : host;
}

function pathOf(req: IncomingMessage): string {
  return (req.url ?? "/").split("?")[0];
}

function describe(err: unknown): string {
  return err instanceof Error ? `${err.name}: ${err.message}` : String(err);
}
