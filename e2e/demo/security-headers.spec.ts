import { expect, test } from "../support/fixtures";

test.describe("demo mode pages", () => {
  test("GET /zoom-emulator/apps – the emulator's pages send the CSP and security headers too", async ({
    appUrl,
  }) => {
    const res = await fetch(`${appUrl}/zoom-emulator/apps`);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-security-policy")).toMatch(
      /script-src 'self' 'nonce-[^']+' 'strict-dynamic'.*frame-ancestors 'none'/,
    );
    expect(res.headers.get("x-content-type-options")).toBe("nosniff");
    expect(res.headers.get("referrer-policy")).toBe("no-referrer");
  });
});
