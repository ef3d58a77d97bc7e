/**
 * The Infisical routes: the machine-identity logins and App Connections for every app (notes/infisical-api.md,
 * "Routes"). Every App Connections call runs in the organization its access token is scoped to.
 */
import { APP_SLUGS, type AppSlug } from "../../api/infisical";
import type { ApiSurface } from "../api-surface";
import { json } from "../http";
import type { Handler, RequestContext, Route } from "../router";
import type { UniversalAuth } from "./auth";
import type { ConnectionService } from "./connections";
import type { MachineLogins } from "./machine-logins";
import { infisicalErrorReply, messages } from "./errors";
import { parseProjectIdQuery } from "./requests";

const BASE = "/api/v1/app-connections";

export function infisicalApi(auth: UniversalAuth, logins: MachineLogins, connections: ConnectionService): ApiSurface {
  /** Every App Connections call needs a live access token; the handler gets the token's organization. */
  const authenticated =
    (handler: (ctx: RequestContext, orgId: string) => ReturnType<Handler>): Handler =>
    (ctx) =>
      handler(ctx, auth.authenticate(ctx.headers));
  const envelope = (appConnection: Record<string, unknown>) => json(200, { appConnection });

  const appRoutes = (app: AppSlug): Route[] => [
    {
      method: "GET",
      pattern: `${BASE}/${app}`,
      handler: authenticated((ctx, org) =>
        json(200, { appConnections: connections.list(org, app, parseProjectIdQuery(ctx.query)) }),
      ),
    },
    {
      method: "GET",
      pattern: `${BASE}/${app}/connection-name/:name`,
      handler: authenticated((ctx, org) =>
        envelope(connections.getByName(org, app, ctx.params.name, parseProjectIdQuery(ctx.query))),
      ),
    },
    {
      method: "GET",
      pattern: `${BASE}/${app}/:connectionId`,
      handler: authenticated((ctx, org) => envelope(connections.get(org, app, ctx.params.connectionId))),
    },
    {
      method: "POST",
      pattern: `${BASE}/${app}`,
      handler: authenticated(async (ctx, org) => envelope(await connections.create(org, app, ctx.body))),
    },
    {
      method: "PATCH",
      pattern: `${BASE}/${app}/:connectionId`,
      handler: authenticated(async (ctx, org) =>
        envelope(await connections.update(org, app, ctx.params.connectionId, ctx.body)),
      ),
    },
    {
      method: "DELETE",
      pattern: `${BASE}/${app}/:connectionId`,
      handler: authenticated((ctx, org) => envelope(connections.delete(org, app, ctx.params.connectionId))),
    },
  ];

  return {
    name: "infisical",
    routes: [
      { method: "POST", pattern: "/api/v1/auth/universal-auth/login", handler: (ctx) => auth.login(ctx.body) },
      { method: "POST", pattern: "/api/v1/auth/oidc-auth/login", handler: (ctx) => logins.oidc(ctx.body) },
      { method: "POST", pattern: "/api/v1/auth/kubernetes-auth/login", handler: (ctx) => logins.kubernetes(ctx.body) },
      { method: "POST", pattern: "/api/v1/auth/aws-auth/login", handler: (ctx) => logins.aws(ctx.body) },
      { method: "POST", pattern: "/api/v1/auth/token/renew", handler: (ctx) => auth.renew(ctx.body) },
      {
        method: "GET",
        pattern: BASE,
        handler: authenticated((ctx, org) =>
          json(200, { appConnections: connections.list(org, undefined, parseProjectIdQuery(ctx.query)) }),
        ),
      },
      ...APP_SLUGS.flatMap(appRoutes),
    ],
    errorReply: (status, message, headers) => infisicalErrorReply(status, message, undefined, headers),
    routeNotFound: (method, path) => infisicalErrorReply(404, messages.routeNotFound(method, path)),
  };
}
