import { KIND_PATHS } from "@/lib/zak/kinds";
import type { Refusal } from "./hostile-request";

const BOT_PATHS = Object.values(KIND_PATHS).map((path) => `${path}/`);

/**
 * A refusal in the form the caller reads: bot token URLs and pages get one line of text/plain, the
 * JSON API `{error: {code, message}}`.
 */
export function refusalResponse(pathname: string, refusal: Refusal): Response {
  const headers = { "cache-control": "no-store", ...refusal.headers };
  const plain =
    !pathname.startsWith("/api/") || BOT_PATHS.some((prefix) => pathname.startsWith(prefix));
  if (plain) {
    return new Response(refusal.message, {
      status: refusal.status,
      headers: { ...headers, "content-type": "text/plain; charset=utf-8" },
    });
  }
  return Response.json(
    { error: { code: refusal.code, message: refusal.message } },
    { status: refusal.status, headers },
  );
}
