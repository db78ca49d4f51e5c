import { bearerToken } from "@/lib/api/bearer";
import { classify } from "@/lib/api/classify";
import { clientIp } from "@/lib/api/client-ip";
import { getBroker } from "@/lib/broker";
import { requestIdOf } from "@/lib/log/request-id";
import { observeBotRequest } from "@/lib/zak/observe";
import { serveTokenRequest } from "@/lib/zak/serve";

export const dynamic = "force-dynamic";

const HEADERS = {
  "content-type": "text/plain; charset=utf-8",
  "cache-control": "no-store",
  "referrer-policy": "no-referrer",
  "x-content-type-options": "nosniff",
};

// GET /api/zak/:tenant?token=<secret> – a fresh ZAK for the tenant's Zoom user, as text/plain.
// This is the URL bots are given (Recall.ai's zoom.zak_url). Errors are one-line text/plain reasons.
// Clients that can send headers may pass the secret as `Authorization: Bearer zak_…` instead.
export async function GET(req: Request, ctx: { params: Promise<{ tenant: string }> }) {
  const started = performance.now();
  const requestId = requestIdOf(req);
  const { tenant } = await ctx.params;
  const observed = { requestId, slug: tenant, kind: "zak" as const };
  try {
    const result = await serveTokenRequest(await getBroker(), {
      slug: tenant,
      secret:
        bearerToken(req.headers.get("authorization")) ?? new URL(req.url).searchParams.get("token"),
      kind: "zak",
      clientIp: clientIp(req),
      headers: req.headers,
    });
    const headers: Record<string, string> = { ...HEADERS };
    if (result.retryAfterSeconds) headers["retry-after"] = String(result.retryAfterSeconds);
    observeBotRequest({
      ...observed,
      outcome: result.outcome,
      status: result.status,
      durationMs: performance.now() - started,
    });
    return new Response(result.body, { status: result.status, headers });
  } catch (err) {
    // Failures outside minting (the database unreachable, a bug) get the one classification too.
    const failure = classify(err);
    const internal = failure.code === "internal";
    observeBotRequest({
      ...observed,
      outcome: failure.code,
      status: failure.status,
      durationMs: performance.now() - started,
      error: internal ? err : undefined,
    });
    const headers: Record<string, string> = { ...HEADERS };
    if (failure.retryAfter) headers["retry-after"] = String(failure.retryAfter);
    const body = internal
      ? `Internal error (request id ${requestId}); retry shortly`
      : failure.message;
    return new Response(body, { status: failure.status, headers });
  }
}
