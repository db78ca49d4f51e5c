import { errorFields } from "@/lib/log/error-fields";
import { getLogger } from "@/lib/log/logger";
import { requestIdOf } from "@/lib/log/request-id";
import { classify } from "./classify";

/**
 * JSON body `{ error: { code, message } }`, with Retry-After when trying again helps. Unknown errors
 * are logged with the request's id and path (never its query) and masked as 500 carrying that id.
 */
export function toErrorResponse(err: unknown, req?: Request): Response {
  const { status, code, message, retryAfter } = classify(err);
  const headers: Record<string, string> = retryAfter ? { "retry-after": String(retryAfter) } : {};
  if (code !== "internal") return Response.json({ error: { code, message } }, { status, headers });
  const requestId = req ? requestIdOf(req) : undefined;
  getLogger().error(
    { requestId, path: req && new URL(req.url).pathname, error: errorFields(err) },
    "unexpected error",
  );
  return Response.json({ error: { code, message, requestId } }, { status, headers });
}
