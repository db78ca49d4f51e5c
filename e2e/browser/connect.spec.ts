import { uniqueEmail, uniqueSlug } from "../support/api";
import { parseJson, zoomStatus } from "../support/schemas";
import { expect, test } from "./fixtures";

test("sign up, connect Zoom as a new user, create, use and revoke a ZAK URL", async ({
  page,
  request,
  auth,
  tenants,
  emulator,
}) => {
  const email = uniqueEmail("owner");
  await auth.signUp(email, "Olivia Owner");
  await auth.signOut();
  await auth.signIn(email);
  await expect(page.getByTestId("user-email")).toHaveText(email);

  const slug = uniqueSlug("acme");
  const tenant = await tenants.create(`Acme ${slug}`, slug);
  await expect(tenant.status).toHaveText("Not connected");
  await expect(tenant.page.getByTestId("activity-empty")).toBeVisible();

  const zoomUser = {
    displayName: "Ada Lovelace",
    email: uniqueEmail("ada"),
    avatar: "mint" as const,
  };
  const consent = await tenant.startConnect();
  await consent.allowNewUser(zoomUser);

  await expect(tenant.callbackBanner).toContainText("Zoom is connected");
  await tenant.expectConnectedAs(zoomUser);
  await tenant.expectAvatar(zoomUser.avatar);

  const zakUrl = await tenant.createZakUrl("Recall prod");
  expect(zakUrl).toMatch(new RegExp(`/api/zak/${slug}\\?token=`));
  await expect(tenant.page.getByTestId("token-url-list")).toContainText("Recall prod");
  // The secret is shown once: the list only has its prefix.
  await expect(tenant.page.getByText(new URL(zakUrl).searchParams.get("token")!)).toHaveCount(0);

  const zak = await request.get(zakUrl);
  expect(zak.status()).toBe(200);
  expect(zak.headers()["content-type"]).toMatch(/^text\/plain/);
  const issued = await emulator.issuedToken(await zak.text());
  expect(issued.status, "the emulator issued this ZAK").toBe(200);
  expect(issued.body).toMatchObject({ type: "zak", email: zoomUser.email });

  await tenant.runTest("ZAK");
  const result = tenant.testResult;
  await expect(result).toContainText("A bot would get the ZAK");
  await expect(result).toContainText("served");

  // One row for the bot's fetch (via the URL's label) and one for the test (no URL).
  const rows = tenant.page.getByTestId("activity-table").locator("tbody tr");
  await expect(rows).toHaveCount(2);
  await expect(rows.filter({ hasText: "Recall prod" })).toContainText("served");
  await expect(rows.filter({ hasNotText: "Recall prod" })).toContainText("200");

  await tenant.revokeZakUrl("Recall prod");
  const revoked = await request.get(zakUrl);
  expect(revoked.status()).toBe(401);
});

test("denying at Zoom stores nothing and says so", async ({ page, auth, tenants, emulator }) => {
  await auth.signUp(uniqueEmail("denier"), "Dan Denier");
  const slug = uniqueSlug("deny");
  const tenant = await tenants.create(`Deny ${slug}`, slug);
  const codesBefore = (await emulator.stats()).grants.authorization_code;

  const consent = await tenant.startConnect();
  await consent.deny();

  await expect(page).toHaveURL(/zoom_error=access_denied/);
  await expect(tenant.callbackBanner).toContainText("You declined at Zoom");
  await expect(tenant.status).toHaveText("Not connected");
  await expect(tenant.button("Connect Zoom")).toBeVisible();
  await expect(tenant.page.getByTestId("zoom-display-name")).toHaveCount(0);

  const api = await page.request.get(`/api/tenants/${slug}/zoom`);
  expect(api.status()).toBe(200);
  expect(await parseJson(api, zoomStatus)).toMatchObject({ status: "not_connected", user: null });
  expect((await emulator.stats()).grants.authorization_code).toBe(codesBefore);
});
