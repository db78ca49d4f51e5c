import { describe, expect, it } from "vitest";
import {
  baseSecurityHeaders,
  createNonce,
  pageContentSecurityPolicy,
  zoomOAuthOrigins,
} from "./security-headers";

describe("security headers", () => {
  it("gives each page a fresh nonce that only its scripts may carry", () => {
    const [a, b] = [createNonce(), createNonce()];
    expect(a).not.toBe(b);
    expect(a).toMatch(/^[A-Za-z0-9+/]{22}==$/);
    const csp = pageContentSecurityPolicy(a);
    expect(csp).toContain(`script-src 'self' 'nonce-${a}' 'strict-dynamic'`);
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).not.toContain("unsafe-eval");
    expect(pageContentSecurityPolicy(a, { development: true })).toContain("'unsafe-eval'");
  });

  it("lets forms end at the app and at Zoom's consent only, or anywhere on the demo emulator's pages", () => {
    const csp = (formTargets?: string[] | null) =>
      pageContentSecurityPolicy(createNonce(), { formTargets });
    expect(csp()).toContain("form-action 'self';");
    expect(csp(zoomOAuthOrigins("https://zoom.us"))).toContain(
      "form-action 'self' https://zoom.us https://*.zoom.us;",
    );
    expect(csp(zoomOAuthOrigins("http://127.0.0.1:4010"))).toContain(
      "form-action 'self' http://127.0.0.1:4010;",
    );
    expect(zoomOAuthOrigins("http://localhost:3000/zoom-emulator")).toEqual([
      "http://localhost:3000",
    ]);
    expect(csp(null)).not.toContain("form-action");
  });

  it("sends HSTS only when the app is served over https", () => {
    expect(baseSecurityHeaders("https://broker.example")).toMatchObject({
      "strict-transport-security": expect.stringMatching(/^max-age=\d+/) as string,
      "x-content-type-options": "nosniff",
    });
    expect(baseSecurityHeaders("http://localhost:3000")).not.toHaveProperty(
      "strict-transport-security",
    );
  });
});
