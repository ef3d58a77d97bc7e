/** The ScrapEngine routes under /api/v1/vault-integrations, behind `Authorization: Bearer <api key>`. */
import type { ApiSurface } from "../api-surface";
import { bearerToken, json } from "../http";
import type { Handler } from "../router";
import { sameSecret } from "../secrets";
import { errors, messages, scrapengineErrorReply } from "./errors";
import type { IntegrationService } from "./integrations";

const BASE = "/api/v1/vault-integrations";

export function scrapengineApi(apiKey: string, integrations: IntegrationService): ApiSurface {
  const authenticated =
    (handler: Handler): Handler =>
    (ctx) => {
      const key = bearerToken(ctx.headers.authorization);
      if (key === undefined || !sameSecret(key, apiKey)) throw errors.unauthorized();
      return handler(ctx);
    };
  return {
    name: "scrapengine",
    routes: [
      { method: "GET", pattern: BASE, handler: authenticated(() => json(200, { data: integrations.list() })) },
      { method: "POST", pattern: BASE, handler: authenticated((ctx) => json(201, integrations.create(ctx.body))) },
      {
        method: "GET",
        pattern: `${BASE}/:id`,
        handler: authenticated((ctx) => json(200, integrations.get(ctx.params.id))),
      },
      {
        method: "PUT",
        pattern: `${BASE}/:id`,
        handler: authenticated((ctx) => json(200, integrations.rotateSecret(ctx.params.id, ctx.body))),
      },
      {
        method: "DELETE",
        pattern: `${BASE}/:id`,
        handler: authenticated((ctx) => {
          integrations.delete(ctx.params.id);
          return { status: 204 };
        }),
      },
    ],
    errorReply: (status, message, headers) => scrapengineErrorReply(status, message, headers),
    routeNotFound: (method, path) => scrapengineErrorReply(404, messages.routeNotFound(method, path)),
  };
}
