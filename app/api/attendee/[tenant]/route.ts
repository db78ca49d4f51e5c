import { clientIp } from "@/lib/api/client-ip";
import { readText } from "@/lib/api/request";
import { serveAttendeeCallback, MAX_CALLBACK_BYTES } from "@/lib/attendee/callback";
import { getBroker } from "@/lib/broker";
import { requestIdOf } from "@/lib/log/request-id";
import { observeBotFailure, observeBotRequest } from "@/lib/zak/observe";

export const dynamic = "force-dynamic";

const HEADERS = {
  "cache-control": "no-store",
  "referrer-policy": "no-referrer",
  "x-content-type-options": "nosniff",
};

// POST /api/attendee/:tenant?token=<secret> – Attendee's zoom_tokens_url callback. Answers
// `{zak_token?, onbehalf_token?, join_token?, errors?}` with 200 when at least one token was minted,
// otherwise `{error:{code,message}}` with the status of the first failure.
export async function POST(req: Request, ctx: { params: Promise<{ tenant: string }> }) {
  const started = performance.now();
  const requestId = requestIdOf(req);
  const { tenant } = await ctx.params;
  const observed = {
    route: "POST /api/attendee/[tenant]",
    requestId,
    slug: tenant,
    kind: "zak" as const,
  };
  try {
    const result = await serveAttendeeCallback(await getBroker(), {
      slug: tenant,
      secret: new URL(req.url).searchParams.get("token"),
      clientIp: clientIp(req),
      headers: req.headers,
      body: await readText(req, MAX_CALLBACK_BYTES),
    });
    observeBotRequest({
      ...observed,
      outcome: result.outcome,
      status: result.status,
      durationMs: performance.now() - started,
    });
    const headers: Record<string, string> = { ...HEADERS };
    if (result.retryAfterSeconds) headers["retry-after"] = String(result.retryAfterSeconds);
    return Response.json(result.body, { status: result.status, headers });
  } catch (err) {
    // Bad input (413, 400, 403) and failures outside minting.
    const failure = observeBotFailure(err, observed, started);
    const headers: Record<string, string> = { ...HEADERS };
    if (failure.retryAfter) headers["retry-after"] = String(failure.retryAfter);
    return Response.json(
      { error: { code: failure.code, message: failure.message } },
      { status: failure.status, headers },
    );
  }
}
