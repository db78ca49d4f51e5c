import { KIND_PATHS } from "@/lib/zak/kinds";
import type { Refusal } from "./hostile-request";

const BOT_PATHS = Object.values(KIND_PATHS).map((path) => `${path}/`);

/** A refusal's answer: its status, headers and body. */
export interface RefusalAnswer {
  status: number;
  headers: Record<string, string>;
  body: string;
}

/**
 * A refusal in the form the caller reads: bot token URLs and pages get one line of text/plain, the
 * JSON API `{error: {code, message}}`.
 */
export function refusalAnswer(pathname: string, refusal: Refusal): RefusalAnswer {
  const headers = { "cache-control": "no-store", ...refusal.headers };
  const plain =
    !pathname.startsWith("/api/") || BOT_PATHS.some((prefix) => pathname.startsWith(prefix));
  if (plain) {
    return {
      status: refusal.status,
      headers: { ...headers, "content-type": "text/plain; charset=utf-8" },
      body: refusal.message,
    };
  }
  return {
    status: refusal.status,
    headers: { ...headers, "content-type": "application/json" },
    body: JSON.stringify({ error: { code: refusal.code, message: refusal.message } }),
  };
}

/** The refusal as a Fetch API response (the proxy's). */
export function refusalResponse(pathname: string, refusal: Refusal): Response {
  const { status, headers, body } = refusalAnswer(pathname, refusal);
  return new Response(body, { status, headers });
}
