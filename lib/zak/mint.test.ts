import { count, eq, isNull } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { findConnection } from "@/db/queries/connections";
import { insertUrlSecret } from "@/db/queries/url-secrets";
import { tokenRequests, urlSecrets, zoomConnections, zoomGrants } from "@/db/schema";
import { testEngines } from "@/db/testing";
import { unlessFresh } from "@/lib/vault/refresh";
import { connectZoomUser, createTenant } from "@/lib/vault/testing";
import type { TokenKind } from "./kinds";
import { mintToken, SERVED_ACCESS_TOKEN_MIN_VALIDITY_MS, type MintOptions } from "./mint";
import { serveTokenRequest } from "./serve";
import { generateUrlSecret } from "./url-secret";
import { useVaultOnEngine } from "@/lib/vault/test-hooks";

describe("unlessFresh", () => {
  const grantWith = (secondsLeft: number) =>
    ({ accessTokenExpiresAt: new Date(Date.now() + secondsLeft * 1000) }) as never;

  it("refreshes below the larger of the 5-minute reuse margin and what the caller needs", () => {
    expect(unlessFresh()(grantWith(100), "at")).toBe(true);
    expect(unlessFresh()(grantWith(600), "at")).toBe(false);
    expect(unlessFresh(null, SERVED_ACCESS_TOKEN_MIN_VALIDITY_MS)(grantWith(100), "at")).toBe(true);
    expect(unlessFresh(null, 15 * 60_000)(grantWith(600), "at")).toBe(true);
    expect(unlessFresh("at")(grantWith(600), "at")).toBe(true);
  });
});

