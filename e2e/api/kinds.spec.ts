// The bot routes of every token kind, end to end against the emulator: each token matched to what
// the emulator issued, the secret's kinds, the connection's scopes, meeting ids.
import { createUrlSecret, getActivity, getZoomStatus, type SignedIn } from "../support/api";
import { expect, test } from "../support/fixtures";
import { errorBody, parseJson, tokenTestBody } from "../support/schemas";
import { ZOOM_APP } from "../support/targets";

const ALL_KINDS = ["zak", "obf", "join_token", "access_token"];
const JOIN_TOKEN_SCOPE = "meeting:read:local_recording_token";

/** GET `url` (plus `query`): status and body. */
async function fetchText(url: string, query = "", headers: Record<string, string> = {}) {
  const res = await fetch(`${url}${query}`, { headers });
  return [res.status, await res.text()] as const;
}

async function allKindsUrls(owner: SignedIn, slug: string) {
  return (await createUrlSecret(owner, slug, { kinds: ALL_KINDS })).urls;
}

test.describe("token kinds", () => {
  test("POST /api/tenants/:slug/secrets – answers the exact URL per allowed kind and Attendee's URL", async ({
    appUrl,
    connectedTenant: { owner, slug },
  }) => {
    const all = await createUrlSecret(owner, slug, { kinds: ALL_KINDS });
    const secret = new URL(all.zakUrl).searchParams.get("token")!;
    expect(all).toMatchObject({
      kinds: ALL_KINDS,
      urls: {
        zak: `${appUrl}/api/zak/${slug}?token=${secret}`,
        obf: `${appUrl}/api/obf/${slug}?token=${secret}`,
        join_token: `${appUrl}/api/join-token/${slug}?token=${secret}`,
        access_token: `${appUrl}/api/access-token/${slug}?token=${secret}`,
      },
      attendeeUrl: `${appUrl}/api/attendee/${slug}?token=${secret}`,
    });
    const accessOnly = await createUrlSecret(owner, slug, { kinds: ["access_token"] });
    expect(Object.keys(accessOnly.urls)).toEqual(["access_token"]);
    expect(accessOnly.attendeeUrl).toBeNull();
    const zakOnly = await createUrlSecret(owner, slug, {});
    expect(zakOnly).toMatchObject({ kinds: ["zak"] });

    for (const kinds of [[], ["zak", "zak"], ["zak", "password"]]) {
      const res = await owner.http.post(`/api/tenants/${slug}/secrets`, { data: { kinds } });
      expect(res.status(), JSON.stringify(kinds)).toBe(400);
      expect((await parseJson(res, errorBody)).error.code).toBe("bad_request");
    }
    const listed = await owner.http.get(`/api/tenants/${slug}/secrets`);
    expect(JSON.stringify(await listed.json())).toContain('"kinds":["access_token"]');
  });

  test("GET /api/obf/:tenant – an OBF token for the meeting in meeting_id or meeting_number, or none", async ({
    connectedTenant: { owner, slug, zoomUser },
    emulator,
  }) => {
    const { obf } = await allKindsUrls(owner, slug);
    const [status, token] = await fetchText(obf!, "&meeting_id=812-3456-7890");
    expect(status).toBe(200);
    expect((await emulator.issuedToken(token)).body).toMatchObject({
      type: "onbehalf",
      userId: zoomUser.id,
      meetingId: "81234567890",
    });
    const [, byNumber] = await fetchText(obf!, "&meeting_number=987%20654%20321");
    expect((await emulator.issuedToken(byNumber)).body).toMatchObject({ meetingId: "987654321" });
    const [plainStatus, plain] = await fetchText(obf!);
    expect(plainStatus).toBe(200);
    const issued = (await emulator.issuedToken(plain)).body as Record<string, unknown>;
    expect(issued).toMatchObject({ type: "onbehalf", userId: zoomUser.id });
    expect(issued).not.toHaveProperty("meetingId");
  });

  test("GET /api/join-token/:tenant – 200 for the user's meeting, 404 for an unknown one, 400 without a well-formed id", async ({
    connectedTenant: { owner, slug, zoomUser },
    emulator,
  }) => {
    const meetingId = await emulator.createMeeting(zoomUser.id);
    const joinUrl = (await allKindsUrls(owner, slug)).join_token!;
    const res = await fetch(`${joinUrl}&meeting_id=${meetingId}&bypass_waiting_room=true`);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toMatch(/^text\/plain/);
    expect(res.headers.get("cache-control")).toBe("no-store");
    expect((await emulator.issuedToken(await res.text())).body).toMatchObject({
      type: "local_recording",
      userId: zoomUser.id,
      meetingId,
      bypassWaitingRoom: true,
    });

    // Another user's meeting is as unknown to this user as one that does not exist.
    const others = await emulator.createMeeting("jane.host@example.com");
    for (const unknown of ["81234567890", others]) {
      const [status, body] = await fetchText(joinUrl, `&meeting_id=${unknown}`);
      expect(status).toBe(404);
      expect(body).toMatch(/^Zoom has no join token for this meeting/);
    }
    expect(await fetchText(joinUrl)).toEqual([400, "meeting_id is required"]);
    for (const malformed of ["1234567890123", "81234x67890", "%3Bdrop"])
      expect((await fetchText(joinUrl, `&meeting_id=${malformed}`))[0], malformed).toBe(400);
    expect(await fetchText(joinUrl, "&meeting_id=12345678")).toEqual([
      400,
      "meeting_id must be 9 to 12 digits",
    ]);
  });

  test("GET /api/access-token/:tenant – the connection's access token, valid for at least 120 s", async ({
    connectedTenant: { owner, slug, zoomUser },
    emulator,
  }) => {
    const { access_token: url } = await allKindsUrls(owner, slug);
    const [status, token] = await fetchText(url!);
    expect(status).toBe(200);
    const issued = (await emulator.issuedToken(token)).body as { type: string; expiresAt: string };
    expect(issued).toMatchObject({ type: "access_token", userId: zoomUser.id });
    expect(Date.parse(issued.expiresAt) - Date.now()).toBeGreaterThanOrEqual(120_000);
  });

  test("GET /api/obf|join-token|access-token/:tenant – 403 for a ZAK-only URL, which still serves ZAKs", async ({
    appUrl,
    connectedTenant: { owner, slug, zoomUser },
    emulator,
  }) => {
    const meetingId = await emulator.createMeeting(zoomUser.id);
    const { zakUrl } = await createUrlSecret(owner, slug, {});
    const token = new URL(zakUrl).searchParams.get("token")!;
    const refusals = await Promise.all(
      [
        ["obf", "OBF token"],
        ["join-token", "Local-recording join token"],
        ["access-token", "Zoom access token"],
      ].map(async ([path, label]) => [
        await fetchText(`${appUrl}/api/${path}/${slug}?token=${token}&meeting_id=${meetingId}`),
        label,
      ]),
    );
    for (const [answer, label] of refusals)
      expect(answer).toEqual([403, `This URL may not fetch ${label as string}`]);
    expect((await fetchText(zakUrl))[0]).toBe(200);
    const refused = await getActivity(owner, slug, "obf");
    expect(refused[0]).toMatchObject({ kind: "obf", status: 403, outcome: "kind_not_allowed" });
  });

  test("GET /api/join-token/:tenant – 409 naming the scope a connection without it lacks", async ({
    connectTenant,
    emulator,
  }) => {
    await emulator.setClientScopes(ZOOM_APP.clientId, ["user:read:token", "user:read:user"]);
    const tenant = await connectTenant().finally(() =>
      emulator.setClientScopes(ZOOM_APP.clientId, [
        "user:read:token",
        "user:read:user",
        "user:read:zak",
        JOIN_TOKEN_SCOPE,
      ]),
    );
    const meetingId = await emulator.createMeeting(tenant.zoomUser.id);
    const urls = await allKindsUrls(tenant.owner, tenant.slug);
    expect(await fetchText(urls.join_token!, `&meeting_id=${meetingId}`)).toEqual([
      409,
      `The Zoom connection lacks scope ${JOIN_TOKEN_SCOPE}: add it to the Zoom app and reconnect`,
    ]);
    expect((await fetchText(urls.obf!))[0]).toBe(200);
    const status = await getZoomStatus(tenant.owner, tenant.slug);
    expect(status).toMatchObject({
      kinds: expect.arrayContaining([
        { kind: "join_token", missingScope: JOIN_TOKEN_SCOPE },
        { kind: "obf", missingScope: null },
      ]),
    });
  });

  test("GET /api/obf/:tenant – parameters bot platforms append are ignored; their bot id is the caller id", async ({
    connectedTenant: { owner, slug },
  }) => {
    const { obf } = await allKindsUrls(owner, slug);
    const appended = "&meeting_id=81234567890&bot_id=bot_123&extra=%7B%22a%22%3A1%7D&foo=bar";
    expect((await fetchText(obf!, appended))[0]).toBe(200);
    expect((await fetchText(obf!, "&bot_uuid=0b4e-11", { "webhook-id": "msg_2Xyz" }))[0]).toBe(200);
    expect((await fetchText(obf!, "&bot_id=not%20safe<>"))[0]).toBe(200);
    const activity = await getActivity(owner, slug, "obf");
    expect(activity.slice(0, 3).map((r) => r.callerId)).toEqual([null, "msg_2Xyz", "bot_123"]);
    expect(JSON.stringify(activity)).not.toContain("zak_");
  });

  test("GET /api/tenants/:slug/activity?kind= – one kind's requests; 400 for an unknown kind", async ({
    connectedTenant: { owner, slug },
  }) => {
    const urls = await allKindsUrls(owner, slug);
    await fetchText(urls.zak!);
    await fetchText(urls.access_token!);
    expect((await getActivity(owner, slug, "access_token")).map((r) => r.kind)).toEqual([
      "access_token",
    ]);
    expect((await getActivity(owner, slug)).length).toBe(2);
    const bad = await owner.http.get(`/api/tenants/${slug}/activity?kind=password`);
    expect(bad.status()).toBe(400);
  });

  test("POST /api/tenants/:slug/token-test – tests each kind without revealing the token", async ({
    connectedTenant: { owner, slug, zoomUser },
    emulator,
  }) => {
    const meetingId = await emulator.createMeeting(zoomUser.id);
    for (const [kind, extra] of [
      ["zak", {}],
      ["obf", { meetingId: "812 3456 7890" }],
      ["join_token", { meetingId }],
      ["access_token", {}],
    ] as const) {
      const res = await owner.http.post(`/api/tenants/${slug}/token-test`, {
        data: { kind, ...extra },
      });
      const body = await parseJson(res, tokenTestBody);
      expect(body, kind).toMatchObject({ kind, ok: true, status: 200, outcome: "served" });
      expect(Date.parse(body.expiresAt!)).toBeGreaterThan(Date.now());
      expect(JSON.stringify(body)).not.toMatch(/eyJ/);
    }
    const unknown = await owner.http.post(`/api/tenants/${slug}/token-test`, {
      data: { kind: "join_token", meetingId: "81234567890" },
    });
    expect(await parseJson(unknown, tokenTestBody)).toMatchObject({ ok: false, status: 404 });
    for (const data of [{ kind: "join_token" }, { kind: "obf", meetingId: "12" }, { kind: "x" }])
      expect((await owner.http.post(`/api/tenants/${slug}/token-test`, { data })).status()).toBe(
        400,
      );
  });
});
