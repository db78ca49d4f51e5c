// Page objects and fixtures for the browser suites. Specs use these instead of raw selectors.
import { mkdir } from "node:fs/promises";
import path from "node:path";
import { type BrowserContext, type Locator, type Page, type TestInfo } from "@playwright/test";
import { PASSWORD, type SignedIn } from "../support/api";
import { test as base, expect } from "../support/fixtures";
import { type Target } from "../support/targets";

export { expect };

/** The dashboard's account pages. */
export class AuthPages {
  constructor(readonly page: Page) {}

  async signUp(email: string, name: string) {
    await this.page.goto("/sign-up");
    await this.page.getByLabel("Name (optional)").fill(name);
    await this.page.getByLabel("Email").fill(email);
    await this.page.getByLabel("Password").fill(PASSWORD);
    await this.page.getByRole("button", { name: "Create account" }).click();
    await expect(this.page).toHaveURL(/\/tenants$/);
  }

  async signIn(email: string) {
    await this.submitSignIn(email, PASSWORD);
    await expect(this.page).toHaveURL(/\/tenants$/);
  }

  /** Fills and sends the sign-in form; the caller checks what happened. */
  async submitSignIn(email: string, password: string) {
    await this.page.goto("/sign-in");
    await this.page.getByLabel("Email").fill(email);
    await this.page.getByLabel("Password").fill(password);
    await this.page.getByRole("button", { name: "Sign in" }).click();
  }

  async signOut() {
    await this.page.getByRole("button", { name: "Sign out" }).click();
    await expect(this.page).toHaveURL(/\/sign-in/);
  }
}

/** /tenants: the list and the create form. */
export class TenantsPage {
  constructor(
    readonly page: Page,
    readonly target: Target,
  ) {}

  readonly list = () => this.page.getByRole("region", { name: "Your tenants" });

  /** Creates a tenant through the form and opens it from the list. */
  async create(name: string, slug: string): Promise<TenantPage> {
    await this.page.getByLabel("Tenant name").fill(name);
    await this.page.getByLabel("Slug").fill(slug);
    await this.page.getByRole("button", { name: "Create tenant" }).click();
    await this.list()
      .getByRole("link", { name: new RegExp(name) })
      .click();
    await expect(this.page).toHaveURL(new RegExp(`/tenants/${slug}$`));
    return new TenantPage(this.page, slug, this.target);
  }
}

/** /tenants/{slug}: one `<section>` per card, named by its heading. */
export class TenantPage {
  constructor(
    readonly page: Page,
    readonly slug: string,
    readonly target: Target,
  ) {}

  static async open(page: Page, slug: string, target: Target): Promise<TenantPage> {
    await page.goto(`/tenants/${slug}`);
    const tenant = new TenantPage(page, slug, target);
    await expect(tenant.status).toBeVisible();
    return tenant;
  }

  card = (name: string): Locator => this.page.getByRole("region", { name, exact: true });
  get connection() {
    return this.card("Bots will join as");
  }
  get tokenUrls() {
    return this.card("Token URLs");
  }
  get testCard() {
    return this.card("Test");
  }
  get activity() {
    return this.card("Activity");
  }
  get members() {
    return this.card("Members");
  }
  get webhooks() {
    return this.card("Webhooks");
  }
  get testResult() {
    return this.page.getByTestId("token-test-result");
  }
  get status() {
    return this.page.getByTestId("zoom-status");
  }
  get callbackBanner() {
    return this.page.getByTestId("zoom-callback-banner");
  }
  get avatar() {
    return this.connection.locator("img");
  }
  button = (name: string): Locator => this.page.getByRole("button", { name, exact: true });
  get dialog() {
    return this.page.getByRole("dialog");
  }

  /** Starts the OAuth round trip; the browser ends up on the emulator's consent page. */
  async startConnect(name: "Connect Zoom" | "Reconnect" = "Connect Zoom"): Promise<ZoomConsent> {
    await this.button(name).click();
    await expect(this.page).toHaveURL(new RegExp(`^${this.target.emulatorUrl}/oauth/authorize`));
    return new ZoomConsent(this.page, this.target);
  }

