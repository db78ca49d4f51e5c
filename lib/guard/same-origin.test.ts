import { describe, expect, it } from "vitest";
import { refuseCrossOrigin } from "./same-origin";

const APP = "https://broker.example";
const check = (method: string, path: string, headers: Record<string, string>) =>
  refuseCrossOrigin(method, path, new Headers(headers), APP)?.status ?? "ok";

describe("refuseCrossOrigin", () => {
  it("refuses state-changing dashboard requests from another origin or site", () => {
    const routes: [string, string][] = [
      ["POST", "/api/tenants"],
      ["DELETE", "/api/tenants/acme/secrets/1"],
      ["PATCH", "/api/tenants/acme/signing"],
      ["PUT", "/api/tenants/acme"],
      ["POST", "/api/signup"],
      ["POST", "/api/auth/callback/credentials"],
      ["POST", "/api/auth/signout"],
    ];
    for (const [method, path] of routes) {
      expect(check(method, path, { origin: "https://evil.example" }), path).toBe(403);
      expect(check(method, path, { origin: "null" }), path).toBe(403);
      expect(check(method, path, { "sec-fetch-site": "cross-site" }), path).toBe(403);
      expect(check(method, path, { origin: APP, "sec-fetch-site": "same-site" }), path).toBe(403);
    }
  });

  it("lets same-origin pages and clients that are not browser pages through", () => {
    expect(check("POST", "/api/tenants", { origin: APP, "sec-fetch-site": "same-origin" })).toBe(
      "ok",
    );
    expect(check("POST", "/api/tenants", {})).toBe("ok");
    expect(check("POST", "/api/signup", { "sec-fetch-site": "none" })).toBe("ok");
    // A form posted by the app's own page under Referrer-Policy: no-referrer.
    expect(check("POST", "/api/tenants", { origin: "null", "sec-fetch-site": "same-origin" })).toBe(
      "ok",
    );
    expect(check("GET", "/api/tenants", { origin: "https://evil.example" })).toBe("ok");
  });

  it("exempts bot, webhook, OAuth callback, operator and API-key routes", () => {
    const foreign = { origin: "https://evil.example", "sec-fetch-site": "cross-site" };
    for (const path of [
      "/api/attendee/acme",
      "/api/zoom/webhook",
      "/api/zoom/callback",
      "/api/cron/maintenance",
      "/api/v1/tenants",
    ])
      expect(check("POST", path, foreign), path).toBe("ok");
  });
});
