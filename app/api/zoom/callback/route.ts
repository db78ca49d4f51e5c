import { cookies } from "next/headers";
import { z } from "zod";
import { getSessionUser } from "@/lib/auth/session";
import { getBroker } from "@/lib/broker";
import { completeConnect } from "@/lib/connect/complete-connect";
import { CONNECT_COOKIE, connectCookieOptions, unsealAttempt } from "@/lib/connect/attempt";
import { connectLanding } from "@/lib/connect/landing";

const querySchema = z.object({
  code: z.string().max(2048).optional(),
  state: z.string().max(512).optional(),
  error: z.string().max(200).optional(),
});

// GET /api/zoom/callback – Zoom's redirect after consent; always answers with a redirect: to the
// dashboard, or for a connect link to its return URL or the done page.
export async function GET(req: Request) {
  const broker = await getBroker();
  const jar = await cookies();
  const attempt = await unsealAttempt(jar.get(CONNECT_COOKIE)?.value, broker.config.authSecret);
  // One use only: the attempt is gone whatever happens next.
  jar.set(CONNECT_COOKIE, "", connectCookieOptions(broker.config.appUrl, 0));
  const parsed = querySchema.safeParse(Object.fromEntries(new URL(req.url).searchParams));
  const outcome = await completeConnect(broker, {
    query: parsed.success ? parsed.data : { error: "invalid_request" },
    attempt,
    sessionUserId: (await getSessionUser())?.id ?? null,
  });
  return new Response(null, {
    status: 303,
    headers: {
      location: connectLanding(broker.config.appUrl, attempt, outcome).toString(),
      "cache-control": "no-store",
    },
  });
}
