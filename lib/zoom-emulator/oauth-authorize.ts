import { type Core } from "./core";
import { readForm, redirect, withQuery } from "./http";
import { randomToken } from "./ids";
import { meetingsOf } from "./meetings";
import { consentPage, errorPage } from "./pages";
import { parseChallenge } from "./pkce";
import { type Ctx, type Route } from "./router";
import { type PendingAuthorization } from "./state";
import { resolveConsentUser } from "./users";

const CODE_TTL_MS = 5 * 60 * 1000;
const CONSENT_TTL_MS = 30 * 60 * 1000;

function authorize(core: Core, ctx: Ctx): Response {
  const query = ctx.url.searchParams;
  const clientId = query.get("client_id") ?? "";
  const client = core.state.clients.get(clientId);
  if (!client) return errorPage(400, 4702, `Invalid client_id: ${clientId}`);
  const redirectUri = query.get("redirect_uri") ?? "";
  if (!client.redirectUris.includes(redirectUri))
    return errorPage(400, 4709, "Redirect URI mismatch.");
  if (query.get("response_type") !== "code")
    return errorPage(400, 4700, "Unsupported response_type, expected code.");
  const challenge = parseChallenge(query);
  if (challenge && "error" in challenge) return errorPage(400, 4700, challenge.error);
  const pending: PendingAuthorization = {
    clientId,
    redirectUri,
    expiresAt: core.clock.now() + CONSENT_TTL_MS,
  };
  const state = query.get("state");
  if (state !== null) pending.state = state;
  if (challenge) pending.challenge = challenge;
  const requestId = randomToken();
  core.state.pending.set(requestId, pending);
  return renderConsent(core, ctx, requestId, pending);
}

function renderConsent(
  core: Core,
  ctx: Ctx,
  requestId: string,
  pending: PendingAuthorization,
  error?: string,
  form?: URLSearchParams,
): Response {
  const client = core.state.clients.get(pending.clientId);
  if (!client) return errorPage(400, 4702, `Invalid client_id: ${pending.clientId}`);
  const view = {
    basePath: ctx.basePath,
    requestId,
    client,
    scopes: core.state.clientScopes(client.clientId),
    users: [...core.state.users.values()],
    meetingsOf: (userId: string) => meetingsOf(core.state, userId),
  };
  return error
    ? consentPage({ ...view, error, ...(form ? { form } : {}) }, 400)
    : consentPage(view);
}

async function consent(core: Core, ctx: Ctx): Promise<Response> {
  const form = await readForm(ctx.req);
  const requestId = form.get("request_id") ?? "";
  const pending = core.state.pending.get(requestId);
  const now = core.clock.now();
  if (!pending || pending.expiresAt <= now)
    return errorPage(400, 4700, "This authorization request has expired or was already used.");
  if (form.get("decision") !== "allow") {
    core.state.pending.delete(requestId);
    return redirect(
      withQuery(pending.redirectUri, { error: "access_denied", state: pending.state }),
    );
  }
  const user = resolveConsentUser(core, form);
  if ("error" in user) return renderConsent(core, ctx, requestId, pending, user.error, form);
  core.state.pending.delete(requestId);
  user.lastLoginAt = now;
  const code = randomToken();
  core.state.codes.set(code, {
    clientId: pending.clientId,
    userId: user.id,
    scopes: core.state.clientScopes(pending.clientId),
    redirectUri: pending.redirectUri,
    ...(pending.challenge ? { challenge: pending.challenge } : {}),
    expiresAt: now + CODE_TTL_MS,
  });
  return redirect(withQuery(pending.redirectUri, { code, state: pending.state }));
}

export function authorizeRoutes(core: Core): Route[] {
  return [
    { method: "GET", pattern: "/oauth/authorize", handler: (ctx) => authorize(core, ctx) },
    { method: "POST", pattern: "/oauth/consent", handler: (ctx) => consent(core, ctx) },
  ];
}
