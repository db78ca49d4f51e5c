import { type APIRequestContext } from "@playwright/test";
import {
  authorizeOutsideApp,
  connectZoom,
  createTenant,
  createZakUrl,
  signedInUser,
  uniqueEmail,
} from "../support/api";
import { ZOOM_APP, browserTarget } from "../support/targets";
import { APP_URL, TenantPage, emulator, expect, signInAs, test } from "./fixtures";

/** An owner whose tenant is connected to a new Zoom user over HTTP, with one ZAK URL. */
async function connectedTenant() {
  const owner = await signedInUser(APP_URL);
  const slug = await createTenant(owner);
  const zoomUser = { displayName: "Grace Hopper", email: uniqueEmail("grace") };
  await connectZoom(owner, slug, zoomUser);
  const { zakUrl } = await createZakUrl(owner, slug, "bot");
  return { owner, slug, zoomUser, zakUrl };
}

async function expectZakFor(request: APIRequestContext, zakUrl: string, email: string) {
  const res = await request.get(zakUrl);
  expect(res.status()).toBe(200);
  expect((await emulator.issuedToken(await res.text())).body).toMatchObject({ type: "zak", email });
}

test("reconnect after the Zoom user removed the app (webhook: disconnected with a reason)", async ({
  page,
  request,
}) => {
  const { owner, slug, zoomUser, zakUrl } = await connectedTenant();
  await signInAs(page, owner);
  await expectZakFor(request, zakUrl, zoomUser.email);

  expect((await emulator.deauthorize(zoomUser.email)).status).toBe(200);
  const tenant = await TenantPage.open(page, slug);
  await expect(tenant.status).toHaveText("Disconnected");
  await expect(page.getByTestId("zoom-disconnected-reason")).toContainText("removed the app");
  expect((await request.get(zakUrl)).status()).toBe(404);

  const consent = await tenant.startConnect("Reconnect");
  await consent.allowExistingUser(zoomUser.email);
  await expect(tenant.callbackBanner).toContainText("Zoom is connected");
  await tenant.expectConnectedAs(zoomUser);
  await expect(page.getByTestId("zoom-disconnected-reason")).toHaveCount(0);
  await expectZakFor(request, zakUrl, zoomUser.email);
});

test("reconnect after the grant died at Zoom without a webhook (needs reconnect, 409)", async ({
  page,
  request,
}) => {
  const { owner, slug, zoomUser, zakUrl } = await connectedTenant();
  await signInAs(page, owner);

  await authorizeOutsideApp(browserTarget, zoomUser.email, ZOOM_APP);
  await emulator.expireAccessTokens();
  expect((await request.get(zakUrl)).status()).toBe(409);

  const tenant = await TenantPage.open(page, slug);
  await expect(tenant.status).toHaveText("Needs reconnect");
  await expect(page.getByTestId("zoom-reauth-warning")).toBeVisible();
  // Still shows who the bots joined as, so the person knows which Zoom account to reconnect.
  await expect(page.getByTestId("zoom-email")).toHaveText(zoomUser.email);

  const consent = await tenant.startConnect("Reconnect");
  await consent.allowExistingUser(zoomUser.email);
  await tenant.expectConnectedAs(zoomUser);
  await expect(page.getByTestId("zoom-reauth-warning")).toHaveCount(0);
  await expectZakFor(request, zakUrl, zoomUser.email);
});
