import { describe, expect, it } from "vitest";
import { apiGet, setup } from "./test-helpers";

const me = (h: ReturnType<typeof setup>, token: string) =>
  apiGet(h.send, `${h.base}/v2/users/me`, token);

describe("refresh rotation", () => {
  it("returns a new pair and kills the old refresh token at once", async () => {
    const h = setup();
    const first = await h.login();
    const res = await h.refresh(first.refresh_token);
    expect(res.status).toBe(200);
    const second = (await res.json()) as {
      refresh_token: string;
      access_token: string;
      expires_in: number;
    };
    expect(second.refresh_token).not.toBe(first.refresh_token);
    expect(second.expires_in).toBe(3599);

    const stale = await h.refresh(first.refresh_token);
    expect(stale.status).toBe(400);
    expect(await stale.json()).toEqual({ reason: "Invalid Token!", error: "invalid_grant" });
    expect(h.emulator.stats()).toMatchObject({
      grants: { authorization_code: 1, refresh_token: 1 },
      invalidGrant: 1,
      endpoints: { token: 3 },
    });

    // The previous access token stays valid until it expires.
    expect((await me(h, first.access_token)).status).toBe(200);
    h.emulator.clock.advance(3600);
    expect((await me(h, first.access_token)).status).toBe(401);
    expect((await me(h, second.access_token)).status).toBe(401);
    expect((await h.refresh(second.refresh_token)).status).toBe(200);
  });

  it("refuses unknown refresh tokens, access tokens used as refresh tokens, and 90-day-old ones", async () => {
    const h = setup();
    const tokens = await h.login();
    expect((await h.refresh("not-a-token")).status).toBe(400);
    expect((await h.refresh(tokens.access_token)).status).toBe(400);
    h.emulator.clock.advance(90 * 24 * 3600);
    expect((await h.refresh(tokens.refresh_token)).status).toBe(400);
    expect(h.emulator.stats().invalidGrant).toBe(3);
  });

  it("re-authorizing the same user kills that user's earlier tokens, not other users'", async () => {
    const h = setup();
    const old = await h.login("ada@example.com");
    const other = await h.login("grace@example.com");
    const fresh = await h.login("ada@example.com");
    expect((await me(h, old.access_token)).status).toBe(401);
    expect(await (await h.refresh(old.refresh_token)).json()).toEqual({
      reason: "Invalid Token!",
      error: "invalid_grant",
    });
    expect((await me(h, other.access_token)).status).toBe(200);
    expect((await me(h, fresh.access_token)).status).toBe(200);
    expect((await h.refresh(fresh.refresh_token)).status).toBe(200);
  });
});
