import { type Core, deauthorizeApp } from "./core";
import { guarded } from "./faults";
import { basicCredentials, json, readForm } from "./http";
import { verifyPkce } from "./pkce";
import { type Ctx, type Route } from "./router";
import { authorizationKey, type Grant } from "./state";
import { EXPIRES_IN_S, issueTokenPair, killTokens, liveToken } from "./tokens";
import { type EmulatorClient, type GrantType } from "./types";

const NO_STORE = { "cache-control": "no-store" };

function authenticateClient(core: Core, req: Request): EmulatorClient | undefined {
  const credentials = basicCredentials(req);
  const client = credentials ? core.state.clients.get(credentials.id) : undefined;
  return client && client.clientSecret === credentials?.secret ? client : undefined;
}

function invalidClient(): Response {
  return json(401, { reason: "Invalid client_id or client_secret", error: "invalid_client" });
}

function invalidGrant(core: Core, reason: string): Response {
  core.stats.invalidGrant();
  return json(400, { reason, error: "invalid_grant" }, NO_STORE);
}

function tokenResponse(core: Core, ctx: Ctx, grant: Grant, type: GrantType): Response {
  const pair = issueTokenPair(core.state, core.clock.now(), grant);
  core.stats.grant(type);
  return json(
    200,
    {
      access_token: pair.access,
      token_type: "bearer",
      refresh_token: pair.refresh,
      expires_in: EXPIRES_IN_S,
      scope: grant.scopes.join(" "),
      api_url: ctx.base,
    },
    NO_STORE,
  );
}

function exchangeCode(
  core: Core,
  ctx: Ctx,
  client: EmulatorClient,
  form: URLSearchParams,
): Response {
  const { state } = core;
  const code = form.get("code") ?? "";
  const record = state.codes.get(code);
  if (!record || record.clientId !== client.clientId)
    return invalidGrant(core, "Invalid authorization code.");
  state.codes.delete(code); // single use, even when the rest of the request is wrong
  const now = core.clock.now();
  if (record.expiresAt <= now) return invalidGrant(core, "Invalid authorization code.");
  if (form.get("redirect_uri") !== record.redirectUri)
    return invalidGrant(core, "Redirect URI mismatch.");
  if (!verifyPkce(record.challenge, form.get("code_verifier")))
    return invalidGrant(core, "Invalid code verifier.");
  // A new authorization of the same user for the same app kills the earlier token set.
  killTokens(state, record.clientId, record.userId);
  state.authorizations.set(authorizationKey(record.clientId, record.userId), {
    clientId: record.clientId,
    userId: record.userId,
    authorizedAt: now,
  });
  return tokenResponse(core, ctx, record, "authorization_code");
}

function refresh(core: Core, ctx: Ctx, client: EmulatorClient, form: URLSearchParams): Response {
  const record = liveToken(
    core.state,
    core.clock.now(),
    form.get("refresh_token") ?? "",
    "refresh",
  );
  if (!record || record.clientId !== client.clientId) return invalidGrant(core, "Invalid Token!");
  record.dead = true; // rotation: the old refresh token dies at once, no grace period
  return tokenResponse(core, ctx, record, "refresh_token");
}

function grant(core: Core, ctx: Ctx, form: URLSearchParams): Response {
  const client = authenticateClient(core, ctx.req);
  if (!client) return invalidClient();
  const grantType = form.get("grant_type");
  if (grantType === "authorization_code") return exchangeCode(core, ctx, client, form);
  if (grantType === "refresh_token") return refresh(core, ctx, client, form);
  if (!grantType) return json(400, { reason: "Missing grant type", error: "invalid_request" });
  return json(400, { reason: "Unsupported grant type", error: "unsupported_grant_type" });
}

/** Revoking uninstalls the app for that user, so app_deauthorized is sent (in the background). */
function revoke(core: Core, ctx: Ctx, form: URLSearchParams): Response {
  const client = authenticateClient(core, ctx.req);
  if (!client) return invalidClient();
  const record = core.state.tokens.get(form.get("token") ?? "");
  if (!record || record.clientId !== client.clientId)
    return json(400, { reason: "Invalid Token!", error: "invalid_request" });
  void deauthorizeApp(core, record.userId, client.clientId);
  return json(200, { status: "success" });
}

export function tokenRoutes(core: Core): Route[] {
  return [
    {
      method: "POST",
      pattern: "/oauth/token",
      handler: async (ctx) => {
        const form = await readForm(ctx.req);
        return guarded(core, "token", form.get("grant_type") ?? undefined, () =>
          grant(core, ctx, form),
        );
      },
    },
    {
      method: "POST",
      pattern: "/oauth/revoke",
      handler: async (ctx) => {
        const form = await readForm(ctx.req);
        return guarded(core, "revoke", undefined, () => revoke(core, ctx, form));
      },
    },
  ];
}
