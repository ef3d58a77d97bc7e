/** The Infisical routes: universal auth and App Connections for every app (notes/infisical-api.md, "Routes"). */
import { APP_SLUGS, type AppSlug } from "../../api/infisical";
import type { ApiSurface } from "../api-surface";
import { json } from "../http";
import type { Handler, Route } from "../router";
import type { UniversalAuth } from "./auth";
import type { ConnectionService } from "./connections";
import { infisicalErrorReply, messages } from "./errors";
import { parseProjectIdQuery } from "./requests";

const BASE = "/api/v1/app-connections";

export function infisicalApi(auth: UniversalAuth, connections: ConnectionService): ApiSurface {
  /** Every App Connections call needs a live access token. */
  const authenticated =
    (handler: Handler): Handler =>
    (ctx) => {
      auth.authenticate(ctx.headers);
      return handler(ctx);
    };
  const envelope = (appConnection: Record<string, unknown>) => json(200, { appConnection });

  const appRoutes = (app: AppSlug): Route[] => [
    {
      method: "GET",
      pattern: `${BASE}/${app}`,
      handler: authenticated((ctx) =>
        json(200, { appConnections: connections.list(app, parseProjectIdQuery(ctx.query)) }),
      ),
    },
    {
      method: "GET",
      pattern: `${BASE}/${app}/connection-name/:name`,
      handler: authenticated((ctx) =>
        envelope(connections.getByName(app, ctx.params.name, parseProjectIdQuery(ctx.query))),
      ),
    },
    {
      method: "GET",
      pattern: `${BASE}/${app}/:connectionId`,
      handler: authenticated((ctx) => envelope(connections.get(app, ctx.params.connectionId))),
    },
    {
      method: "POST",
      pattern: `${BASE}/${app}`,
      handler: authenticated(async (ctx) => envelope(await connections.create(app, ctx.body))),
    },
    {
      method: "PATCH",
      pattern: `${BASE}/${app}/:connectionId`,
      handler: authenticated(async (ctx) => envelope(await connections.update(app, ctx.params.connectionId, ctx.body))),
    },
    {
      method: "DELETE",
      pattern: `${BASE}/${app}/:connectionId`,
      handler: authenticated((ctx) => envelope(connections.delete(app, ctx.params.connectionId))),
    },
  ];

  return {
    name: "infisical",
    routes: [
      { method: "POST", pattern: "/api/v1/auth/universal-auth/login", handler: (ctx) => auth.login(ctx.body) },
      { method: "POST", pattern: "/api/v1/auth/token/renew", handler: (ctx) => auth.renew(ctx.body) },
      {
        method: "GET",
        pattern: BASE,
        handler: authenticated((ctx) =>
          json(200, { appConnections: connections.list(undefined, parseProjectIdQuery(ctx.query)) }),
        ),
      },
      ...APP_SLUGS.flatMap(appRoutes),
    ],
    errorReply: (status, message, headers) => infisicalErrorReply(status, message, undefined, headers),
    routeNotFound: (method, path) => infisicalErrorReply(404, messages.routeNotFound(method, path)),
  };
}
