import { describe, expect, it } from "vitest";
import type { ZoomConnection, ZoomGrant } from "@/db/schema";
import { presentZoomConnection } from "./zoom-connection";

const at = new Date("2026-01-02T03:04:05.000Z");

const connection: ZoomConnection = {
  tenantId: "t1",
  grantId: "g1",
  connectedByUserId: "u1",
  connectedAt: at,
  disconnectedReason: null,
  breakNotifiedAt: null,
  lastTokenServedAt: null,
  zoomRateLimit: null,
};

const grant: ZoomGrant = {
  id: "g1",
  zoomUserId: "zu1",
  zoomAccountId: "za1",
  email: "host@example.com",
  displayName: "Host",
  picUrl: null,
  scopes: "user:read:token user:read:user",
  refreshTokenEnc: "v1.sealed",
  accessTokenEnc: "v1.sealed",
  accessTokenExpiresAt: at,
  status: "active",
  version: 1,
  authorizedAt: at,
  refreshedAt: at,
  lastError: null,
  refreshLeaseOwner: null,
  refreshLeaseUntil: null,
  refreshInterruptedAt: null,
  refreshRetryAt: null,
  refreshFailures: 0,
  refreshPauseReason: null,
  createdAt: at,
  updatedAt: at,
};

describe("presentZoomConnection", () => {
  it.each([
    { name: "no connection row", found: undefined, status: "not_connected" },
    { name: "a row without grant", found: { connection, grant: null }, status: "disconnected" },
    { name: "an active grant", found: { connection, grant }, status: "connected" },
    {
      name: "a dead grant",
      found: { connection, grant: { ...grant, status: "reauth_required" as const } },
      status: "reauth_required",
    },
  ])("$name → $status, as plain JSON with no token", ({ found, status }) => {
    const view = presentZoomConnection(found);
    expect(view.status).toBe(status);
    expect(JSON.parse(JSON.stringify(view))).toEqual(view);
    expect(JSON.stringify(view)).not.toContain("sealed");
  });

  it("names why a dead grant needs a reconnect, and only then", () => {
    const reason = "a refresh was interrupted after Zoom rotated the token";
    const dead = { ...grant, status: "reauth_required" as const, lastError: reason };
    expect(presentZoomConnection({ connection, grant: dead }).reauthReason).toBe(reason);
    expect(
      presentZoomConnection({ connection, grant: { ...grant, lastError: "x" } }).reauthReason,
    ).toBeNull();
  });

  it("gives dates as ISO strings and the Zoom user bots join as", () => {
    expect(presentZoomConnection({ connection, grant })).toEqual({
      status: "connected",
      disconnectedReason: null,
      reauthReason: null,
      user: { zoomUserId: "zu1", displayName: "Host", email: "host@example.com", picUrl: null },
      connectedAt: "2026-01-02T03:04:05.000Z",
      lastRefreshAt: "2026-01-02T03:04:05.000Z",
      lastTokenServedAt: null,
      zoomRateLimit: null,
      kinds: [
        { kind: "zak", missingScope: null },
        { kind: "obf", missingScope: null },
        { kind: "join_token", missingScope: "meeting:read:local_recording_token" },
        { kind: "access_token", missingScope: null },
      ],
    });
  });
});
