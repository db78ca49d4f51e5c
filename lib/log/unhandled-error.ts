import { errorFields } from "./error-fields";
import { getLogger } from "./logger";
import { REQUEST_ID_HEADER } from "./request-id";

interface ErroredRequest {
  path: string;
  method: string;
  headers: NodeJS.Dict<string | string[]>;
}

/**
 * One `error` line for an error that escaped every handler (Next's `onRequestError`): its class, its
 * message with token-like runs masked, the route, the request's path without its query string (which
 * may carry a URL secret) and the request id the proxy set, which the 500 answer carries as
 * `x-request-id`.
 */
export function logUnhandledRequestError(
  err: unknown,
  request: ErroredRequest,
  context: { routePath: string; routeType: string },
): void {
  const id = request.headers[REQUEST_ID_HEADER];
  getLogger().error(
    {
      requestId: typeof id === "string" ? id : undefined,
      method: request.method,
      path: request.path.split("?")[0],
      route: context.routePath,
      routeType: context.routeType,
      error: errorFields(err),
    },
    "unhandled error",
  );
}
