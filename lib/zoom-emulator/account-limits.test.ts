import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { apiGet, setup } from "./test-helpers";

const control = (h: ReturnType<typeof setup>, body: unknown) =>
  h.send(
    new Request(`${h.base}/_emulator/rate-limits`, { method: "POST", body: JSON.stringify(body) }),
  );

async function accountOf(h: ReturnType<typeof setup>, accessToken: string) {
  const me = (await (await apiGet(h.send, `${h.base}/v2/users/me`, accessToken)).json()) as {
    account_id: string;
  };
  return me.account_id;
}

describe("per-account rate limits", () => {
  // Date only: the emulator's windows follow its clock, which follows Date.now().
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(new Date("2026-03-02T10:00:00.000Z"));
  });
  afterEach(() => vi.useRealTimers());

  it("answer Zoom's QPS 429 beyond perSecond within one second, with the headers and a count", async () => {
    const h = setup();
    const { access_token } = await h.login();
    const accountId = await accountOf(h, access_token);
    expect((await control(h, { accountId, perSecond: 2 })).status).toBe(200);

    const zak = () => apiGet(h.send, `${h.base}/v2/users/me/token?type=zak`, access_token);
    const first = await zak();
    expect(first.status).toBe(200);
    expect(first.headers.get("x-ratelimit-type")).toBe("QPS");
    expect(first.headers.get("x-ratelimit-limit")).toBe("2");
    expect(first.headers.get("x-ratelimit-remaining")).toBe("1");
    expect((await zak()).headers.get("x-ratelimit-remaining")).toBe("0");

    const refused = await zak();
    expect(refused.status).toBe(429);
    expect(refused.headers.get("x-ratelimit-category")).toBe("Light");
    expect(refused.headers.get("x-ratelimit-type")).toBe("QPS");
    expect(refused.headers.get("x-ratelimit-limit")).toBe("2");
    expect(refused.headers.get("x-ratelimit-remaining")).toBe("0");
    expect(refused.headers.get("retry-after")).toBe("1");
    expect(await refused.json()).toEqual({
      code: 429,
      message: "You have reached the maximum per-second rate limit for this API. Try again later.",
    });
    expect(h.emulator.stats().rateLimited).toEqual({ QPS: 1, "Daily-limit": 0 });

    // The next second has a fresh window; the OAuth token endpoint is never counted.
    vi.setSystemTime(new Date("2026-03-02T10:00:01.000Z"));
    expect((await zak()).status).toBe(200);
    expect((await h.refresh((await h.login()).refresh_token)).status).toBe(200);
  });

  it("answer the daily 429 with Retry-After as an ISO date once perDay is used up, and can be removed", async () => {
    const h = setup();
    const { access_token } = await h.login();
    const accountId = await accountOf(h, access_token);
    await control(h, { accountId, perSecond: 10, perDay: 1 });
    const me = () => apiGet(h.send, `${h.base}/v2/users/me`, access_token);
    expect((await me()).status).toBe(200);
    const refused = await me();
    expect(refused.status).toBe(429);
    expect(refused.headers.get("x-ratelimit-type")).toBe("Daily-limit");
    expect(refused.headers.get("x-ratelimit-limit")).toBe("1");
    expect(refused.headers.get("retry-after")).toBe("2026-03-03T00:00:00Z");
    expect(((await refused.json()) as { message: string }).message).toContain("daily rate limit");
    expect(h.emulator.stats().rateLimited["Daily-limit"]).toBe(1);

    await control(h, { accountId, perSecond: null });
    const free = await me();
    expect(free.status).toBe(200);
    expect(free.headers.get("x-ratelimit-limit")).toBeNull();
  });

  it("refuse a malformed limit with a one-line reason", async () => {
    const h = setup();
    for (const body of [{ perSecond: 5 }, { accountId: "a", perSecond: 0 }, { accountId: "a" }]) {
      const res = await control(h, body);
      expect(res.status).toBe(400);
      expect(((await res.json()) as { error: string }).error).toMatch(/accountId|perSecond/);
    }
  });
});
