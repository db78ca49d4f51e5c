import { describe, expect, it } from "vitest";
import { apiGet, CLIENT, setup } from "./test-helpers";

describe("REST API", () => {
  it("GET /v2/users/me answers with Zoom's field names", async () => {
    const h = setup();
    const { access_token } = await h.login("ada@example.com", {
      display_name: "Ada King Lovelace",
      pic_url: "https://cdn.test/ada.png",
    });
    const res = await apiGet(h.send, `${h.base}/v2/users/me`, access_token);
    expect(res.status).toBe(200);
    const body = (await res.json()) as Record<string, unknown>;
    expect(body).toMatchObject({
      email: "ada@example.com",
      first_name: "Ada",
      last_name: "King Lovelace",
      display_name: "Ada King Lovelace",
      pic_url: "https://cdn.test/ada.png",
      type: 2,
      status: "active",
      verified: 1,
    });
    for (const key of [
      "id",
      "account_id",
      "account_number",
      "pmi",
      "timezone",
      "language",
      "created_at",
      "last_login_time",
      "role_name",
    ]) {
      expect(body).toHaveProperty(key);
    }
    expect(body.account_id).toMatch(/^[\w-]{22}$/);
    expect(body.created_at).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
  });

  it("accepts the access token only in the Authorization header", async () => {
    const h = setup();
    const { access_token } = await h.login();
    const res = await h.send(new Request(`${h.base}/v2/users/me?access_token=${access_token}`));
    expect(res.status).toBe(401);
    expect(await res.json()).toEqual({ code: 124, message: "Invalid access token." });
    expect((await apiGet(h.send, `${h.base}/v2/users/me`, "garbage")).status).toBe(401);
  });

  it("answers 124 after the clock passes an hour or the expire control is used", async () => {
    const h = setup();
    const a = await h.login("a@example.com");
    h.emulator.clock.advance(3599);
    expect((await apiGet(h.send, `${h.base}/v2/users/me`, a.access_token)).status).toBe(200);
    h.emulator.clock.advance(1);
    expect(await (await apiGet(h.send, `${h.base}/v2/users/me`, a.access_token)).json()).toEqual({
      code: 124,
      message: "Invalid access token.",
    });

    const b = await h.login("b@example.com");
    const res = await h.send(
      new Request(`${h.base}/_emulator/expire-access-tokens`, { method: "POST" }),
    );
    expect(await res.json()).toEqual({ expired: 1 });
    expect((await apiGet(h.send, `${h.base}/v2/users/me/zak`, b.access_token)).status).toBe(401);
  });

  it("names the missing scope with code 4700", async () => {
    const h = setup({ clients: [{ ...CLIENT, scopes: ["user:read:user", "user:read:zak"] }] });
    const { access_token, scope } = await h.login();
    expect(scope).toBe("user:read:user user:read:zak");
    const res = await apiGet(h.send, `${h.base}/v2/users/me/token?type=zak`, access_token);
    expect(res.status).toBe(400);
    expect(await res.json()).toEqual({
      code: 4700,
      message: "Invalid access token, does not contain scopes: [user:read:token].",
    });
    expect((await apiGet(h.send, `${h.base}/v2/users/me/zak`, access_token)).status).toBe(200);
  });

  it("accepts classic scopes too", async () => {
    const h = setup({
      clients: [
        { ...CLIENT, scopes: ["user:read", "user_zak:read", "meeting_token:read:local_recording"] },
      ],
    });
    const { access_token } = await h.login();
    const meetingId = h.emulator.createMeeting("ada@example.com");
    for (const path of [
      "/v2/users/me",
      "/v2/users/me/token?type=zak",
      "/v2/users/me/zak",
      `/v2/meetings/${meetingId}/jointoken/local_recording`,
    ]) {
      expect((await apiGet(h.send, `${h.base}${path}`, access_token)).status, path).toBe(200);
    }
  });

  it("refuses type=token, explicitly or by default", async () => {
    const h = setup();
    const { access_token } = await h.login();
    for (const query of ["", "?type=token"]) {
      const res = await apiGet(h.send, `${h.base}/v2/users/me/token${query}`, access_token);
      expect(res.status).toBe(400);
      expect(((await res.json()) as { message: string }).message).toBe(
        "Token is no longer supported. Please use ZAK token instead.",
      );
    }
  });

  it("forgets the oldest issued tokens beyond its bound; the newest still verify", async () => {
    const h = setup({ issuedTokenLimit: 5 });
    const { access_token } = await h.login("ada@example.com");
    const zaks: string[] = [];
    for (let i = 0; i < 8; i++) {
      const res = await apiGet(h.send, `${h.base}/v2/users/me/token?type=zak`, access_token);
      zaks.push(((await res.json()) as { token: string }).token);
    }
    const known = zaks.map((zak) => h.emulator.lookupIssuedToken(zak) !== null);
    expect(known).toEqual([false, false, false, true, true, true, true, true]);
    expect(h.emulator.lookupIssuedToken(zaks[7]!)).toMatchObject({ type: "zak" });
  });

  it("issues recognisable ZAK, OBF and join tokens with Zoom's lifetimes", async () => {
    const h = setup({
      clients: [
        {
          ...CLIENT,
          scopes: ["user:read:token", "user:read:zak", "meeting:read:local_recording_token"],
        },
      ],
    });
    const { access_token } = await h.login("ada@example.com");
    const meetingId = h.emulator.createMeeting("ada@example.com")!;
    const get = async (path: string) =>
      (await (await apiGet(h.send, `${h.base}${path}`, access_token)).json()) as {
        token: string;
        expire_in?: number;
      };
    const lifetime = (token: string) => {
      const info = h.emulator.lookupIssuedToken(token);
      return info && (Date.parse(info.expiresAt) - Date.parse(info.issuedAt)) / 1000;
    };
    const zak = await get("/v2/users/me/token?type=zak");
    expect(h.emulator.lookupIssuedToken(zak.token)).toMatchObject({
      type: "zak",
      email: "ada@example.com",
      clientId: CLIENT.clientId,
    });
    expect(lifetime(zak.token)).toBe(7200);
    expect(lifetime((await get("/v2/users/me/token?type=zak&ttl=31536000")).token)).toBe(31536000);
    expect(
      (await apiGet(h.send, `${h.base}/v2/users/me/token?type=zak&ttl=31536001`, access_token))
        .status,
    ).toBe(400);
    expect(lifetime((await get("/v2/users/me/zak")).token)).toBe(300);

    const obf = await get("/v2/users/me/token?type=onbehalf&meeting_id=81234567890");
    expect(h.emulator.lookupIssuedToken(obf.token)).toMatchObject({
      type: "onbehalf",
      meetingId: "81234567890",
    });
    const join = await get(`/v2/meetings/${meetingId}/jointoken/local_recording`);
    expect(join.expire_in).toBe(120);
    expect(h.emulator.lookupIssuedToken(join.token)).toMatchObject({
      type: "local_recording",
      meetingId,
      bypassWaitingRoom: false,
    });
    const bypass = await get(
      `/v2/meetings/${meetingId}/jointoken/local_recording?bypass_waiting_room=true`,
    );
    expect(h.emulator.lookupIssuedToken(bypass.token)).toMatchObject({ bypassWaitingRoom: true });
    expect(h.emulator.lookupIssuedToken(access_token)).toMatchObject({
      type: "access_token",
      email: "ada@example.com",
      clientId: CLIENT.clientId,
    });
    expect(h.emulator.lookupIssuedToken("not-a-token")).toBeNull();

    const viaControl = await h.send(
      new Request(`${h.base}/_emulator/issued-token`, {
        method: "POST",
        body: JSON.stringify({ token: zak.token }),
      }),
    );
    const issued = (await viaControl.json()) as Record<string, unknown>;
    expect(issued).toMatchObject({ type: "zak", email: "ada@example.com" });
    expect(issued.userId).toMatch(/^[\w-]{22}$/);
    const unknown = await h.send(
      new Request(`${h.base}/_emulator/issued-token`, {
        method: "POST",
        body: JSON.stringify({ token: "x" }),
      }),
    );
    expect(unknown.status).toBe(404);
  });

  it("GET /v2/meetings/:id/jointoken/local_recording – 404 code 3001 unless the user hosts the meeting", async () => {
    const h = setup();
    const ada = await h.login("ada@example.com");
    await h.login("bob@example.com");
    const bobs = h.emulator.createMeeting("bob@example.com")!;
    expect(bobs).toMatch(/^\d{11}$/);
    for (const meetingId of [bobs, "81234567890", "abc"]) {
      const res = await apiGet(
        h.send,
        `${h.base}/v2/meetings/${meetingId}/jointoken/local_recording`,
        ada.access_token,
      );
      expect(res.status, meetingId).toBe(404);
      expect(await res.json()).toEqual({
        code: 3001,
        message: `Meeting does not exist: ${meetingId}.`,
      });
    }
  });

  it("GET /v2/meetings/:id/jointoken/local_recording – names the join-token scope a grant lacks", async () => {
    const h = setup({ clients: [{ ...CLIENT, scopes: ["user:read:token", "user:read:user"] }] });
    const { access_token } = await h.login("ada@example.com");
    const meetingId = h.emulator.createMeeting("ada@example.com")!;
    const res = await apiGet(
      h.send,
      `${h.base}/v2/meetings/${meetingId}/jointoken/local_recording`,
      access_token,
    );
    expect([res.status, await res.json()]).toEqual([
      400,
      {
        code: 4700,
        message:
          "Invalid access token, does not contain scopes: [meeting:read:local_recording_token].",
      },
    ]);
    const obf = await apiGet(h.send, `${h.base}/v2/users/me/token?type=onbehalf`, access_token);
    expect(obf.status).toBe(200);
    expect(h.emulator.lookupIssuedToken(((await obf.json()) as { token: string }).token)).toEqual(
      expect.not.objectContaining({ meetingId: expect.anything() }),
    );
  });
});
