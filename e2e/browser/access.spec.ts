import { createZakUrl, uniqueEmail } from "../support/api";
import { expect, signInAs, test } from "./fixtures";

test("a member sees status and activity but no ZAK URLs, test or Zoom controls; the API refuses them too", async ({
  page,
  pageFor,
  request,
  owner,
  signUp,
  connectTenant,
  openTenant,
}) => {
  const zoomUser = { displayName: "Mia Member-View", email: uniqueEmail("zoom") };
  const { slug } = await connectTenant(owner, zoomUser);
  const { zakUrl } = await createZakUrl(owner, slug, "bot");
  expect((await request.get(zakUrl)).status()).toBe(200);
  const member = await signUp(uniqueEmail("member"));

  await signInAs(page, owner);
  const ownerView = await openTenant(slug);
  await ownerView.addMember(member.email);
  await expect(
    ownerView.members.getByRole("listitem").filter({ hasText: member.email }),
  ).toContainText("Member");
  await expect(ownerView.button(`Remove ${member.email}`)).toBeVisible();
  await expect(ownerView.button("Leave this tenant"), "the last owner cannot leave").toHaveCount(0);

  const memberView = await openTenant(slug, await pageFor(member));
  await memberView.expectConnectedAs(zoomUser);
  await expect(memberView.activity.getByTestId("activity-table").locator("tbody tr")).toHaveCount(
    1,
  );
  await expect(memberView.testCard).toHaveCount(0);
  await expect(memberView.members).toContainText(member.email);
  await expect(memberView.tokenUrls).toHaveCount(0);
  await expect(memberView.card("Signing")).toBeVisible();
  await expect(memberView.card("Webhooks")).toHaveCount(0);
  await expect(memberView.button("Leave this tenant")).toBeVisible();
  for (const name of [
    "Connect Zoom",
    "Reconnect",
    "Disconnect",
    "Add member",
    "Add signing secret",
    `Remove ${owner.email}`,
  ]) {
    await expect(memberView.button(name)).toHaveCount(0);
  }

  expect((await member.http.get(`/api/tenants/${slug}/secrets`)).status()).toBe(403);
  expect(
    (await member.http.post(`/api/tenants/${slug}/secrets`, { data: { label: "x" } })).status(),
  ).toBe(403);
  expect((await member.http.post(`/api/tenants/${slug}/zoom/connect`)).status()).toBe(403);
  expect((await member.http.get(`/api/tenants/${slug}/webhooks`)).status()).toBe(403);
  expect(
    (await member.http.post(`/api/tenants/${slug}/token-test`, { data: { kind: "zak" } })).status(),
  ).toBe(403);
  expect((await member.http.get(`/api/tenants/${slug}/zoom`)).status()).toBe(200);
  expect((await member.http.get(`/api/tenants/${slug}/activity`)).status()).toBe(200);

  await memberView.button("Leave this tenant").click();
  await memberView.dialog.getByRole("button", { name: "Leave" }).click();
  await expect(memberView.page).toHaveURL(/\/tenants$/);
  await expect(
    memberView.page.getByText("No tenants yet"),
    "the member's only tenant is gone from the list",
  ).toBeVisible();
  expect((await member.http.get(`/api/tenants/${slug}/zoom`)).status()).toBe(404);
});

test("another user cannot open someone else's tenant, in the browser or over the API", async ({
  page,
  pageFor,
  owner,
  ownerTenant: slug,
  signUp,
  openTenant,
}) => {
  await signInAs(page, owner);
  await openTenant(slug);

  const stranger = await signUp();
  const strangerPage = await pageFor(stranger);
  const response = await strangerPage.goto(`/tenants/${slug}`);
  expect(response?.status()).toBe(404);
  await expect(strangerPage.getByTestId("tenant-not-found")).toContainText("Tenant not found");
  await expect(strangerPage.getByText(`Tenant ${slug}`)).toHaveCount(0);

  for (const path of ["", "/zoom", "/secrets", "/members", "/activity"]) {
    expect(
      (await strangerPage.request.get(`/api/tenants/${slug}${path}`)).status(),
      path || "/",
    ).toBe(404);
  }
});
