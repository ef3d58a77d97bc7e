/** A tiny path router: `/api/v1/app-connections/:app/:connectionId` style patterns, matched segment by segment. */
import type { IncomingHttpHeaders } from "node:http";
import type { Reply } from "./http";

export interface RequestContext {
  /** Decoded path parameters, by the names in the pattern. */
  readonly params: Readonly<Record<string, string>>;
  readonly query: URLSearchParams;
  /** Parsed JSON body, or undefined when empty. */
  readonly body: unknown;
  readonly headers: IncomingHttpHeaders;
}

export type Handler = (ctx: RequestContext) => Reply | Promise<Reply>;

export interface Route {
  readonly method: string;
  /** Segments starting with `:` capture a parameter. */
  readonly pattern: string;
  readonly handler: Handler;
}

export interface RouteMatch {
  readonly route: Route;
  readonly params: Readonly<Record<string, string>>;
}

/** The first route whose method and pattern match; routes are tried in order. */
export function matchRoute(routes: readonly Route[], method: string, path: string): RouteMatch | undefined {
  const segments = splitPath(path);
  if (segments === undefined) return undefined;
  for (const route of routes) {
    if (route.method !== method) continue;
    const params = matchPattern(splitPath(route.pattern) ?? [], segments);
    if (params !== undefined) return { route, params };
  }
  return undefined;
}

function matchPattern(pattern: readonly string[], segments: readonly string[]): Record<string, string> | undefined {
  if (pattern.length !== segments.length) return undefined;
  const params: Record<string, string> = {};
  for (let i = 0; i < pattern.length; i++) {
    const expected = pattern[i];
    if (expected.startsWith(":")) params[expected.slice(1)] = segments[i];
    else if (expected !== segments[i]) return undefined;
  }
  return params;
}

/** Decoded, non-empty segments; undefined when a segment is not valid percent-encoding. */
function splitPath(path: string): string[] | undefined {
  try {
    return path
      .split("/")
      .filter((s) => s !== "")
      .map((s) => decodeURIComponent(s));
  } catch {
    return undefined;
  }
}
