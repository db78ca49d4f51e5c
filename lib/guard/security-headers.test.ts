import { describe, expect, it } from "vitest";
import { baseSecurityHeaders, createNonce, pageContentSecurityPolicy } from "./security-headers";

describe("security headers", () => {
  it("gives each page a fresh nonce that only its scripts may carry", () => {
    const [a, b] = [createNonce(), createNonce()];
    expect(a).not.toBe(b);
    expect(a).toMatch(/^[A-Za-z0-9+/]{22}==$/);
    const csp = pageContentSecurityPolicy(a);
    expect(csp).toContain(`script-src 'self' 'nonce-${a}' 'strict-dynamic'`);
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).not.toContain("unsafe-eval");
    expect(pageContentSecurityPolicy(a, true)).toContain("'unsafe-eval'");
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
