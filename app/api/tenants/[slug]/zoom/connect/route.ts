import { cookies } from "next/headers";
import { withTenant } from "@/lib/auth/tenant";
import { getBroker } from "@/lib/broker";
import {
  CONNECT_COOKIE,
  CONNECT_TTL_SECONDS,
  connectCookieOptions,
  newConnectAttempt,
  sealAttempt,
} from "@/lib/connect/attempt";

// POST /api/tenants/:slug/zoom/connect – start Zoom OAuth (state + PKCE); 303 to Zoom's consent page
export const POST = withTenant("admin", async ({ tenant, user }) => {
  const broker = await getBroker();
  const { attempt, codeChallenge } = newConnectAttempt({
    tenantId: tenant.id,
    slug: tenant.slug,
    userId: user.id,
  });
  (await cookies()).set(
    CONNECT_COOKIE,
    await sealAttempt(attempt, broker.config.authSecret),
    connectCookieOptions(broker.config.appUrl, CONNECT_TTL_SECONDS),
  );
  return new Response(null, {
    status: 303,
    headers: {
      location: broker.zoom.authorizeUrl({ state: attempt.state, codeChallenge }),
      "cache-control": "no-store",
    },
  });
});
