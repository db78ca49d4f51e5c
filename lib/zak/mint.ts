import { isLockContention } from "@/db/errors";
import type { ZoomConnection, ZoomGrant } from "@/db/schema";
import { withAccessToken } from "@/lib/vault/access-token";
import { ReauthRequiredError, type Vault } from "@/lib/vault/types";
import type { ZoomClient } from "@/lib/zoom/client";
import {
  ZoomInvalidAccessTokenError,
  ZoomRequestError,
  ZoomUnavailableError,
} from "@/lib/zoom/errors";

/** Tokens a bot can fetch. Each kind mints a fresh token from the user's access token. */
const TOKEN_KINDS = {
  zak: (zoom: ZoomClient, accessToken: string) => zoom.getUserToken(accessToken, "zak"),
} as const;
export type TokenKind = keyof typeof TOKEN_KINDS;

export type Outcome =
  | "served"
  | "bad_secret"
  | "rate_limited"
  | "not_connected"
  | "reauth_required"
  | "zoom_unavailable"
  | "zoom_error";

export interface MintResult {
  status: number;
  outcome: Outcome;
  /** The token for 200, otherwise a one-line reason that is safe to show a bot or a person. */
  body: string;
  retryAfterSeconds?: number;
}

/** Mints a token for a tenant's connection, turning every upstream failure into a precise status. */
export async function mintToken(
  vault: Vault,
  kind: TokenKind,
  connection: ZoomConnection | null,
  grant: ZoomGrant | null,
): Promise<MintResult> {
  if (!connection)
    return { status: 404, outcome: "not_connected", body: "This tenant has no Zoom connection" };
  if (!grant) {
    return {
      status: 404,
      outcome: "not_connected",
      body: `Zoom is disconnected: ${connection.disconnectedReason ?? "reconnect it"}`,
    };
  }
  try {
    const token = await withAccessToken(vault, grant, (accessToken) =>
      TOKEN_KINDS[kind](vault.zoom, accessToken),
    );
    return { status: 200, outcome: "served", body: token };
  } catch (err) {
    return describeFailure(err);
  }
}

function describeFailure(err: unknown): MintResult {
  if (err instanceof ReauthRequiredError) {
    return {
      status: 409,
      outcome: "reauth_required",
      body: "The Zoom connection must be reconnected in the dashboard",
    };
  }
  if (err instanceof ZoomUnavailableError) {
    const why =
      err.reason === "rate_limited" ? "Zoom is rate limiting requests" : "Zoom is not answering";
    return {
      status: 503,
      outcome: "zoom_unavailable",
      body: `${why}; retry shortly`,
      retryAfterSeconds: err.retryAfterSeconds,
    };
  }
  if (isLockContention(err)) {
    return {
      status: 503,
      outcome: "zoom_unavailable",
      body: "Another request is refreshing this connection and took too long; retry shortly",
      retryAfterSeconds: 5,
    };
  }
  if (err instanceof ZoomRequestError) {
    return {
      status: 502,
      outcome: "zoom_error",
      body: `Zoom refused the request: ${err.zoomMessage}`,
    };
  }
  if (err instanceof ZoomInvalidAccessTokenError) {
    return {
      status: 502,
      outcome: "zoom_error",
      body: "Zoom refused a freshly refreshed access token",
    };
  }
  throw err;
}
