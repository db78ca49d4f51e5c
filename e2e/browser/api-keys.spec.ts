import { signedInUser, uniqueEmail, uniqueSlug } from "../support/api";
import { v1Client } from "../support/api-keys";
import { expect, signInAs, test, ZoomConsent } from "./fixtures";

test("an API key made on the API keys page runs a tenant's life over HTTP, Zoom connected by an end user through a connect link", async ({
  browser,
  page,
  appUrl,
  emulator,
  target,
}) => {
  test.slow(); // the whole life of a tenant, through two clients
  await signInAs(page, await signedInUser(appUrl));
  await page.goto("/tenants");
  await page.getByRole("link", { name: "API keys" }).click();
  await expect(page).toHaveURL(/\/api-keys$/);
  await page.getByLabel("Key name").fill("Onboarding");
  await page.getByRole("button", { name: "Create key" }).click();
  const key = await page.getByRole("textbox", { name: "API key Onboarding" }).inputValue();
  expect(key).toMatch(/^zbk_/);
  await page.getByRole("button", { name: "Done, I copied it" }).click();
  const list = page.getByTestId("api-key-list");
  await expect(list).toContainText("Onboarding");
  await expect(list).toContainText(key.slice(0, 12));
  // Shown once: the list has the prefix only.
  await expect(page.getByText(key)).toHaveCount(0);

  const api = await v1Client(appUrl, key);
  const slug = uniqueSlug("script");
  const created = await api.call("POST", "/api/v1/tenants", { data: { name: "Scripted", slug } });
  expect(created.res.status()).toBe(201);

  const path = (rest = "") => `/api/v1/tenants/${slug}${rest}`;
  const zoomUser = {
    displayName: "Key Host",
    email: uniqueEmail("keyhost"),
    avatar: "sky" as const,
  };
  const link = await api.call("POST", "/api/v1/tenants/{slug}/connect-links", {
    path: path("/connect-links"),
    data: {},
  });
  expect(link.res.status()).toBe(201);
  // The end user has no account and no session: a fresh browser context opens the link.
  const endUser = await browser.newContext({ baseURL: appUrl });
  const endPage = await endUser.newPage();
  await endPage.goto((link.body as { url: string }).url);
  await endPage.getByRole("button", { name: "Continue to Zoom" }).click();
  const consent = new ZoomConsent(endPage, target, new RegExp(`^${appUrl}/connect/done\\?`));
  await consent.allowNewUser(zoomUser);
  await expect(endPage.getByRole("heading", { name: "Zoom is connected" })).toBeVisible();
  await endUser.close();

  const status = await api.call("GET", "/api/v1/tenants/{slug}/connection", {
    path: path("/connection"),
  });
  expect(status.body).toMatchObject({ status: "connected", user: { email: zoomUser.email } });
  const secret = await api.call("POST", "/api/v1/tenants/{slug}/url-secrets", {
    path: path("/url-secrets"),
    data: { label: "script bot" },
  });
  const zakUrl = (secret.body as { zakUrl: string }).zakUrl;
  const zak = await page.request.get(zakUrl);
  expect(zak.status()).toBe(200);
  const issued = await emulator.issuedToken(await zak.text());
  expect(issued.body).toMatchObject({ type: "zak", email: zoomUser.email });

  const activity = await api.call("GET", "/api/v1/tenants/{slug}/activity", {
    path: path("/activity?kind=zak&outcome=served"),
  });
  expect((activity.body as { requests: { secretLabel: string }[] }).requests).toMatchObject([
    { secretLabel: "script bot" },
  ]);
  const gone = await api.call("DELETE", "/api/v1/tenants/{slug}", { path: path() });
  expect(gone.res.status()).toBe(200);

  await page.goto("/api-keys");
  await expect(list).not.toContainText("Never used");
  await page.getByRole("button", { name: "Revoke Onboarding" }).click();
  await expect(list).toContainText("No API keys yet.");
  expect((await api.call("GET", "/api/v1/tenants")).res.status()).toBe(401);
});
