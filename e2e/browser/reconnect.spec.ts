import { type APIRequestContext } from "@playwright/test";
import { authorizeOutsideApp, createZakUrl, type EmulatorControls } from "../support/api";
import { ZOOM_APP } from "../support/targets";
import { expect, signInAs, test } from "./fixtures";

async function expectZakFor(
  request: APIRequestContext,
  emulator: EmulatorControls,
  zakUrl: string,
  email: string,
) {
  const res = await request.get(zakUrl);
  expect(res.status()).toBe(200);
  expect((await emulator.issuedToken(await res.text())).body).toMatchObject({ type: "zak", email });
}

test("reconnect after the Zoom user removed the app (webhook: disconnected with a reason)", async ({
  page,
  request,
  connectedTenant: { owner, slug, zoomUser },
  emulator,
  openTenant,
}) => {
  const { zakUrl } = await createZakUrl(owner, slug, "bot");
  await signInAs(page, owner);
  await expectZakFor(request, emulator, zakUrl, zoomUser.email);

  expect((await emulator.deauthorize(zoomUser.email)).status).toBe(200);
  const tenant = await openTenant(slug);
  await expect(tenant.status).toHaveText("Disconnected");
  await expect(page.getByTestId("zoom-disconnected-reason")).toContainText("removed the app");
  expect((await request.get(zakUrl)).status()).toBe(404);

  const consent = await tenant.startConnect("Reconnect");
  await consent.allowExistingUser(zoomUser.email);
  await expect(tenant.callbackBanner).toContainText("Zoom is connected");
  await tenant.expectConnectedAs(zoomUser);
  await expect(page.getByTestId("zoom-disconnected-reason")).toHaveCount(0);
  await expectZakFor(request, emulator, zakUrl, zoomUser.email);
});

test("reconnect after the grant died at Zoom without a webhook (needs reconnect, 409)", async ({
  page,
  request,
  connectedTenant: { owner, slug, zoomUser },
  emulator,
  openTenant,
  target,
}) => {
  const { zakUrl } = await createZakUrl(owner, slug, "bot");
  await signInAs(page, owner);

  await authorizeOutsideApp(target, zoomUser.email, ZOOM_APP);
  await emulator.expireAccessTokens();
  expect((await request.get(zakUrl)).status()).toBe(409);

  const tenant = await openTenant(slug);
  await expect(tenant.status).toHaveText("Needs reconnect");
  await expect(page.getByTestId("zoom-reauth-warning")).toBeVisible();
  // Still shows who the bots joined as, so the person knows which Zoom account to reconnect.
  await expect(page.getByTestId("zoom-email")).toHaveText(zoomUser.email);

  const consent = await tenant.startConnect("Reconnect");
  await consent.allowExistingUser(zoomUser.email);
  await tenant.expectConnectedAs(zoomUser);
  await expect(page.getByTestId("zoom-reauth-warning")).toHaveCount(0);
  await expectZakFor(request, emulator, zakUrl, zoomUser.email);
});