  async expectConnectedAs(zoomUser: { displayName: string; email: string }) {
    await expect(this.status).toHaveText("Connected");
    await expect(this.page.getByTestId("zoom-display-name")).toHaveText(zoomUser.displayName);
    await expect(this.page.getByTestId("zoom-email")).toHaveText(zoomUser.email);
  }

  /** The connected user's picture is the emulator's generated avatar `name`, and it loaded. */
  async expectAvatar(name: string) {
    await expect(this.avatar).toHaveAttribute(
      "src",
      `${this.target.emulatorUrl}/avatars/${name}.svg`,
    );
    await expect(this.avatar).toHaveJSProperty("complete", true);
    expect(await this.avatar.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBeGreaterThan(
      0,
    );
  }

  /**
   * Creates a token URL for `kinds` (checkbox labels, e.g. "OBF token") and returns its addresses as
   * shown (once), by field label ("ZAK URL", "Attendee URL", …). The panel stays open.
   */
  async createTokenUrl(label: string, kinds = ["ZAK"]): Promise<Record<string, string>> {
    await this.tokenUrls.getByLabel("Label").fill(label);
    for (const box of await this.tokenUrls.getByRole("checkbox").all()) await box.uncheck();
    for (const kind of kinds) await this.tokenUrls.getByRole("checkbox", { name: kind }).check();
    await this.tokenUrls.getByRole("button", { name: "Create token URL" }).click();
    const fields = this.page.getByTestId("new-token-url").getByRole("textbox");
    await expect(fields.first()).toHaveValue(/\?token=/);
    return Object.fromEntries(
      await fields.evaluateAll((inputs) =>
        inputs.map((input) => [
          (input as HTMLInputElement).labels?.[0]?.textContent ?? "",
          (input as HTMLInputElement).value,
        ]),
      ),
    );
  }

  /** Creates a ZAK-only URL, closes the once-only panel and returns the URL. */
  async createZakUrl(label: string): Promise<string> {
    const url = (await this.createTokenUrl(label))["ZAK URL"]!;
    await this.button("Done, I copied it").click();
    await expect(this.page.getByTestId("new-token-url")).toBeHidden();
    return url;
  }

  /** Runs the Test card for a kind (its option label), with a meeting id when given. */
  async runTest(kind: string, meetingId?: string) {
    await this.testCard.getByLabel("Token kind").selectOption({ label: kind });
    if (meetingId !== undefined) await this.testCard.getByLabel("Meeting ID").fill(meetingId);
    await this.testCard.getByRole("button", { name: "Run test" }).click();
  }

  async revokeZakUrl(label: string) {
    await this.button(`Revoke ${label}`).click();
    await this.dialog.getByRole("button", { name: "Revoke" }).click();
    await expect(this.dialog).toBeHidden();
    await expect(
      this.page.getByTestId("token-url-list").getByText(label, { exact: true }),
    ).toHaveCount(0);
  }

  /**
   * Adds a webhook endpoint for every event and returns its signing secret as the card shows it
   * (once), then closes that panel.
   */
  async addWebhookEndpoint(url: string): Promise<string> {
    await this.webhooks.getByLabel("Endpoint URL").fill(url);
    await this.webhooks.getByRole("button", { name: "Add endpoint" }).click();
    const secret = await this.webhooks
      .getByRole("textbox", { name: `Signing secret for ${url}` })
      .inputValue();
    await this.webhooks.getByRole("button", { name: "Done, I copied it" }).click();
    await expect(this.page.getByTestId("new-webhook-secret")).toBeHidden();
    return secret;
  }

  /** The rows of the recent deliveries listed under the endpoint with this URL, newest first. */
  webhookDeliveries(url: string): Locator {
    return this.webhooks
      .getByRole("listitem")
      .filter({ hasText: url })
      .getByTestId("webhook-delivery");
  }

  async addMember(email: string, role: "Member" | "Admin" | "Owner" = "Member") {
    await this.members.getByLabel("Email").fill(email);
    await this.members.getByLabel("Role").selectOption({ label: role });
    await this.members.getByRole("button", { name: "Add member" }).click();
    await expect(this.page.getByTestId("member-list")).toContainText(email);
  }
}

/** The emulator's consent page (GET {emulator}/oauth/authorize). */
export class ZoomConsent {
  constructor(
    readonly page: Page,
    readonly target: Target,
    /** Where the callback sends the person: the tenant page, or a connect link's done page. */
    readonly landing = new RegExp(`^${target.appUrls[0]}/tenants/`),
  ) {}

