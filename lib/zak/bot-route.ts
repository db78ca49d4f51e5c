import { bearerToken } from "@/lib/api/bearer";
import { clientIp } from "@/lib/api/client-ip";
import { getBroker } from "@/lib/broker";
import { requestIdOf } from "@/lib/log/request-id";
import type { TokenKind } from "./kinds";
import { observeBotFailure, observeBotRequest } from "./observe";
import { serveTokenRequest } from "./serve";

const HEADERS = {
  "content-type": "text/plain; charset=utf-8",
  "cache-control": "no-store",
  "referrer-policy": "no-referrer",
  "x-content-type-options": "nosniff",
};

function answer(status: number, body: string, retryAfterSeconds?: number): Response {
  const headers: Record<string, string> = { ...HEADERS };
  if (retryAfterSeconds) headers["retry-after"] = String(retryAfterSeconds);
  return new Response(body, { status, headers });
}

/**
 * `GET /api/{kind}/:tenant?token=<secret>`: a fresh token of `kind` for the tenant's Zoom user, as
 * text/plain; errors are one-line text/plain reasons. The secret may come as `Authorization: Bearer
 * zak_…` instead of in the query string. These are the URLs bots are given (Recall.ai's
 * zoom.zak_url, obf_token_url, join_token_url, its customer-managed OAuth callback; Meeting BaaS's
 * obf_token_url).
 */
export function botTokenRoute(kind: TokenKind) {
  return async function GET(req: Request, ctx: { params: Promise<{ tenant: string }> }) {
    const started = performance.now();
    const requestId = requestIdOf(req);
    const { tenant } = await ctx.params;
    const observed = { requestId, slug: tenant, kind };
    const params = new URL(req.url).searchParams;
    try {
      const result = await serveTokenRequest(await getBroker(), {
        slug: tenant,
        secret: bearerToken(req.headers.get("authorization")) ?? params.get("token"),
        kind,
        clientIp: clientIp(req),
        headers: req.headers,
        params,
      });
      observeBotRequest({
        ...observed,
        outcome: result.outcome,
        status: result.status,
        durationMs: performance.now() - started,
      });
      return answer(result.status, result.body, result.retryAfterSeconds);
    } catch (err) {
      const failure = observeBotFailure(err, observed, started);
      return answer(failure.status, failure.message, failure.retryAfter);
    }
  };
}
