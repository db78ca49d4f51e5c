import { expect, test } from "@playwright/test";
import { connectZoom, createTenant, createZakUrl, signedInUser, uniqueEmail } from "../support/api";
import { demoAppUrl } from "../support/targets";

test.describe("demo mode (no Zoom app configured)", () => {
  test("every page says Zoom is emulated", async () => {
    const page = await fetch(`${demoAppUrl}/sign-in`);
    expect(await page.text()).toContain("Demo mode: Zoom is emulated");
  });

  test("the whole flow works against the emulator inside the app, and a deauthorization comes back signed", async () => {
    const owner = await signedInUser(demoAppUrl);
    const slug = await createTenant(owner);
    const landed = await connectZoom(owner, slug, {
      email: uniqueEmail("demo"),
      displayName: "Demo Host",
    });
    expect(landed.searchParams.get("zoom")).toBe("connected");
    const status = await (await owner.http.get(`/api/tenants/${slug}/zoom`)).json();
    expect(status.user.picUrl).toMatch(new RegExp(`^${demoAppUrl}/zoom-emulator/avatars/`));
    const { zakUrl } = await createZakUrl(owner, slug);
    const zak = await fetch(zakUrl);
    expect([zak.status, (await zak.text()).split(".").length]).toEqual([200, 3]);

    // The emulated Zoom user removes the app on the emulator's own page.
    const deauthorized = await fetch(`${demoAppUrl}/zoom-emulator/apps/deauthorize`, {
      method: "POST",
      redirect: "manual",
      body: new URLSearchParams({ user_id: status.user.zoomUserId, client_id: "demo-client" }),
    });
    expect(deauthorized.status).toBeLessThan(400);
    await expect
      .poll(async () => (await (await owner.http.get(`/api/tenants/${slug}/zoom`)).json()).status)
      .toBe("disconnected");
    expect((await fetch(zakUrl)).status).toBe(404);
  });

  test("the emulator's test controls are never mounted in the app", async () => {
    expect((await fetch(`${demoAppUrl}/zoom-emulator/_emulator/stats`)).status).toBe(404);
  });
});
