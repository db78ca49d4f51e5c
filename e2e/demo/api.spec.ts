import { connectZoom, createZakUrl, getZoomStatus, uniqueEmail } from "../support/api";
import { expect, test } from "../support/fixtures";

test.describe("demo mode (no Zoom app configured)", () => {
  test("GET /sign-in – every page says Zoom is emulated", async ({ appUrl }) => {
    const page = await fetch(`${appUrl}/sign-in`);
    expect(await page.text()).toContain("Demo mode: Zoom is emulated");
  });

  test("the whole flow works against the emulator inside the app, and a deauthorization comes back signed", async ({
    appUrl,
    owner,
    ownerTenant: slug,
  }) => {
    const landed = await connectZoom(owner, slug, {
      email: uniqueEmail("demo"),
      displayName: "Demo Host",
    });
    expect(landed.searchParams.get("zoom")).toBe("connected");
    const { user } = await getZoomStatus(owner, slug);
    expect(user?.picUrl).toMatch(new RegExp(`^${appUrl}/zoom-emulator/avatars/`));
    const { zakUrl } = await createZakUrl(owner, slug);
    const zak = await fetch(zakUrl);
    expect([zak.status, (await zak.text()).split(".").length]).toEqual([200, 3]);

    // The emulated Zoom user removes the app on the emulator's own page.
    const deauthorized = await fetch(`${appUrl}/zoom-emulator/apps/deauthorize`, {
      method: "POST",
      redirect: "manual",
      body: new URLSearchParams({ user_id: user!.zoomUserId, client_id: "demo-client" }),
    });
    expect(deauthorized.status).toBeLessThan(400);
    await expect.poll(async () => (await getZoomStatus(owner, slug)).status).toBe("disconnected");
    expect((await fetch(zakUrl)).status).toBe(404);
  });

  test("GET /zoom-emulator/_emulator/* – the emulator's test controls are never mounted in the app", async ({
    appUrl,
  }) => {
    expect((await fetch(`${appUrl}/zoom-emulator/_emulator/stats`)).status).toBe(404);
  });
});
