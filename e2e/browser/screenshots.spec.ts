// Screenshots of the tenant page for a human to look at (e2e/artifacts/screenshots/). Each state is
// also taken at phone width, where the page must not scroll sideways.
import { type Page, type TestInfo } from "@playwright/test";
import {
  authorizeOutsideApp,
  connectZoom,
  createTenant,
  createZakUrl,
  signedInUser,
  uniqueEmail,
  type SignedIn,
} from "../support/api";
import { ZOOM_APP, browserTarget } from "../support/targets";
import {
  APP_URL,
  AuthPages,
  TenantPage,
  emulator,
  expect,
  screenshot,
  signInAs,
  test,
} from "./fixtures";

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

async function ownerWithTenant(page: Page): Promise<{ owner: SignedIn; slug: string }> {
  const owner = await signedInUser(APP_URL, uniqueEmail("shots"));
  const slug = await createTenant(owner);
  await signInAs(page, owner);
  return { owner, slug };
}

test("tenant page, not connected", async ({ page }, testInfo) => {
  const { slug } = await ownerWithTenant(page);
  const tenant = await TenantPage.open(page, slug);
  await expect(page.getByTestId("activity-empty")).toBeVisible();
  await expect(page.getByText("No ZAK URLs yet")).toBeVisible();
  await expect(tenant.status).toHaveText("Not connected");
  await capture(page, testInfo, "tenant-not-connected");
});

test("tenant page, connected, with URLs, a test and activity", async ({
  page,
  request,
}, testInfo) => {
  const { owner, slug } = await ownerWithTenant(page);
  await connectZoom(owner, slug, {
    displayName: "Katherine Johnson",
    email: uniqueEmail("katherine"),
  });
  const { zakUrl } = await createZakUrl(owner, slug, "Recall.ai production");
  await createZakUrl(owner, slug, "Staging bot");
  await request.get(zakUrl);
  const member = await signedInUser(APP_URL, uniqueEmail("teammate"));
  expect(
    (
      await owner.http.post(`/api/tenants/${slug}/members`, {
        data: { email: member.email, role: "admin" },
      })
    ).status(),
  ).toBe(201);

  const tenant = await TenantPage.open(page, slug);
  await tenant.button("Fetch a test ZAK").click();
  await expect(page.getByTestId("zak-test-result")).toBeVisible();
  await expect(page.getByTestId("activity-table").locator("tbody tr")).toHaveCount(2);
  await expect(tenant.status).toHaveText("Connected");
  await capture(page, testInfo, "tenant-connected");
});

test("tenant page, needs reconnect", async ({ page, request }, testInfo) => {
  const { owner, slug } = await ownerWithTenant(page);
  const email = uniqueEmail("stale");
  await connectZoom(owner, slug, { displayName: "Stale Grant", email });
  const { zakUrl } = await createZakUrl(owner, slug, "Recall.ai production");
  await authorizeOutsideApp(browserTarget, email, ZOOM_APP);
  await emulator.expireAccessTokens();
  expect((await request.get(zakUrl)).status()).toBe(409);

  const tenant = await TenantPage.open(page, slug);
  await expect(tenant.status).toHaveText("Needs reconnect");
  await expect(page.getByTestId("activity-table").locator("tbody tr")).toHaveCount(1);
  await capture(page, testInfo, "tenant-needs-reconnect");
});

test("sign-up page and an empty tenant list", async ({ page }, testInfo) => {
  await page.goto("/sign-up");
  await capture(page, testInfo, "sign-up");
  await page.setViewportSize({ width: 1280, height: 900 });
  await new AuthPages(page).signUp(uniqueEmail("shots"), "Screenshot User");
  await expect(page.getByText("No tenants yet")).toBeVisible();
  await capture(page, testInfo, "tenants-empty");
});