describe.each(testEngines())("token kinds on $name", (engine) => {
  const t = useVaultOnEngine(engine);

  async function connected() {
    const tenant = await createTenant(t.database.db);
    const email = `u${Math.random().toString(36).slice(2)}@zoom.test`;
    const { user } = await connectZoomUser(t.setup, tenant, email);
    const meetingId = t.setup.emulator.createMeeting(email)!;
    return { tenant, user, meetingId };
  }

  async function mint(tenantId: string, kind: TokenKind, opts: MintOptions = {}) {
    const found = await findConnection(t.database.db, tenantId);
    return mintToken(t.setup.vault, kind, found?.connection ?? null, found?.grant ?? null, opts);
  }

  const setCachedExpiry = (zoomUserId: string, secondsLeft: number) =>
    t.database.db
      .update(zoomGrants)
      .set({ accessTokenExpiresAt: new Date(Date.now() + secondsLeft * 1000) })
      .where(eq(zoomGrants.zoomUserId, zoomUserId));

  it("mints each kind from the connected user's grant, as the emulator issued it", async () => {
    const { tenant, user, meetingId } = await connected();
    const issued = async (kind: TokenKind, opts: MintOptions = {}) => {
      const result = await mint(tenant.tenantId, kind, opts);
      expect(result.status, kind).toBe(200);
      expect(result.expiresAt!.getTime()).toBeGreaterThan(Date.now());
      return t.setup.emulator.lookupIssuedToken(result.body);
    };
    expect(await issued("zak")).toMatchObject({ type: "zak", userId: user.id });
    expect(await issued("obf", { meetingId })).toMatchObject({
      type: "onbehalf",
      userId: user.id,
      meetingId,
    });
    expect(await issued("obf")).not.toHaveProperty("meetingId");
    expect(await issued("join_token", { meetingId, bypassWaitingRoom: true })).toMatchObject({
      type: "local_recording",
      userId: user.id,
      meetingId,
      bypassWaitingRoom: true,
    });
    expect(await issued("access_token")).toMatchObject({ type: "access_token", userId: user.id });
  });

  it("answers 404 for a meeting Zoom has no join token for, 400 without a meeting", async () => {
    const { tenant } = await connected();
    const other = await connected();
    expect(await mint(tenant.tenantId, "join_token", { meetingId: other.meetingId })).toEqual({
      status: 404,
      outcome: "no_token",
      body: "Zoom has no join token for this meeting: it does not exist, is not the connected user's, or local recording is off",
      retryAfterSeconds: undefined,
    });
    expect(await mint(tenant.tenantId, "join_token")).toMatchObject({
      status: 400,
      outcome: "bad_request",
    });
  });

  it("answers 409 naming the scope a kind needs when Zoom did not grant it, without calling Zoom", async () => {
    const { tenant, user, meetingId } = await connected();
    await t.database.db
      .update(zoomGrants)
      .set({ scopes: "user:read:token user:read:user" })
      .where(eq(zoomGrants.zoomUserId, user.id));
    const before = t.setup.emulator.stats().endpoints.jointoken;
    expect(await mint(tenant.tenantId, "join_token", { meetingId })).toEqual({
      status: 409,
      outcome: "missing_scope",
      body: "The Zoom connection lacks scope meeting:read:local_recording_token: add it to the Zoom app and reconnect",
    });
    expect(t.setup.emulator.stats().endpoints.jointoken).toBe(before);
    expect((await mint(tenant.tenantId, "obf")).status).toBe(200);
  });

  it("serves an access token valid for at least 120 s, refreshing exactly once when the cached one has 100 s left", async () => {
    const { tenant, user } = await connected();
    await setCachedExpiry(user.id, 100);
    const results = await Promise.all(
      Array.from({ length: 20 }, () => mint(tenant.tenantId, "access_token")),
    );
    expect(t.setup.emulator.stats().grants.refresh_token).toBe(1);
    expect(new Set(results.map((r) => r.body)).size).toBe(1);
    for (const result of results) {
      expect(result.status).toBe(200);
      expect(result.expiresAt!.getTime() - Date.now()).toBeGreaterThanOrEqual(
        SERVED_ACCESS_TOKEN_MIN_VALIDITY_MS,
      );
    }
    const info = t.setup.emulator.lookupIssuedToken(results[0]!.body)!;
    expect(Date.parse(info.expiresAt) - Date.now()).toBeGreaterThan(
      SERVED_ACCESS_TOKEN_MIN_VALIDITY_MS,
    );
    // A cached token with time to spare is served as it is.
    await setCachedExpiry(user.id, 1800);
    expect((await mint(tenant.tenantId, "access_token")).body).toBe(results[0]!.body);
    expect(t.setup.emulator.stats().grants.refresh_token).toBe(1);
  });

  it("writes the scopes Zoom grants on consent and on refresh", async () => {
    const { user } = await connected();
    const [grant] = await t.database.db
      .select()
      .from(zoomGrants)
      .where(eq(zoomGrants.zoomUserId, user.id));
    expect(grant!.scopes.split(" ")).toContain("meeting:read:local_recording_token");
  });

  describe("serving", () => {
    async function secretFor(tenantId: string, userId: string, kinds: TokenKind[]) {
      const { secret, prefix, hash } = generateUrlSecret();
      await insertUrlSecret(t.database.db, {
        tenantId,
        label: "bot",
        prefix,
        secretHash: hash,
        kinds,
        createdByUserId: userId,
      });
      return secret;
    }

    it("refuses kinds the secret may not fetch with 403 and records the caller id", async () => {
      const { tenant, meetingId } = await connected();
      const secret = await secretFor(tenant.tenantId, tenant.userId, ["zak"]);
      const serve = (kind: TokenKind, params = "", headers: HeadersInit = {}) =>
        serveTokenRequest(t.setup.vault, {
          slug: tenant.slug,
          secret,
          kind,
          clientIp: "203.0.113.5",
          headers: new Headers(headers),
          params: new URLSearchParams(params),
        });
      expect(await serve("obf")).toEqual({
        status: 403,
        outcome: "kind_not_allowed",
        body: "This URL may not fetch OBF token",
      });
      expect((await serve("join_token", `meeting_id=${meetingId}`)).status).toBe(403);
      expect((await serve("access_token")).body).toBe("This URL may not fetch Zoom access token");
      expect((await serve("zak", "bot_id=bot-7", { "webhook-id": "msg_1" })).status).toBe(200);

      const rows = await t.database.db
        .select()
        .from(tokenRequests)
        .where(eq(tokenRequests.tenantId, tenant.tenantId));
      expect(rows.map((r) => [r.kind, r.status, r.callerId])).toEqual(
        expect.arrayContaining([
          ["obf", 403, null],
          ["access_token", 403, null],
          ["zak", 200, "msg_1"],
        ]),
      );
    });

    it("records every request of a burst with the secret's and the connection's last-used stamps", async () => {
      const { tenant } = await connected();
      const secret = await secretFor(tenant.tenantId, tenant.userId, ["zak"]);
      const serve = (kind: TokenKind) =>
        serveTokenRequest(t.setup.vault, {
          slug: tenant.slug,
          secret,
          kind,
          clientIp: "203.0.113.6",
          headers: new Headers(),
          params: new URLSearchParams(),
        });
      const stamps = async () => {
        const [secretRow] = await t.database.db
          .select({ lastUsedAt: urlSecrets.lastUsedAt })
          .from(urlSecrets)
          .where(eq(urlSecrets.tenantId, tenant.tenantId));
        const found = await findConnection(t.database.db, tenant.tenantId);
        return { secret: secretRow!.lastUsedAt, served: found!.connection.lastTokenServedAt };
      };

      // A refused kind stamps the secret, not the connection: no token was served.
      expect((await serve("obf")).status).toBe(403);
      expect(await stamps()).toMatchObject({ secret: expect.any(Date), served: null });

      const answers = await Promise.all(Array.from({ length: 200 }, () => serve("zak")));
      expect(answers.filter((a) => a.status === 200)).toHaveLength(200);
      const [counted] = await t.database.db
        .select({ n: count() })
        .from(tokenRequests)
        .where(eq(tokenRequests.tenantId, tenant.tenantId));
      expect(counted!.n).toBe(201);
      const after = await stamps();
      expect(after.served).toBeInstanceOf(Date);

      // Stamps older than a minute are renewed by the next request; newer ones are left alone.
      const old = new Date(Date.now() - 5 * 60_000);
      await t.database.db
        .update(urlSecrets)
        .set({ lastUsedAt: old })
        .where(eq(urlSecrets.tenantId, tenant.tenantId));
      await t.database.db
        .update(zoomConnections)
        .set({ lastTokenServedAt: old })
        .where(eq(zoomConnections.tenantId, tenant.tenantId));
      expect((await serve("zak")).status).toBe(200);
      const renewed = await stamps();
      expect(renewed.secret!.getTime()).toBeGreaterThan(old.getTime());
      expect(renewed.served!.getTime()).toBeGreaterThan(old.getTime());
      expect((await serve("zak")).status).toBe(200);
      expect(await stamps()).toEqual(renewed);
    });

    it("records a request for an unknown tenant without a tenant", async () => {
      const before = await t.database.db
        .select({ n: count() })
        .from(tokenRequests)
        .where(isNull(tokenRequests.tenantId));
      const refused = await serveTokenRequest(t.setup.vault, {
        slug: "no-such-tenant",
        secret: "zak_wrong",
        kind: "zak",
        clientIp: "203.0.113.7",
        headers: new Headers(),
        params: new URLSearchParams(),
      });
      expect(refused.status).toBe(401);
      const [after] = await t.database.db
        .select({ n: count() })
        .from(tokenRequests)
        .where(isNull(tokenRequests.tenantId));
      expect(after!.n).toBe(before[0]!.n + 1);
    });
  });
});
