import { connectZoom, createZakUrl, uniqueEmail } from "../support/api";
import { expect, signInAs, tabTo, test } from "./fixtures";

test("Connect Zoom and the confirmation dialogs work from the keyboard", async ({
  page,
  owner,
  ownerTenant: slug,
  openTenant,
  target,
}) => {
  await signInAs(page, owner);

  let tenant = await openTenant(slug);
  await tabTo(page, tenant.button("Connect Zoom"));
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(new RegExp(`^${target.emulatorUrl}/oauth/authorize`));

  await connectZoom(owner, slug, { email: uniqueEmail("keys") });
  await createZakUrl(owner, slug, "bot");
  tenant = await openTenant(slug);

  // Revoke: opens on Enter with the safe choice focused, Tab reaches the action, Escape cancels.
  const revoke = tenant.button("Revoke bot");
  await tabTo(page, revoke);
  await page.keyboard.press("Enter");
  await expect(tenant.dialog).toBeVisible();
  await expect(tenant.dialog.getByRole("button", { name: "Cancel" })).toBeFocused();
  await page.keyboard.press("Tab");
  await expect(tenant.dialog.getByRole("button", { name: "Revoke" })).toBeFocused();
  await page.keyboard.press("Escape");
  await expect(tenant.dialog).toBeHidden();
  await expect(revoke).toBeFocused();
  await expect(page.getByTestId("token-url-list")).toContainText("bot");

  // Disconnect, confirmed from the keyboard.
  await tabTo(page, tenant.button("Disconnect"));
  await page.keyboard.press("Enter");
  await page.keyboard.press("Tab");
  await expect(tenant.dialog.getByRole("button", { name: "Disconnect" })).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(tenant.dialog).toBeHidden();
  await expect(tenant.status).toHaveText("Not connected");
});
