// Token kinds in the dashboard: a URL for OBF and join tokens, the per-platform guides filled in with
// its addresses, and a test of the OBF kind (needs the server side of token kinds).
import { type Page } from "@playwright/test";
import { uniqueEmail } from "../support/api";
import { expect, screenshot, signInAs, test } from "./fixtures";

const readClipboard = (page: Page) => page.evaluate(() => navigator.clipboard.readText());

test("a URL for OBF and join tokens: its addresses, the Recall and Attendee examples carry them, an OBF test", async ({
  page,
  context,
  owner,
  connectTenant,
  openTenant,
}, testInfo) => {
  await context.grantPermissions(["clipboard-read", "clipboard-write"]);
  const { slug } = await connectTenant(owner, {
    displayName: "Olga Obf",
    email: uniqueEmail("obf"),
  });
  await signInAs(page, owner);
  const tenant = await openTenant(slug);

  const urls = await tenant.createTokenUrl("Recall and Attendee", [
    "OBF token",
    "Local-recording join token",
  ]);
  expect(Object.keys(urls).sort()).toEqual([
    "Attendee URL",
    "Local-recording join token URL",
    "OBF token URL",
  ]);
  const obfUrl = urls["OBF token URL"]!;
  const joinUrl = urls["Local-recording join token URL"]!;
  const attendeeUrl = urls["Attendee URL"]!;
  expect(obfUrl).toContain(`/api/obf/${slug}?token=`);
  expect(joinUrl).toContain(`/api/join-token/${slug}?token=`);
  expect(attendeeUrl).toContain(`/api/attendee/${slug}?token=`);
  await screenshot(page, testInfo, "tenant-new-token-url");
  await tenant.button("Done, I copied it").click();

  const row = page
    .getByTestId("token-url-list")
    .getByRole("listitem")
    .filter({ hasText: "Recall and Attendee" });
  await expect(row).toContainText("OBF token");
  await expect(row).toContainText("Local-recording join token");
  await expect(row).not.toContainText("ZAK");

  // The guides offer the URL just created, although its panel is closed.
  const picker = tenant.card("Integration guides").getByLabel("Token URL in the examples");
  const option = picker.getByRole("option", { name: "Recall and Attendee" });
  await picker.selectOption({ label: (await option.textContent()) ?? "" });
  await tenant.button("Copy Recall.ai example").click();
  const recall = await readClipboard(page);
  expect(recall).toContain("https://us-east-1.recall.ai/api/v1/bot/");
  expect(recall).toContain(`"obf_token_url": "${obfUrl}&meeting_id=`);
  expect(recall).toContain(`"join_token_url": "${joinUrl}&meeting_id=`);
  expect(recall, "the URL may not fetch a ZAK").not.toContain("zak_url");
  await tenant.button("Copy Attendee example").click();
  expect(await readClipboard(page)).toContain(`"zoom_tokens_url": "${attendeeUrl}"`);
  await expect(tenant.card("Meeting BaaS").getByRole("textbox")).toHaveValue(obfUrl);

  await tenant.runTest("OBF token", "850 1234 5678");
  await expect(tenant.testResult).toContainText("A bot would get the OBF token");
  await expect(tenant.testResult).toContainText("200");

  const rows = tenant.activity.getByTestId("activity-table").locator("tbody tr");
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText("OBF token");
  await expect(rows.first()).toContainText("Dashboard test");
  await tenant.activity.getByLabel("Kind").selectOption({ label: "ZAK" });
  await expect(tenant.page.getByTestId("activity-empty")).toBeVisible();
  await tenant.activity.getByLabel("Kind").selectOption({ label: "OBF token" });
  await expect(rows).toHaveCount(1);
  await screenshot(page, testInfo, "tenant-token-kinds");
});

test("the guides show <token> placeholders before a URL is created here", async ({
  page,
  owner,
  ownerTenant: slug,
  openTenant,
}) => {
  await signInAs(page, owner);
  const tenant = await openTenant(slug);
  await expect(tenant.card("Recall.ai").getByRole("textbox", { name: "zoom.zak_url" })).toHaveValue(
    new RegExp(`/api/zak/${slug}\\?token=<token>$`),
  );
  await expect(
    tenant.card("Attendee").getByRole("textbox", { name: "callback_settings.zoom_tokens_url" }),
  ).toHaveValue(new RegExp(`/api/attendee/${slug}\\?token=<token>$`));
});
