import { apiRoutes } from "./api";
import { appsRoutes } from "./apps-page";
import { avatarRoutes } from "./avatars";
import { controlRoutes } from "./controls";
import { createCore, deauthorizeUser, summarizeUsers } from "./core";
import { addDemoUsers } from "./demo-users";
import { json } from "./http";
import { lookupIssued } from "./issued";
import { createMeeting } from "./meetings";
import { authorizeRoutes } from "./oauth-authorize";
import { tokenRoutes } from "./oauth-token";
import { findRoute, type Route } from "./router";
import { expireAccessTokens } from "./tokens";
import {
  type EmulatorViewer,
  type UrlValidationResult,
  type ZoomEmulator,
  type ZoomEmulatorOptions,
} from "./types";

export function createZoomEmulator(opts: ZoomEmulatorOptions): ZoomEmulator {
  const basePath = (opts.basePath ?? "").replace(/\/+$/, "");
  const core = createCore(
    opts.clients,
    opts.fetch ?? ((input, init) => fetch(input, init)),
    opts.issuedTokenLimit,
  );
  const { state, clock, faults, limits, stats, webhooks } = core;
  if (opts.demoUsers) addDemoUsers(state, clock.now());

  const controls: Omit<ZoomEmulator, "handle"> = {
    clock,
    addClient: (client) => void state.clients.set(client.clientId, client),
    listUsers: () => summarizeUsers(core),
    expireAccessTokens: () => expireAccessTokens(state, clock.now()),
    deauthorize: (userIdOrEmail, clientId) => deauthorizeUser(core, userIdOrEmail, clientId),
    lookupIssuedToken: (token) => lookupIssued(core, token),
    createMeeting: (userIdOrEmail) => {
      const user = state.findUser(userIdOrEmail);
      return user ? createMeeting(state, user.id) : null;
    },
    setClientScopes: (clientId, scopes) => {
      const client = state.clients.get(clientId);
      if (client) state.clients.set(clientId, { ...client, scopes: [...scopes] });
      return client !== undefined;
    },
    setFault: (spec) => faults.add(spec),
    clearFaults: () => faults.clear(),
    setAccountRateLimit: (accountId, limit) => limits.set(accountId, limit),
    stats: () => stats.snapshot(),
    reset: () => {
      faults.clear();
      limits.clear();
      stats.reset();
    },
    sendUrlValidation: (clientId): Promise<UrlValidationResult> => {
      const clients = [...state.clients.values()];
      const client = clientId
        ? state.clients.get(clientId)
        : (clients.find((c) => c.webhookUrl) ?? clients[0]);
      return client
        ? webhooks.validateUrl(client)
        : Promise.resolve({ ok: false, status: null, reason: "unknown client" });
    },
    webhookDeliveries: () => [...webhooks.deliveries],
    idle: () => webhooks.idle(),
  };

  const routes: Route[] = [
    ...authorizeRoutes(core),
    ...tokenRoutes(core),
    ...apiRoutes(core),
    ...appsRoutes(core),
    ...avatarRoutes,
    ...(opts.controls ? controlRoutes(controls) : []),
  ];

  async function handle(req: Request, viewer?: EmulatorViewer): Promise<Response> {
    const url = new URL(req.url);
    const inBase = url.pathname === basePath || url.pathname.startsWith(`${basePath}/`);
    const path = url.pathname.slice(basePath.length) || "/";
    const match = inBase ? findRoute(routes, req.method, path) : null;
    if (!match) return json(404, { code: 404, message: "Not found." });
    return match.handler({
      req,
      url,
      params: match.params,
      base: `${url.origin}${basePath}`,
      basePath,
      viewer,
    });
  }

  return { handle, ...controls };
}
