// The tenant page's Webhooks card against a receiver this spec starts on 127.0.0.1 (the app servers
// allow private webhook URLs, playwright.config.ts), which verifies each signature with
// `standardwebhooks`.
import { startWebhookReceiver } from "../support/webhook-receiver";
import { expect, signInAs, test } from "./fixtures";

/** The card refreshes by itself every few seconds while a delivery is pending. */
const UNTIL_DELIVERED = { timeout: 20_000 };

test("Webhooks card: add an endpoint (secret shown once), see a revoked token URL's signed delivery listed, resend it", async ({
  page,
  owner,
  ownerTenant: slug,
  openTenant,
}) => {
  test.slow(); // a delivery, then its resend, each listed once the card has refreshed
  const receiver = await startWebhookReceiver();
  try {
    await signInAs(page, owner);
    const tenant = await openTenant(slug);
    const secret = await tenant.addWebhookEndpoint(receiver.url);
    expect(secret).toMatch(/^whsec_[A-Za-z0-9+/]+=*$/);
    receiver.setSecret(secret);
    const endpoint = tenant.webhooks.getByRole("listitem").filter({ hasText: receiver.url });
    await expect(endpoint).toContainText("No deliveries yet.");
    // Shown once: after a reload the endpoint is listed without it.
    await page.reload();
    await expect(endpoint).toBeVisible();
    expect(await page.content()).not.toContain(secret);

    await tenant.createZakUrl("Hooked bot");
    await tenant.revokeZakUrl("Hooked bot");
    await expect.poll(() => receiver.of("url_secret.revoked").length).toBe(1);
    const [sent] = receiver.of("url_secret.revoked");
    expect(sent).toMatchObject({
      verified: true,
      status: 200,
      body: {
        type: "url_secret.revoked",
        data: { tenant: slug, urlSecret: { label: "Hooked bot" } },
      },
    });

    await page.reload();
    const deliveries = tenant.webhookDeliveries(receiver.url);
    await expect(deliveries).toHaveCount(1);
    const cells = deliveries.first().getByRole("cell");
    await expect(cells.nth(0)).toContainText("Token URL revoked");
    await expect(cells.nth(1)).toHaveText("delivered", UNTIL_DELIVERED);
    await expect(cells.nth(2)).toHaveText("1");
    await expect(cells.nth(3)).toHaveText("200");

    await deliveries.first().getByRole("button", { name: "Resend Token URL revoked" }).click();
    await expect.poll(() => receiver.hits.filter((h) => h.id === sent!.id).length).toBe(2);
    const again = receiver.hits.filter((h) => h.id === sent!.id)[1]!;
    expect(again).toMatchObject({ verified: true, status: 200, body: sent!.body });
    // A new delivery of the same event, listed above the first; both delivered once.
    await expect(deliveries).toHaveCount(2);
    for (const row of await deliveries.all()) {
      await expect(row.getByRole("cell").nth(1)).toHaveText("delivered", UNTIL_DELIVERED);
      await expect(row.getByRole("cell").nth(2)).toHaveText("1");
    }
    expect(receiver.hits).toHaveLength(2);
  } finally {
    await receiver.close();
  }
});
