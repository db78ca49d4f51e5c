import { createZakUrl, uniqueEmail } from "../support/api";
import { createConnectLink } from "../support/connect-links";
import { expect, test, ZoomConsent } from "./fixtures";

test("an end user opens a connect link in a fresh browser, with no session, and connects Zoom", async ({
  browser,
  appUrl,
  owner,
  ownerTenant: slug,
  emulator,
  request,
  target,
}) => {
  const link = await createConnectLink(owner, slug);
  const context = await browser.newContext({ baseURL: appUrl });
  const page = await context.newPage();

  await page.goto(link.url);
  await expect(
    page.getByRole("heading", { name: `Connect your Zoom account to Tenant ${slug}` }),
  ).toBeVisible();
  await expect(page.getByRole("list", { name: "What you allow" })).toContainText("ZAK");
  await page.getByRole("button", { name: "Continue to Zoom" }).click();
  await expect(page).toHaveURL(new RegExp(`^${target.emulatorUrl}/oauth/authorize`));

  const zoomUser = { displayName: "Rita Rep", email: uniqueEmail("rep"), avatar: "sun" as const };
  const consent = new ZoomConsent(page, target, new RegExp(`^${appUrl}/connect/done\\?`));
  await consent.allowNewUser(zoomUser);
  await expect(page.getByRole("heading", { name: "Zoom is connected" })).toBeVisible();
  const cookies = await context.cookies();
  expect(
    cookies.filter((c) => c.name.includes("session-token")),
    "never signed in",
  ).toEqual([]);

  // The tenant's bots now get tokens for the user who opened the link.
  const zak = await request.get((await createZakUrl(owner, slug)).zakUrl);
  expect(zak.status()).toBe(200);
  expect((await emulator.issuedToken(await zak.text())).body).toMatchObject({
    type: "zak",
    email: zoomUser.email,
  });

  // The same link in the same browser now says it was used.
  await page.goto(link.url);
  await expect(
    page.getByRole("heading", { name: "This connect link has already been used" }),
  ).toBeVisible();
  await context.close();
});
