import { toErrorResponse } from "./error-response";

type RouteContext<P> = { params: Promise<P> };

/** Wraps a route handler so every thrown error becomes a precise JSON error response. */
export function route<P = Record<string, never>>(
  fn: (req: Request, params: P) => Promise<Response>,
): (req: Request, ctx: RouteContext<P>) => Promise<Response> {
  return async (req, ctx) => {
    try {
      return await fn(req, await ctx.params);
    } catch (err) {
      return toErrorResponse(err, req);
    }
  };
}
