import type { EmulatorViewer } from "./types";

export interface Ctx {
  req: Request;
  url: URL;
  params: Record<string, string>;
  /** Request origin + basePath: the emulator's public base URL for this request. */
  base: string;
  basePath: string;
  viewer?: EmulatorViewer;
}

export type Handler = (ctx: Ctx) => Promise<Response> | Response;

export interface Route {
  method: "GET" | "POST" | "DELETE";
  /** Path with ":name" segments, e.g. "/v2/meetings/:meetingId/jointoken/local_recording". */
  pattern: string;
  handler: Handler;
}

function matchPattern(pattern: string, path: string): Record<string, string> | null {
  const want = pattern.split("/");
  const got = path.split("/");
  if (want.length !== got.length) return null;
  const params: Record<string, string> = {};
  for (const [i, segment] of want.entries()) {
    const actual = got[i] ?? "";
    if (segment.startsWith(":") && actual) params[segment.slice(1)] = decodeURIComponent(actual);
    else if (segment !== actual) return null;
  }
  return params;
}

export function findRoute(
  routes: Route[],
  method: string,
  path: string,
): { handler: Handler; params: Record<string, string> } | null {
  for (const route of routes) {
    if (route.method !== method) continue;
    const params = matchPattern(route.pattern, path);
    if (params) return { handler: route.handler, params };
  }
  return null;
}
