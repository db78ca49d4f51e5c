import type { ZoomConfig } from "@/lib/config";
import {
  ZoomInvalidAccessTokenError,
  ZoomInvalidGrantError,
  ZoomNotFoundError,
  ZoomRequestError,
} from "./errors";
import {
  joinTokenSchema,
  tokenResponseSchema,
  userTokenSchema,
  zoomUserSchema,
  type ZoomUser,
} from "./schemas";
import { errorDetails, send, type FetchLike, type ZoomReply } from "./transport";

export interface TokenSet {
  accessToken: string;
  refreshToken: string;
  expiresAt: Date;
  scope: string;
}

/** Tokens `GET /users/me/token` mints for a user that bots can use. */
export type UserTokenType = "zak" | "onbehalf";

/** A token Zoom minted for a bot, with when Zoom says it expires when it says so. */
export interface MeetingToken {
  token: string;
  expiresAt: Date;
}

// Zoom's answers to a dead refresh token or code; any of these means the user must reconnect.
// invalid_client is left out on purpose: a misconfigured client secret is our fault, and marking every
// grant dead for it would force every customer to reconnect once the secret is fixed.
const TERMINAL_OAUTH_ERRORS = new Set(["invalid_grant", "invalid_request", "unauthorized_client"]);

export type ZoomClient = ReturnType<typeof createZoomClient>;

export function createZoomClient(config: ZoomConfig, fetchImpl: FetchLike = fetch) {
  const basic = `Basic ${Buffer.from(`${config.clientId}:${config.clientSecret}`).toString("base64")}`;
  const request = (url: string, init: RequestInit) => send(fetchImpl, url, init, config.timeoutMs);
  // Zoom's OAuth endpoints: client credentials in Basic auth, parameters as a form body.
  async function oauthPost(path: string, form: Record<string, string>): Promise<ZoomReply> {
    const reply = await request(`${config.oauthUrl}${path}`, {
      method: "POST",
      headers: { authorization: basic, "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams(form).toString(),
    });
    if (reply.status !== 200) throw oauthError(reply);
    return reply;
  }

  async function tokenRequest(form: Record<string, string>): Promise<TokenSet> {
    const reply = await oauthPost("/oauth/token", form);
    const parsed = tokenResponseSchema.safeParse(reply.body);
    if (!parsed.success)
      throw new ZoomRequestError(reply.status, "token response has an unexpected shape");
    const t = parsed.data;
    return {
      accessToken: t.access_token,
      refreshToken: t.refresh_token,
      expiresAt: new Date(Date.now() + t.expires_in * 1000),
      scope: t.scope,
    };
  }

  async function apiGet(
    path: string,
    accessToken: string,
    query: Record<string, string | undefined> = {},
  ): Promise<unknown> {
    const url = new URL(`${config.apiUrl}${path}`);
    for (const [name, value] of Object.entries(query))
      if (value !== undefined) url.searchParams.set(name, value);
    const reply = await request(url.toString(), {
      headers: { authorization: `Bearer ${accessToken}` },
    });
    if (reply.status === 200) return reply.body;
    const details = errorDetails(reply.body);
    if (reply.status === 401 || details.code === 124) throw new ZoomInvalidAccessTokenError();
    if (reply.status === 404) throw new ZoomNotFoundError(details.message, details.code);
    throw new ZoomRequestError(reply.status, details.message, details.code);
  }

  return {
    /** How long one exchange with Zoom may take before it is cut off. */
    timeoutMs: config.timeoutMs,

    authorizeUrl({ state, codeChallenge }: { state: string; codeChallenge: string }): string {
      const url = new URL(`${config.oauthUrl}/oauth/authorize`);
      url.search = new URLSearchParams({
        response_type: "code",
        client_id: config.clientId,
        redirect_uri: config.redirectUri,
        state,
        code_challenge: codeChallenge,
        // Zoom defaults to "plain" when the method is omitted.
        code_challenge_method: "S256",
      }).toString();
      return url.toString();
    },

    exchangeCode(code: string, codeVerifier: string): Promise<TokenSet> {
      return tokenRequest({
        grant_type: "authorization_code",
        code,
        redirect_uri: config.redirectUri,
        code_verifier: codeVerifier,
      });
    },

    refresh(refreshToken: string): Promise<TokenSet> {
      return tokenRequest({ grant_type: "refresh_token", refresh_token: refreshToken });
    },

    async revoke(token: string): Promise<void> {
      await oauthPost("/oauth/revoke", { token });
    },

    async getMe(accessToken: string): Promise<ZoomUser> {
      const parsed = zoomUserSchema.safeParse(await apiGet("/v2/users/me", accessToken));
      if (!parsed.success) throw new ZoomRequestError(200, "user profile has an unexpected shape");
      return parsed.data;
    },

    /** A ZAK, or an OBF token (meeting-specific when `meetingId` is given). */
    async getUserToken(
      accessToken: string,
      type: UserTokenType,
      opts: { meetingId?: string } = {},
    ): Promise<string> {
      const meetingId = type === "onbehalf" ? opts.meetingId : undefined;
      const parsed = userTokenSchema.safeParse(
        await apiGet("/v2/users/me/token", accessToken, { type, meeting_id: meetingId }),
      );
      if (!parsed.success)
        throw new ZoomRequestError(200, "token response has an unexpected shape");
      return parsed.data.token;
    },

    /** The local-recording join token of one of the user's meetings; ZoomNotFoundError otherwise. */
    async getLocalRecordingJoinToken(
      accessToken: string,
      meetingId: string,
      opts: { bypassWaitingRoom?: boolean } = {},
    ): Promise<MeetingToken> {
      const parsed = joinTokenSchema.safeParse(
        await apiGet(
          `/v2/meetings/${encodeURIComponent(meetingId)}/jointoken/local_recording`,
          accessToken,
          { bypass_waiting_room: opts.bypassWaitingRoom ? "true" : undefined },
        ),
      );
      if (!parsed.success)
        throw new ZoomRequestError(200, "join token response has an unexpected shape");
      return {
        token: parsed.data.token,
        expiresAt: new Date(Date.now() + parsed.data.expire_in * 1000),
      };
    },
  };
}

function oauthError(reply: ZoomReply): Error {
  const details = errorDetails(reply.body);
  if (details.reason === "Invalid Token!" || TERMINAL_OAUTH_ERRORS.has(details.error)) {
    return new ZoomInvalidGrantError(details.error || details.reason);
  }
  return new ZoomRequestError(reply.status, details.message);
}
