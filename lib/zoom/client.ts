import type { ZoomConfig } from "@/lib/config";
import { ZoomInvalidAccessTokenError, ZoomInvalidGrantError, ZoomRequestError } from "./errors";
import { tokenResponseSchema, userTokenSchema, zoomUserSchema, type ZoomUser } from "./schemas";
import { errorDetails, send, type FetchLike, type ZoomReply } from "./transport";

export interface TokenSet {
  accessToken: string;
  refreshToken: string;
  expiresAt: Date;
  scope: string;
}

/** Tokens Zoom mints for a user that bots can use; `zak` today, others (onbehalf) later. */
export type UserTokenType = "zak" | "onbehalf";

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

  async function apiGet(path: string, accessToken: string): Promise<unknown> {
    const reply = await request(`${config.apiUrl}${path}`, {
      headers: { authorization: `Bearer ${accessToken}` },
    });
    if (reply.status === 200) return reply.body;
    const details = errorDetails(reply.body);
    if (reply.status === 401 || details.code === 124) throw new ZoomInvalidAccessTokenError();
    throw new ZoomRequestError(reply.status, details.message);
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

    async getUserToken(accessToken: string, type: UserTokenType): Promise<string> {
      const parsed = userTokenSchema.safeParse(
        await apiGet(`/v2/users/me/token?type=${type}`, accessToken),
      );
      if (!parsed.success)
        throw new ZoomRequestError(200, "token response has an unexpected shape");
      return parsed.data.token;
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
