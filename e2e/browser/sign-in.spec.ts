import { request } from "@playwright/test";
import { PASSWORD, signIn } from "../support/api";
import { expect, test } from "./fixtures";

test("a wrong password says so, and after ten the form says the email is locked for a while", async ({
  page,
  appUrl,
  owner: user,
  auth,
}) => {
  const formError = page.locator("form").getByRole("alert");

  await auth.submitSignIn(user.email, "not my password");
  await expect(formError).toHaveText("Wrong email or password");

  const guesser = await request.newContext({ baseURL: appUrl, maxRedirects: 0 });
  for (let i = 0; i < 9; i++) await signIn(guesser, user.email, `guess ${i}!`);

  await auth.submitSignIn(user.email, PASSWORD);
  await expect(formError).toContainText("Too many failed sign-ins for this email");
  await expect(page).toHaveURL(/\/sign-in/);
});
