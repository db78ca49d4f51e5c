// The Webhooks card: an endpoint added with its secret shown once, listed, refused when it points at
// a private address, and deleted; email alerts are off on a server without SMTP.
import { expect, signInAs, test } from "./fixtures";

// TEST-NET-3: a public address that needs no DNS lookup; nothing is ever delivered to it here.
const ENDPOINT = "https://203.0.113.10/hooks/zak";

test("an owner adds a webhook endpoint (secret shown once), a private address is refused, the endpoint is deleted", async ({
  page,
  owner,
  ownerTenant: slug,
  openTenant,
}) => {
  await signInAs(page, owner);
  const tenant = await openTenant(slug);
  const card = tenant.card("Webhooks");
  await expect(card.getByTestId("email-alerts")).toContainText("Email alerts are off");

  await card.getByLabel("Endpoint URL").fill("https://127.0.0.1/hook");
  await card.getByRole("button", { name: "Add endpoint" }).click();
  await expect(card.getByRole("alert")).toContainText("private, loopback or link-local");

  await card.getByLabel("Endpoint URL").fill(ENDPOINT);
  await card.getByLabel(/Token URL revoked/).uncheck();
  await card.getByRole("button", { name: "Add endpoint" }).click();
  const secret = card.getByLabel(`Signing secret for ${ENDPOINT}`);
  await expect(secret).toHaveValue(/^whsec_/);
  const list = card.getByTestId("webhook-endpoint-list");
  await expect(list).toContainText(ENDPOINT);
  await expect(list).toContainText("Reconnect required");
  await expect(list).not.toContainText("Token URL revoked");
  await tenant.button("Done, I copied it").click();
  await expect(secret).toHaveCount(0);

  await page.reload();
  await expect(card.getByTestId("webhook-endpoint-list")).toContainText(ENDPOINT);
  await expect(page.getByText("whsec_")).toHaveCount(0);
  await tenant.button(`Delete ${ENDPOINT}`).click();
  await tenant.dialog.getByRole("button", { name: "Delete" }).click();
  await expect(card.getByText("No webhook endpoints yet")).toBeVisible();
});
