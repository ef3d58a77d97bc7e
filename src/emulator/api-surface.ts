/** What the server needs to know of one emulated API: its routes and how it words an error. */
import type { Reply } from "./http";
import type { Route } from "./router";

export interface ApiSurface {
  readonly name: "infisical" | "scrapengine";
  /** Tried in order; a route's pattern is also its rate-limit key. */
  readonly routes: readonly Route[];
  /** An error in this API's body shape, for the server's own answers (bad JSON, rate limits, injected faults). */
  errorReply(status: number, message: string, headers?: Readonly<Record<string, string>>): Reply;
  routeNotFound(method: string, path: string): Reply;
}
