import { expect, test } from "../support/fixtures";

test.describe("demo mode pages", () => {
  test("GET /zoom-emulator/apps – the emulator's pages send the CSP and security headers too", async ({
    appUrl,
  }) => {
    const res = await fetch(`${appUrl}/zoom-emulator/apps`);
    expect(res.status).toBe(200);
    const csp = res.headers.get("content-security-policy");
    expect(csp).toMatch(/script-src 'self' 'nonce-[^']+' 'strict-dynamic'.*frame-ancestors 'none'/);
    // They stand in for Zoom's pages, whose consent form ends wherever the OAuth redirect leads.
    expect(csp).not.toContain("form-action");
    expect(res.headers.get("x-content-type-options")).toBe("nosniff");
    expect(res.headers.get("referrer-policy")).toBe("no-referrer");
  });

  test("GET /sign-in – the app's own pages let forms end at the app only, Zoom being the app itself", async ({
    appUrl,
  }) => {
    const res = await fetch(`${appUrl}/sign-in`);
    expect(res.status).toBe(200);
    const csp = res.headers.get("content-security-policy") ?? "";
    expect(csp.split("; ")).toContain(`form-action 'self' ${new URL(appUrl).origin}`);
  });
});
