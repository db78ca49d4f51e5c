import { createHmac, randomBytes, randomUUID } from "node:crypto";
import { type EmulatorState, type Grant, type TokenRecord } from "./state";

export const ACCESS_TOKEN_TTL_S = 3600;
/** What Zoom reports for a fresh access token (observed in real responses). */
export const EXPIRES_IN_S = 3599;
export const REFRESH_TOKEN_TTL_S = 90 * 24 * 3600;

const SIGNING_KEY = randomBytes(32);

function b64(value: unknown): string {
  return Buffer.from(JSON.stringify(value)).toString("base64url");
}

/** A JWT-shaped string; clients must treat it as opaque, the emulator looks tokens up by value. */
export function mintJwt(payload: Record<string, unknown>): string {
  const head = `${b64({ alg: "HS512", v: "2.0", kid: randomUUID() })}.${b64({ ...payload, jti: randomUUID() })}`;
  return `${head}.${createHmac("sha512", SIGNING_KEY).update(head).digest("base64url")}`;
}

function mintToken(
  state: EmulatorState,
  now: number,
  grant: Grant,
  kind: TokenRecord["kind"],
  ttlS: number,
): string {
  const iat = Math.floor(now / 1000);
  const token = mintJwt({
    ver: 9,
    tokenType: `${kind}_token`,
    uid: grant.userId,
    iss: `zm:cid:${grant.clientId}`,
    aud: "https://oauth.zoom.us",
    iat,
    exp: iat + ttlS,
  });
  state.tokens.set(token, {
    ...grant,
    kind,
    issuedAt: now,
    expiresAt: now + ttlS * 1000,
    dead: false,
  });
  return token;
}

export function issueTokenPair(
  state: EmulatorState,
  now: number,
  grant: Grant,
): { access: string; refresh: string } {
  return {
    access: mintToken(state, now, grant, "access", ACCESS_TOKEN_TTL_S),
    refresh: mintToken(state, now, grant, "refresh", REFRESH_TOKEN_TTL_S),
  };
}

export function liveToken(
  state: EmulatorState,
  now: number,
  token: string,
  kind: TokenRecord["kind"],
): TokenRecord | undefined {
  const record = state.tokens.get(token);
  return record && record.kind === kind && !record.dead && record.expiresAt > now
    ? record
    : undefined;
}

/** One live token set per user per app: kills every token of this user for this client. */
export function killTokens(state: EmulatorState, clientId: string, userId: string): void {
  for (const record of state.tokens.values()) {
    if (record.clientId === clientId && record.userId === userId) record.dead = true;
  }
}

export function expireAccessTokens(state: EmulatorState, now: number): number {
  let count = 0;
  for (const record of state.tokens.values()) {
    if (record.kind === "access" && !record.dead && record.expiresAt > now) {
      record.expiresAt = now;
      count += 1;
    }
  }
  return count;
}
