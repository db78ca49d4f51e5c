import { randomBytes } from "node:crypto";
import { sealData, unsealData } from "iron-session";
import { z } from "zod";
import { hmacSha256Hex } from "@/lib/crypto/digest";
import { newPkcePair } from "@/lib/zoom/pkce";

export const CONNECT_COOKIE = "zoom_connect";
export const CONNECT_TTL_SECONDS = 600;

const common = {
  state: z.string(),
  codeVerifier: z.string(),
  tenantId: z.string(),
  slug: z.string(),
};

// Started either by a signed-in owner or admin in the dashboard, or by an end user through a connect
// link (no account): then the link, and where to send the person back, ride in the sealed cookie.
const attemptSchema = z.union([
  z.object({ ...common, userId: z.string() }),
  z.object({ ...common, linkId: z.string(), returnUrl: z.string().nullable() }),
]);
export type ConnectAttempt = z.infer<typeof attemptSchema>;
export type LinkConnectAttempt = Extract<ConnectAttempt, { linkId: string }>;

export type AttemptOrigin =
  | { tenantId: string; slug: string; userId: string }
  | { tenantId: string; slug: string; linkId: string; returnUrl: string | null };

export function isLinkAttempt(attempt: ConnectAttempt): attempt is LinkConnectAttempt {
  return "linkId" in attempt;
}

/**
 * A connect attempt: a 256-bit state and a PKCE S256 verifier, bound to the tenant and to the user
 * or the connect link that started it.
 */
export function newConnectAttempt(input: AttemptOrigin) {
  const { codeVerifier, codeChallenge } = newPkcePair();
  const attempt: ConnectAttempt = {
    ...input,
    state: randomBytes(32).toString("base64url"),
    codeVerifier,
  };
  return { attempt, codeChallenge };
}

// The cookie key is derived from AUTH_SECRET so one secret does not serve two purposes verbatim.
const cookieKey = (authSecret: string) => hmacSha256Hex(authSecret, "zoom-connect-cookie");

export function sealAttempt(attempt: ConnectAttempt, authSecret: string): Promise<string> {
  return sealData(attempt, { password: cookieKey(authSecret), ttl: CONNECT_TTL_SECONDS });
}

/** The attempt, or null when the cookie is missing, tampered with or older than ten minutes. */
export async function unsealAttempt(
  sealed: string | undefined,
  authSecret: string,
): Promise<ConnectAttempt | null> {
  if (!sealed) return null;
  try {
    const parsed = attemptSchema.safeParse(
      await unsealData(sealed, { password: cookieKey(authSecret), ttl: CONNECT_TTL_SECONDS }),
    );
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

export function connectCookieOptions(appUrl: string, maxAge: number) {
  return {
    httpOnly: true,
    // Lax: the cookie must ride along on Zoom's top-level redirect back to the callback.
    sameSite: "lax" as const,
    secure: appUrl.startsWith("https://"),
    path: "/api/zoom/callback",
    maxAge,
  };
}