  /** One click on a ready demo user ("Jane Host", …) allows as that user. */
  async allowAsDemoUser(displayName: string) {
    await this.page.getByRole("button", { name: displayName }).click();
    await expect(this.page).toHaveURL(this.landing);
  }

  /** A new Zoom user with one of the generated avatars. */
  async allowNewUser(user: {
    displayName: string;
    email: string;
    avatar: "sky" | "mint" | "sun" | "rose";
  }) {
    await this.page.getByRole("radio", { name: "New user (enter details below)" }).check();
    await this.page.getByLabel("Display name").fill(user.displayName);
    await this.page.getByLabel("Email").fill(user.email);
    await this.page.getByRole("radio", { name: `Avatar ${user.avatar}` }).check();
    await this.submit("Allow");
  }

  /** A Zoom user the emulator already knows, picked from the "Sign in as" list. */
  async allowExistingUser(email: string) {
    await this.page
      .getByRole("radio", { name: new RegExp(`<${email.replace(/[.+]/g, "\\$&")}>`) })
      .check();
    await this.submit("Allow");
  }

  async deny() {
    await this.submit("Deny");
  }

  private async submit(decision: "Allow" | "Deny") {
    await this.page.getByRole("button", { name: decision }).click();
    await expect(this.page).toHaveURL(this.landing);
  }
}

/** Saves a full-page screenshot to e2e/artifacts/screenshots/<name>.png and attaches it to the report. */
export async function screenshot(page: Page, testInfo: TestInfo, name: string) {
  const dir = path.resolve("e2e/artifacts/screenshots");
  await mkdir(dir, { recursive: true });
  const file = path.join(dir, `${name}.png`);
  await page.screenshot({ path: file, fullPage: true, animations: "disabled" });
  await testInfo.attach(name, { path: file, contentType: "image/png" });
}

/** Presses Tab until `target` has focus; fails when it is not reachable within `max` presses. */
export async function tabTo(page: Page, target: Locator, max = 80) {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press("Tab");
    if (await target.evaluate((el) => el === document.activeElement)) return;
  }
  throw new Error(`not reachable by Tab within ${max} presses: ${target.toString()}`);
}

/** Signs the test's own page in as a user created over HTTP (see e2e/support/api.ts). */
export async function signInAs(page: Page, user: SignedIn) {
  await page.context().addCookies((await user.http.storageState()).cookies);
}

interface Fixtures {
  /** A page in a separate browser context signed in as `user`, for a second person; closed after the test. */
  pageFor: (user: SignedIn) => Promise<Page>;
  /** Opens /tenants/{slug} on `page` (default: the test's page). */
  openTenant: (slug: string, page?: Page) => Promise<TenantPage>;
  auth: AuthPages;
  tenants: TenantsPage;
}

export const test = base.extend<Fixtures>({
  pageFor: async ({ browser, appUrl }, provide) => {
    const contexts: BrowserContext[] = [];
    await provide(async (user) => {
      const context = await browser.newContext({
        baseURL: appUrl,
        storageState: await user.http.storageState(),
      });
      contexts.push(context);
      return context.newPage();
    });
    await Promise.all(contexts.map((c) => c.close()));
  },
  openTenant: async ({ page, target }, provide) =>
    provide((slug, on = page) => TenantPage.open(on, slug, target)),
  auth: async ({ page }, provide) => provide(new AuthPages(page)),
  tenants: async ({ page, target }, provide) => provide(new TenantsPage(page, target)),
});
