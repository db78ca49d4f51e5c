import { databaseOutage } from "@/db";
import { clientIp } from "@/lib/api/client-ip";
import { getBroker } from "@/lib/broker";
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
  const { tenant } = await ctx.params;
  try {
    const result = await serveTokenRequest(await getBroker(), {
      slug: tenant,
      secret: bearer(req) ?? new URL(req.url).searchParams.get("token"),
      kind: "zak",
      clientIp: clientIp(req),
    });
    const headers: Record<string, string> = { ...HEADERS };
    if (result.retryAfterSeconds) headers["retry-after"] = String(result.retryAfterSeconds);
    return new Response(result.body, { status: result.status, headers });
  } catch (err) {
    const outage = databaseOutage(err);
    if (outage) {
      return new Response("The service cannot reach its database; retry shortly", {
        status: 503,
        headers: { ...HEADERS, "retry-after": String(outage.retryAfterSeconds) },
      });
    }
    console.error("[zak] unexpected error:", err instanceof Error ? err.name : "unknown");
    return new Response("Internal error; retry shortly", { status: 500, headers: HEADERS });
  }
}

function bearer(req: Request): string | null {
  const match = /^Bearer\s+(\S+)$/i.exec(req.headers.get("authorization") ?? "");
  return match?.[1] ?? null;
}
