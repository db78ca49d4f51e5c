import { uniqueEmail, uniqueSlug } from "../support/api";
import { expect, test } from "../browser/fixtures";

test("a first connect is one click on a ready demo user, whose name and avatar the dashboard shows", async ({
  page,
  auth,
  tenants,
}) => {
  await auth.signUp(uniqueEmail("demo-owner"), "Dora Demo");
  await expect(page.getByTestId("demo-banner")).toBeVisible();
  const slug = uniqueSlug("demo");
  const tenant = await tenants.create(`Demo ${slug}`, slug);

  const consent = await tenant.startConnect();
  await consent.allowAsDemoUser("Jane Host");

  await expect(tenant.callbackBanner).toContainText("Zoom is connected");
  await tenant.expectConnectedAs({ displayName: "Jane Host", email: "jane.host@example.com" });
  await tenant.expectAvatar("sky");
});
