import { type Core } from "./core";
import { type Grant } from "./state";
import { mintJwt } from "./tokens";
import { type IssuedTokenInfo, type IssuedTokenType } from "./types";

/** Mints a ZAK / OBF / join token and records who it was issued to, so tests can recognise it. */
export function issueUserToken(
  core: Core,
  grant: Grant,
  type: IssuedTokenType,
  ttlS: number,
  meeting: { meetingId?: string; bypassWaitingRoom?: boolean } = {},
): string {
  const { meetingId, bypassWaitingRoom } = meeting;
  const now = core.clock.now();
  const iat = Math.floor(now / 1000);
  const token = mintJwt({
    aud: "clientsm",
    uid: grant.userId,
    iss: "web",
    sty: type === "zak" ? 100 : 1,
    clt: 0,
    iat,
    exp: iat + ttlS,
    ...(meetingId ? { mnum: meetingId } : {}),
  });
  core.state.rememberIssued(token, {
    type,
    userId: grant.userId,
    clientId: grant.clientId,
    ...(meetingId ? { meetingId } : {}),
    ...(bypassWaitingRoom === undefined ? {} : { bypassWaitingRoom }),
    issuedAt: now,
    expiresAt: now + ttlS * 1000,
  });
  return token;
}

/** What the emulator issued as `token`: a user token of the API, or an OAuth access token. */
export function lookupIssued(core: Core, token: string): IssuedTokenInfo | null {
  const access = core.state.tokens.get(token);
  const record =
    core.state.issued.get(token) ??
    (access?.kind === "access" ? { ...access, type: "access_token" as const } : undefined);
  if (!record) return null;
  const info: IssuedTokenInfo = {
    type: record.type,
    userId: record.userId,
    email: core.state.users.get(record.userId)?.email ?? "",
    clientId: record.clientId,
    issuedAt: new Date(record.issuedAt).toISOString(),
    expiresAt: new Date(record.expiresAt).toISOString(),
  };
  if ("meetingId" in record && record.meetingId) info.meetingId = record.meetingId;
  if ("bypassWaitingRoom" in record && record.bypassWaitingRoom !== undefined)
    info.bypassWaitingRoom = record.bypassWaitingRoom;
  return info;
}
