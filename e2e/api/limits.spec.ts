import { randomBytes } from "node:crypto";
import { createZakUrl, getActivity, uniqueSlug } from "../support/api";
import { expect, test } from "../support/fixtures";

// These apps run with TRUSTED_PROXY_HOPS=1 (playwright.config.ts): X-Forwarded-For's last entry is
// the client, so each test is its own client address. On PostgreSQL the requests alternate between
// the target's two app processes, which must share one count.

const randomAddress = () => `198.51.100.${Math.floor(Math.random() * 250) + 1}`;
const wrongSecret = () => `zak_${randomBytes(32).toString("base64url")}`;
const from = (forwarded: string) => ({ headers: { "x-forwarded-for": forwarded } });

test.describe("wrong-secret limits on bot URLs", () => {
  test("GET /api/zak/:tenant – 25 wrong secrets for tenant A from one address: beyond 20 they get 429 with Retry-After, yet valid URLs of A and B from that address get 200", async ({
    target,
    connectTenant,
  }) => {
    const a = await connectTenant();
    const b = await connectTenant(a.owner);
    const [urlA, urlB] = [
      (await createZakUrl(a.owner, a.slug)).zakUrl,
      (await createZakUrl(b.owner, b.slug)).zakUrl,
    ];
    const attacker = randomAddress();
    const statuses: number[] = [];
    let retryAfter: string | null = null;
    for (let i = 0; i < 25; i++) {
      const app = target.appUrls[i % target.appUrls.length]!;
      const res = await fetch(`${app}/api/zak/${a.slug}?token=${wrongSecret()}`, from(attacker));
      statuses.push(res.status);
      if (res.status === 429) retryAfter = res.headers.get("retry-after");
    }
    expect(statuses).toEqual([...Array<number>(20).fill(401), ...Array<number>(5).fill(429)]);
    expect(Number(retryAfter)).toBeGreaterThan(0);
    expect(Number(retryAfter)).toBeLessThanOrEqual(60);

    for (const url of [urlB, urlA]) {
      const res = await fetch(url, from(attacker));
      expect([res.status, (await res.text()).split(".").length]).toEqual([200, 3]);
    }
    // Tenant B's callers from that address are not slowed by A's stale URL.
    expect((await fetch(`${new URL(urlB).origin}/api/zak/${b.slug}`, from(attacker))).status).toBe(
      401,
    );
    // One sampled audit row for the whole burst, so wrong secrets cannot flood the activity.
    const refused = (await getActivity(a.owner, a.slug)).filter((r) => r.status !== 200);
    expect(refused).toEqual([
      expect.objectContaining({ outcome: "bad_secret", status: 401, clientIp: attacker }),
    ]);
  });

  test("GET /api/zak/:tenant – behind one trusted proxy the last X-Forwarded-For entry is the key: entries the client writes before it change nothing", async ({
    appUrl,
  }) => {
    const slug = uniqueSlug();
    const client = randomAddress();
    for (let i = 0; i < 20; i++) {
      const spoofed = `203.0.113.${i + 1}, ${client}`;
      const res = await fetch(`${appUrl}/api/zak/${slug}?token=${wrongSecret()}`, from(spoofed));
      expect(res.status).toBe(401);
    }
    const again = await fetch(`${appUrl}/api/zak/${slug}`, from(`192.0.2.77, ${client}`));
    expect(again.status).toBe(429);
    const other = await fetch(`${appUrl}/api/zak/${slug}`, from(`${client}, ${randomAddress()}`));
    expect(other.status).toBe(401);
  });
});
