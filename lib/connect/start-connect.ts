import "server-only";
import { cookies } from "next/headers";
import type { Broker } from "@/lib/broker";
import {
  CONNECT_COOKIE,
  CONNECT_TTL_SECONDS,
  connectCookieOptions,
  newConnectAttempt,
  sealAttempt,
  type AttemptOrigin,
} from "./attempt";

/**
 * Starts Zoom OAuth for a tenant (state + PKCE): the attempt goes into the sealed connect cookie and
 * the answer is a 303 to Zoom's consent page. The dashboard's Connect and connect links share it.
 */
export async function redirectToZoomConsent(
  broker: Broker,
  origin: AttemptOrigin,
): Promise<Response> {
  const { attempt, codeChallenge } = newConnectAttempt(origin);
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
}
