import { sqlStateOf } from "@/db/errors";
import { classify } from "./classify";

/** JSON body `{ error: { code, message } }`, with Retry-After when trying again helps. Unknown errors are logged and masked as 500. */
export function toErrorResponse(err: unknown): Response {
  const { status, code, message, retryAfter } = classify(err);
  if (code === "internal") {
    // Name and SQLSTATE only: driver messages can quote query parameters, which may be secrets.
    const sqlState = sqlStateOf(err);
    console.error(
      "[api] unexpected error:",
      err instanceof Error ? err.name : typeof err,
      sqlState ? `(${sqlState})` : "",
    );
  }
  const headers: Record<string, string> = retryAfter ? { "retry-after": String(retryAfter) } : {};
  return Response.json({ error: { code, message } }, { status, headers });
}
