import { describe, expect, it } from "vitest";
import { zoomConfig } from "./testing";
import { createZoomClient } from "./client";
import {
  ZoomInvalidAccessTokenError,
  ZoomInvalidGrantError,
  ZoomNotFoundError,
  ZoomRequestError,
  ZoomUnavailableError,
} from "./errors";
import { parseRetryAfter } from "./transport";

const answer =
  (status: number, body: unknown, headers: Record<string, string> = {}) =>
  () =>
    Promise.resolve(new Response(JSON.stringify(body), { status, headers }));

describe("Zoom client error classification", () => {
  it("parses both forms of Retry-After Zoom sends", () => {
    expect(parseRetryAfter("7")).toBe(7);
    expect(parseRetryAfter("2030-01-01T00:00:10Z", Date.parse("2030-01-01T00:00:00Z"))).toBe(10);
    expect(parseRetryAfter(null)).toBe(5);
    expect(parseRetryAfter("soon")).toBe(5);
  });

  it("treats a dead refresh token as terminal, and a bad client secret as our own error", async () => {
    const dead = createZoomClient(
      zoomConfig(),
      answer(400, { reason: "Invalid Token!", error: "invalid_grant" }),
    );
    await expect(dead.refresh("rt")).rejects.toBeInstanceOf(ZoomInvalidGrantError);
    const misconfigured = createZoomClient(
      zoomConfig(),
      answer(401, { reason: "Invalid client_id or client_secret", error: "invalid_client" }),
    );
    await expect(misconfigured.refresh("rt")).rejects.toBeInstanceOf(ZoomRequestError);
  });

  it("treats 429, 5xx, network failures and timeouts as transient", async () => {
    const limited = createZoomClient(
      zoomConfig(),
      answer(429, { code: 429 }, { "retry-after": "3" }),
    );
    await expect(limited.getUserToken("at", "zak")).rejects.toMatchObject({
      reason: "rate_limited",
      retryAfterSeconds: 3,
    });
    await expect(
      createZoomClient(zoomConfig(), answer(503, {})).refresh("rt"),
    ).rejects.toMatchObject({ reason: "server_error" });
    const broken = createZoomClient(zoomConfig(), async () =>
      Promise.reject(new TypeError("socket hang up")),
    );
    await expect(broken.refresh("rt")).rejects.toMatchObject({ reason: "network" });
    const hung = createZoomClient(
      zoomConfig({ timeoutMs: 100 }),
      () => new Promise<Response>(() => {}),
    );
    await expect(hung.getMe("at")).rejects.toBeInstanceOf(ZoomUnavailableError);
    await expect(hung.getMe("at")).rejects.toMatchObject({ reason: "timeout" });
  });

  it("recognises Zoom's invalid access token answer (code 124) and other API refusals", async () => {
    const expired = createZoomClient(
      zoomConfig(),
      answer(401, { code: 124, message: "Invalid access token." }),
    );
    await expect(expired.getUserToken("at", "zak")).rejects.toBeInstanceOf(
      ZoomInvalidAccessTokenError,
    );
    const scope = createZoomClient(
      zoomConfig(),
      answer(400, {
        code: 4700,
        message: "Invalid access token, does not contain scopes: [user:read:token].",
      }),
    );
    await expect(scope.getUserToken("at", "zak")).rejects.toMatchObject({
      status: 400,
      zoomMessage: expect.stringContaining("user:read:token"),
    });
    const garbage = createZoomClient(zoomConfig(), answer(200, { nope: true }));
    await expect(garbage.getUserToken("at", "zak")).rejects.toBeInstanceOf(ZoomRequestError);
  });

  it("tells a meeting Zoom does not know for this user (404, code 3001) from other refusals", async () => {
    const missing = createZoomClient(
      zoomConfig(),
      answer(404, { code: 3001, message: "Meeting does not exist: 81234567890." }),
    );
    const refused = missing.getLocalRecordingJoinToken("at", "81234567890");
    await expect(refused).rejects.toBeInstanceOf(ZoomNotFoundError);
    await expect(refused).rejects.toMatchObject({ status: 404, zoomCode: 3001 });
  });

  it("sends the OBF meeting id and bypass_waiting_room only when given, and reads the join token's lifetime", async () => {
    const urls: string[] = [];
    const client = createZoomClient(zoomConfig(), (url) => {
      urls.push(url);
      return Promise.resolve(Response.json({ token: "t", expire_in: 120 }));
    });
    await client.getUserToken("at", "onbehalf", { meetingId: "81234567890" });
    await client.getUserToken("at", "onbehalf");
    await client.getUserToken("at", "zak", { meetingId: "81234567890" });
    const before = Date.now();
    const join = await client.getLocalRecordingJoinToken("at", "81234567890", {
      bypassWaitingRoom: true,
    });
    await client.getLocalRecordingJoinToken("at", "81234567890");
    expect(urls.map((u) => u.replace("https://zoom.test", ""))).toEqual([
      "/v2/users/me/token?type=onbehalf&meeting_id=81234567890",
      "/v2/users/me/token?type=onbehalf",
      "/v2/users/me/token?type=zak",
      "/v2/meetings/81234567890/jointoken/local_recording?bypass_waiting_room=true",
      "/v2/meetings/81234567890/jointoken/local_recording",
    ]);
    expect(join.expiresAt.getTime()).toBeGreaterThanOrEqual(before + 120_000);
  });
});
