import { parseAccountRateLimit } from "./account-limits";
import { parseFaultSpec } from "./faults";
import { json, readJson } from "./http";
import { type Ctx, type Route } from "./router";
import { type EmulatorClient, type ZoomEmulator } from "./types";

type Controls = Omit<ZoomEmulator, "handle">;
type Body = Record<string, unknown>;

const isString = (v: unknown): v is string => typeof v === "string" && v.length > 0;
const isOptionalString = (v: unknown) => v === undefined || typeof v === "string";
const isStringArray = (v: unknown): v is string[] =>
  Array.isArray(v) && v.every((s) => typeof s === "string");

function parseClient(body: Body): EmulatorClient | string {
  const { clientId, clientSecret, redirectUris, scopes, webhookUrl, webhookSecretToken, name } =
    body;
  if (!isString(clientId) || !isString(clientSecret))
    return "clientId and clientSecret are required strings";
  if (!isStringArray(redirectUris)) return "redirectUris must be an array of strings";
  if (scopes !== undefined && !isStringArray(scopes)) return "scopes must be an array of strings";
  if (
    !isOptionalString(webhookUrl) ||
    !isOptionalString(webhookSecretToken) ||
    !isOptionalString(name)
  )
    return "webhookUrl, webhookSecretToken and name must be strings";
  return body as unknown as EmulatorClient;
}

const badRequest = (message: string) => json(400, { error: message });

/** Wraps a handler that needs a JSON object body. */
function withBody(run: (body: Body, ctx: Ctx) => Promise<Response> | Response) {
  return async (ctx: Ctx) => {
    const body = await readJson(ctx.req);
    return body ? run(body, ctx) : badRequest("body must be a JSON object");
  };
}

function post(pattern: string, run: (body: Body, ctx: Ctx) => Promise<Response> | Response): Route {
  return { method: "POST", pattern: `/_emulator${pattern}`, handler: withBody(run) };
}

/** JSON test controls under /_emulator (only mounted when options.controls is true). */
export function controlRoutes(emulator: Controls): Route[] {
  return [
    { method: "GET", pattern: "/_emulator/stats", handler: () => json(200, emulator.stats()) },
    {
      method: "GET",
      pattern: "/_emulator/users",
      handler: () => json(200, { users: emulator.listUsers() }),
    },
    {
      method: "GET",
      pattern: "/_emulator/webhooks",
      handler: () => json(200, { deliveries: emulator.webhookDeliveries() }),
    },
    post("/clock", ({ advanceSeconds }) => {
      if (typeof advanceSeconds !== "number" || !Number.isFinite(advanceSeconds))
        return badRequest("advanceSeconds must be a number");
      emulator.clock.advance(advanceSeconds);
      return json(200, { now: new Date(emulator.clock.now()).toISOString() });
    }),
    post("/expire-access-tokens", () => json(200, { expired: emulator.expireAccessTokens() })),
    post("/users/:user/deauthorize", async ({ clientId }, ctx) => {
      if (!isOptionalString(clientId)) return badRequest("clientId must be a string");
      const results = await emulator.deauthorize(ctx.params.user ?? "", clientId);
      return results ? json(200, { deauthorized: results }) : json(404, { error: "unknown user" });
    }),
    post("/users/:user/meetings", (_body, ctx) => {
      const id = emulator.createMeeting(ctx.params.user ?? "");
      return id ? json(201, { id }) : json(404, { error: "unknown user" });
    }),
    post("/clients/:clientId/scopes", ({ scopes }, ctx) => {
      if (!isStringArray(scopes)) return badRequest("scopes must be an array of strings");
      return emulator.setClientScopes(ctx.params.clientId ?? "", scopes)
        ? json(200, { scopes })
        : json(404, { error: "unknown client" });
    }),
    post("/issued-token", ({ token }) => {
      const info = isString(token) ? emulator.lookupIssuedToken(token) : null;
      return info ? json(200, info) : json(404, { error: "token was not issued by this emulator" });
    }),
    post("/url-validation", async ({ clientId }) =>
      json(200, await emulator.sendUrlValidation(isString(clientId) ? clientId : undefined)),
    ),
    post("/clients", (body) => {
      const client = parseClient(body);
      if (typeof client === "string") return badRequest(client);
      emulator.addClient(client);
      return json(201, { clientId: client.clientId });
    }),
    post("/faults", (body) => {
      const spec = parseFaultSpec(body);
      if (typeof spec === "string") return badRequest(spec);
      emulator.setFault(spec);
      return json(201, { ok: true });
    }),
    post("/rate-limits", (body) => {
      const parsed = parseAccountRateLimit(body);
      if (typeof parsed === "string") return badRequest(parsed);
      emulator.setAccountRateLimit(parsed.accountId, parsed.limit);
      return json(200, { accountId: parsed.accountId, limit: parsed.limit });
    }),
    {
      method: "DELETE",
      pattern: "/_emulator/faults",
      handler: () => {
        emulator.clearFaults();
        return json(200, { ok: true });
      },
    },
    post("/reset", () => {
      emulator.reset();
      return json(200, { ok: true });
    }),
  ];
}
