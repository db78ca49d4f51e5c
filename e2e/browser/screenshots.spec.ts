// Screenshots of the tenant page for a human to look at (e2e/artifacts/screenshots/). Each state is
// also taken at phone width, where the page must not scroll sideways.
import { type Page, type TestInfo } from "@playwright/test";
import { authorizeOutsideApp, connectZoom, createZakUrl, uniqueEmail } from "../support/api";
import { ZOOM_APP } from "../support/targets";
import { expect, screenshot, signInAs, test as base } from "./fixtures";

const PHONE = { width: 375, height: 812 };

async function capture(page: Page, testInfo: TestInfo, name: string) {
  await screenshot(page, testInfo, `${name}-desktop`);
  await page.setViewportSize(PHONE);
  const overflow = await page.evaluate(
    () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
  );
  expect(overflow, "no sideways scrolling at phone width").toBe(0);
  await screenshot(page, testInfo, `${name}-phone`);
}

/** The page is signed in as `owner`, whose tenant `ownerTenant` it shows. */
const test = base.extend({
  owner: async ({ signUp }, provide) => provide(await signUp(uniqueEmail("shots"))),
  page: async ({ page, owner }, provide) => {
    await signInAs(page, owner);
    await provide(page);
  },
});

test("tenant page, not connected", async ({ page, ownerTenant: slug, openTenant }, testInfo) => {
  const tenant = await openTenant(slug);
  await expect(page.getByTestId("activity-empty")).toBeVisible();
  await expect(page.getByText("No token URLs yet")).toBeVisible();
  await expect(tenant.status).toHaveText("Not connected");
  await capture(page, testInfo, "tenant-not-connected");
});

test("tenant page, connected, with URLs, a test and activity", async ({
  page,
  request,
  owner,
  ownerTenant: slug,
  signUp,
  openTenant,
}, testInfo) => {
  await connectZoom(owner, slug, {
    displayName: "Katherine Johnson",
    email: uniqueEmail("katherine"),
  });
  const { zakUrl } = await createZakUrl(owner, slug, "Recall.ai production");
  await createZakUrl(owner, slug, "Staging bot");
  await request.get(zakUrl);
  const member = await signUp(uniqueEmail("teammate"));
  expect(
    (
      await owner.http.post(`/api/tenants/${slug}/members`, {
        data: { email: member.email, role: "admin" },
      })
    ).status(),
  ).toBe(201);

  const tenant = await openTenant(slug);
  await tenant.runTest("ZAK");
  await expect(tenant.testResult).toBeVisible();
  await expect(page.getByTestId("activity-table").locator("tbody tr")).toHaveCount(2);
  await expect(tenant.status).toHaveText("Connected");
  await capture(page, testInfo, "tenant-connected");
});

test("tenant page, needs reconnect", async ({
  page,
  request,
  owner,
  ownerTenant: slug,
  emulator,
  openTenant,
  target,
}, testInfo) => {
  const email = uniqueEmail("stale");
  await connectZoom(owner, slug, { displayName: "Stale Grant", email });
  const { zakUrl } = await createZakUrl(owner, slug, "Recall.ai production");
  await authorizeOutsideApp(target, email, ZOOM_APP);
  await emulator.expireAccessTokens();
  expect((await request.get(zakUrl)).status()).toBe(409);

  const tenant = await openTenant(slug);
  await expect(tenant.status).toHaveText("Needs reconnect");
  await expect(page.getByTestId("activity-table").locator("tbody tr")).toHaveCount(1);
  await capture(page, testInfo, "tenant-needs-reconnect");
});

base("sign-up page and an empty tenant list", async ({ page, auth }, testInfo) => {
  await page.goto("/sign-up");
  await capture(page, testInfo, "sign-up");
  await page.setViewportSize({ width: 1280, height: 900 });
  await auth.signUp(uniqueEmail("shots"), "Screenshot User");
  await expect(page.getByText("No tenants yet")).toBeVisible();
  await capture(page, testInfo, "tenants-empty");
});
