import type { ZoomConnection, ZoomGrant } from "@/db/schema";
import { classify } from "@/lib/api/classify";
import type { ApiErrorCode } from "@/lib/api/errors";
import { withAccessToken } from "@/lib/vault/access-token";
import type { Vault } from "@/lib/vault/types";
import type { ZoomClient } from "@/lib/zoom/client";

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
  | "zoom_error"
  | "undecryptable";

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

// The audit keeps the outcome names it has always stored; lock contention is recorded as zoom_unavailable.
const OUTCOMES: Partial<Record<ApiErrorCode, Outcome>> = {
  reauth_required: "reauth_required",
  zoom_unavailable: "zoom_unavailable",
  busy: "zoom_unavailable",
  zoom_error: "zoom_error",
  undecryptable: "undecryptable",
};

/** An upstream failure as the bot's answer; anything unexpected is rethrown for the caller to log. */
function describeFailure(err: unknown): MintResult {
  const failure = classify(err);
  const outcome = OUTCOMES[failure.code];
  if (!outcome) throw err;
  return {
    status: failure.status,
    outcome,
    body: failure.message,
    retryAfterSeconds: failure.retryAfter,
  };
}
