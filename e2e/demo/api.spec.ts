import { connectZoom, createZakUrl, getZoomStatus, uniqueEmail, uniqueSlug } from "../support/api";
import { expect, test } from "../support/fixtures";

test.describe("demo mode (no Zoom app configured)", () => {
  test("GET /sign-in – every page says Zoom is emulated", async ({ appUrl }) => {
    const page = await fetch(`${appUrl}/sign-in`);
    expect(await page.text()).toContain("Demo mode: Zoom is emulated");
  });

  test("the whole flow works against the emulator inside the app, and a deauthorization comes back signed; the users page is scoped to the customer's tenants", async ({
    appUrl,
    owner,
    signUp,
    ownerTenant: slug,
  }) => {
    const zoomEmail = uniqueEmail("demo");
    const landed = await connectZoom(owner, slug, {
      email: zoomEmail,
      displayName: "Demo Host",
    });
    expect(landed.searchParams.get("zoom")).toBe("connected");
    const { user } = await getZoomStatus(owner, slug);
    expect(user?.picUrl).toMatch(new RegExp(`^${appUrl}/zoom-emulator/avatars/`));
    const { zakUrl } = await createZakUrl(owner, slug);
    const zak = await fetch(zakUrl);
    expect([zak.status, (await zak.text()).split(".").length]).toEqual([200, 3]);

    // The emulator's users page shows a customer only the Zoom users of their own tenants.
    const stranger = await signUp();
    const listed = async (http: typeof owner.http) =>
      (await (await http.get("/zoom-emulator/apps")).text()).includes(zoomEmail);
    expect(await listed(owner.http)).toBe(true);
    expect(await listed(stranger.http)).toBe(false);
    expect((await (await fetch(`${appUrl}/zoom-emulator/apps`)).text()).includes(zoomEmail)).toBe(
      false,
    );
    const deauthorize = (http: typeof owner.http) =>
      http.post("/zoom-emulator/apps/deauthorize", {
        form: { user_id: user!.zoomUserId, client_id: "demo-client" },
        maxRedirects: 0,
      });
    expect((await deauthorize(stranger.http)).status()).toBe(404);
    expect((await getZoomStatus(owner, slug)).status).toBe("connected");

    // The emulated Zoom user removes the app on the emulator's own page.
    expect((await deauthorize(owner.http)).status()).toBe(303);
    await expect.poll(async () => (await getZoomStatus(owner, slug)).status).toBe("disconnected");
    expect((await fetch(zakUrl)).status).toBe(404);
  });

  test("GET /api/zak/:tenant – without a trusted proxy (TRUSTED_PROXY_HOPS=0) a spoofed X-Forwarded-For does not change the limiter key", async ({
    appUrl,
  }) => {
    const wrong = `${appUrl}/api/zak/${uniqueSlug()}?token=zak_${"z".repeat(43)}`;
    for (let i = 0; i < 20; i++) {
      const spoofed = { headers: { "x-forwarded-for": `198.51.100.${i + 1}` } };
      expect((await fetch(wrong, spoofed)).status).toBe(401);
    }
    const limited = await fetch(wrong, { headers: { "x-forwarded-for": "203.0.113.200" } });
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get("retry-after"))).toBeGreaterThan(0);
  });

  test("GET /zoom-emulator/_emulator/* – the emulator's test controls are never mounted in the app", async ({
    appUrl,
  }) => {
    expect((await fetch(`${appUrl}/zoom-emulator/_emulator/stats`)).status).toBe(404);
  });
});
