import type { ZoomConnection, ZoomGrant } from "@/db/schema";
import { classify } from "@/lib/api/classify";
import type { ApiErrorCode } from "@/lib/api/errors";
import { getAccessToken, withAccessToken } from "@/lib/vault/access-token";
import type { Vault } from "@/lib/vault/types";
import { KIND_LABELS, missingScope, type TokenKind } from "./kinds";
import { tokenExpiry } from "./token-expiry";

export type Outcome =
  | "served"
  | "bad_secret"
  | "bad_signature"
  | "bad_request"
  | "kind_not_allowed"
  | "rate_limited"
  | "not_connected"
  | "missing_scope"
  | "reauth_required"
  | "no_token"
  | "zoom_unavailable"
  | "zoom_error"
  | "undecryptable";

export interface MintResult {
  status: number;
  outcome: Outcome;
  /** The token for 200, otherwise a one-line reason that is safe to show a bot or a person. */
  body: string;
  /** When the served token expires (200 only). */
  expiresAt?: Date;
  retryAfterSeconds?: number;
  /** How long the request waited in line for its Zoom account's rate limit (lib/zoom-pacing). */
  pacedMs?: number;
}

/** What a kind may be asked for: the meeting (digits only, see meeting-id.ts) and the waiting room. */
export interface MintOptions {
  meetingId?: string;
  bypassWaitingRoom?: boolean;
}

/**
 * Recall rejects access tokens that expire within 120 s of being served (zoom-facts §9). The cached
 * token is already refreshed 5 minutes before expiry, so this only matters if that margin shrinks;
 * getAccessToken takes the larger of the two.
 */
export const SERVED_ACCESS_TOKEN_MIN_VALIDITY_MS = 120_000;

interface Minted {
  token: string;
  expiresAt: Date;
}

/** Runs one call to Zoom's API in the account's line (or at once when calls are not paced). */
type Paced = <T>(call: () => Promise<T>) => Promise<T>;

type Minter = (vault: Vault, grant: ZoomGrant, opts: MintOptions, paced: Paced) => Promise<Minted>;

const userToken = (token: string): Minted => ({ token, expiresAt: new Date(tokenExpiry(token)) });

/** Each kind: whether it takes a meeting id, and how it is minted from the user's grant. */
export const KIND_MINTING: Record<
  TokenKind,
  { meetingId: "ignored" | "optional" | "required"; mint: Minter }
> = {
  zak: {
    meetingId: "ignored",
    mint: async (vault, grant, _opts, paced) =>
      userToken(
        await withAccessToken(vault, grant, (at) =>
          paced(() => vault.zoom.getUserToken(at, "zak")),
        ),
      ),
  },
  // Without a meeting id Zoom mints an OBF token that is not meeting-specific (zoom-facts §4, §10).
  obf: {
    meetingId: "optional",
    mint: async (vault, grant, { meetingId }, paced) =>
      userToken(
        await withAccessToken(vault, grant, (at) =>
          paced(() => vault.zoom.getUserToken(at, "onbehalf", { meetingId })),
        ),
      ),
  },
  join_token: {
    meetingId: "required",
    mint: (vault, grant, { meetingId = "", bypassWaitingRoom }, paced) =>
      withAccessToken(vault, grant, (at) =>
        paced(() => vault.zoom.getLocalRecordingJoinToken(at, meetingId, { bypassWaitingRoom })),
      ),
  },
  access_token: {
    meetingId: "ignored",
    mint: async (vault, grant) => {
      const fresh = await getAccessToken(vault, grant, SERVED_ACCESS_TOKEN_MIN_VALIDITY_MS);
      return { token: fresh.accessToken, expiresAt: fresh.expiresAt };
    },
  },
};

/**
 * Mints a token of `kind` for a tenant's connection, turning every upstream failure into a precise
 * status: no connection 404, a scope the grant lacks 409, Zoom's answers via lib/api/classify.ts.
 */
export async function mintToken(
  vault: Vault,
  kind: TokenKind,
  connection: ZoomConnection | null,
  grant: ZoomGrant | null,
  opts: MintOptions = {},
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
  const how = KIND_MINTING[kind];
  if (how.meetingId === "required" && !opts.meetingId) {
    return {
      status: 400,
      outcome: "bad_request",
      body: `A meeting_id is required for a ${KIND_LABELS[kind]}`,
    };
  }
  // Checked against the scopes Zoom granted, so a bot gets the fix instead of Zoom's 400.
  const scope = missingScope(kind, grant.scopes);
  if (scope) {
    return {
      status: 409,
      outcome: "missing_scope",
      body: `The Zoom connection lacks scope ${scope}: add it to the Zoom app and reconnect`,
    };
  }
  const line = vault.pacer?.line(grant.zoomAccountId, connection.zoomRateLimit);
  const paced: Paced = line ? (call) => line.call(call) : (call) => call();
  try {
    const minted = await how.mint(vault, grant, opts, paced);
    const { token: body, expiresAt } = minted;
    return { status: 200, outcome: "served", body, expiresAt, pacedMs: line?.pacedMs };
  } catch (err) {
    return { ...describeFailure(err), pacedMs: line?.pacedMs };
  }
}

// The audit keeps the outcome names it has always stored; lock contention is recorded as zoom_unavailable.
const OUTCOMES: Partial<Record<ApiErrorCode, Outcome>> = {
  reauth_required: "reauth_required",
  not_found: "no_token",
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
