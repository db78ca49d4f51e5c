import { type Core } from "./core";
import { guarded } from "./faults";
import { bearerToken, json } from "./http";
import { issueUserToken } from "./issued";
import { type Ctx, type Route } from "./router";
import { type ApiEndpoint, missingScope } from "./scopes";
import { type TokenRecord } from "./state";
import { liveToken } from "./tokens";
import { type EmulatorUser } from "./types";
import { userProfile } from "./users";

const DEFAULT_TOKEN_TTL_S = 7200;
const MAX_TOKEN_TTL_S = 365 * 24 * 3600;
const ME_ZAK_TTL_S = 300;
const JOIN_TOKEN_TTL_S = 120;

type ApiHandler = (ctx: Ctx, grant: TokenRecord, user: EmulatorUser) => Response;

/** Bearer header only: Zoom ignores access tokens in the query string since 2023. */
function authenticated(core: Core, ctx: Ctx, endpoint: ApiEndpoint, run: ApiHandler): Response {
  const token = bearerToken(ctx.req);
  const grant = token ? liveToken(core.state, core.clock.now(), token, "access") : undefined;
  const user = grant && core.state.users.get(grant.userId);
  if (!grant || !user) return json(401, { code: 124, message: "Invalid access token." });
  const admission = core.limits.admit(user.accountId);
  if (admission && "refused" in admission) {
    core.stats.rateLimited(admission.type);
    return admission.refused;
  }
  const res = permitted(ctx, endpoint, grant, user, run);
  for (const [name, value] of Object.entries(admission?.headers ?? {}))
    res.headers.set(name, value);
  return res;
}

function permitted(
  ctx: Ctx,
  endpoint: ApiEndpoint,
  grant: TokenRecord,
  user: EmulatorUser,
  run: ApiHandler,
): Response {
  const missing = missingScope(endpoint, grant.scopes);
  if (missing)
    return json(400, {
      code: 4700,
      message: `Invalid access token, does not contain scopes: [${missing}].`,
    });
  return run(ctx, grant, user);
}

function apiRoute(core: Core, pattern: string, endpoint: ApiEndpoint, run: ApiHandler): Route {
  return {
    method: "GET",
    pattern,
    handler: (ctx) =>
      guarded(core, endpoint, undefined, () => authenticated(core, ctx, endpoint, run)),
  };
}

/** undefined: not given; null: invalid. */
function parseTtl(raw: string | null): number | undefined | null {
  if (raw === null) return undefined;
  const ttl = /^\d+$/.test(raw) ? Number(raw) : NaN;
  return ttl >= 1 && ttl <= MAX_TOKEN_TTL_S ? ttl : null;
}

function userToken(core: Core): ApiHandler {
  return (ctx, grant) => {
    const query = ctx.url.searchParams;
    const type = query.get("type") ?? "token"; // Zoom's default, which it refuses
    if (type === "token")
      return json(400, {
        code: 300,
        message: "Token is no longer supported. Please use ZAK token instead.",
      });
    if (type !== "zak" && type !== "onbehalf")
      return json(400, { code: 300, message: "Invalid field: type." });
    const ttl = parseTtl(query.get("ttl"));
    if (ttl === null) return json(400, { code: 300, message: "Invalid field: ttl." });
    const meetingId = type === "onbehalf" ? (query.get("meeting_id") ?? undefined) : undefined;
    return json(200, {
      token: issueUserToken(core, grant, type, ttl ?? DEFAULT_TOKEN_TTL_S, { meetingId }),
    });
  };
}

/** Only the host's credentials get a join token: any other meeting is unknown to this user (3001). */
function joinToken(core: Core): ApiHandler {
  return (ctx, grant) => {
    const meetingId = ctx.params.meetingId ?? "";
    if (core.state.meetings.get(meetingId) !== grant.userId)
      return json(404, { code: 3001, message: `Meeting does not exist: ${meetingId}.` });
    const bypassWaitingRoom = ctx.url.searchParams.get("bypass_waiting_room") === "true";
    return json(200, {
      expire_in: JOIN_TOKEN_TTL_S,
      token: issueUserToken(core, grant, "local_recording", JOIN_TOKEN_TTL_S, {
        meetingId,
        bypassWaitingRoom,
      }),
    });
  };
}

export function apiRoutes(core: Core): Route[] {
  return [
    apiRoute(core, "/v2/users/me", "users_me", (ctx, _grant, user) =>
      json(200, userProfile(user, ctx.base)),
    ),
    apiRoute(core, "/v2/users/me/token", "user_token", userToken(core)),
    apiRoute(core, "/v2/users/me/zak", "zak", (_ctx, grant) =>
      json(200, { token: issueUserToken(core, grant, "zak", ME_ZAK_TTL_S) }),
    ),
    apiRoute(
      core,
      "/v2/meetings/:meetingId/jointoken/local_recording",
      "jointoken",
      joinToken(core),
    ),
  ];
}
