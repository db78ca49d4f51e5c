import type { APIResponse } from "@playwright/test";
import { createUrlSecret, PASSWORD, uniqueEmail } from "../support/api";
import { expect, test } from "../support/fixtures";

/**
 * What every HTML page must send (the app runs on http here, so no HSTS). Forms may end at the app
 * and at the configured Zoom's consent (the emulator, on an IP address: no subdomains).
 */
function expectPageHeaders(res: APIResponse, path: string, zoomOrigin: string) {
  const headers = res.headers();
  expect(headers["content-type"], path).toContain("text/html");
  const csp = headers["content-security-policy"] ?? "";
  const nonce = /'nonce-([^']+)'/.exec(csp)?.[1];
  expect(nonce, `${path}: a script nonce in the CSP`).toBeTruthy();
  expect(csp, path).toContain("frame-ancestors 'none'");
  expect(csp.split("; "), path).toContain(`form-action 'self' ${zoomOrigin}`);
  expect(headers["x-content-type-options"], path).toBe("nosniff");
  expect(headers["referrer-policy"], path).toBe("no-referrer");
  expect(headers["strict-transport-security"], path).toBeUndefined();
  return nonce!;
}

test.describe("security headers and cross-origin requests", () => {
  test("every page sends a CSP with a fresh nonce its scripts carry, no framing, forms to the app and Zoom only, nosniff and a referrer policy", async ({
    owner,
    ownerTenant: slug,
    request,
    target,
  }) => {
    const pages = [
      { path: "/sign-in", http: request },
      { path: "/sign-up", http: request },
      { path: "/tenants", http: owner.http },
      { path: `/tenants/${slug}`, http: owner.http },
    ];
    const nonces = new Set<string>();
    for (const { path, http } of pages) {
      const res = await http.get(path);
      expect(res.status(), path).toBe(200);
      const nonce = expectPageHeaders(res, path, new URL(target.emulatorUrl).origin);
      nonces.add(nonce);
      const scripts = [...(await res.text()).matchAll(/<script\b[^>]*>/g)].map(([tag]) => tag);
      expect(scripts.length, path).toBeGreaterThan(0);
      for (const tag of scripts) expect(tag, path).toContain(`nonce="${nonce}"`);
    }
    expect(nonces.size, "one nonce per response").toBe(pages.length);
  });

  test("a cross-origin POST, PATCH or DELETE to each state-changing dashboard route is 403 and changes nothing", async ({
    owner,
    ownerTenant: slug,
    appUrl,
  }) => {
    const { id } = await createUrlSecret(owner, slug, { label: "kept" });
    const foreign = { origin: "https://evil.example" };
    const attempts = [
      owner.http.post("/api/tenants", {
        headers: foreign,
        data: { name: "Evil", slug: "evil-co" },
      }),
      owner.http.post(`/api/tenants/${slug}/secrets`, { headers: foreign, data: { label: "x" } }),
      owner.http.delete(`/api/tenants/${slug}/secrets/${id}`, { headers: foreign }),
      owner.http.patch(`/api/tenants/${slug}/signing`, {
        headers: { "sec-fetch-site": "cross-site" },
        data: { recall: true },
      }),
      owner.http.post(`/api/tenants/${slug}/signing/secrets`, { headers: foreign, data: {} }),
      owner.http.delete(`/api/tenants/${slug}/signing/secrets/${id}`, { headers: foreign }),
      owner.http.post(`/api/tenants/${slug}/members`, { headers: foreign, data: {} }),
      owner.http.delete(`/api/tenants/${slug}/members/${id}`, { headers: foreign }),
      owner.http.post(`/api/tenants/${slug}/token-test`, { headers: foreign, data: {} }),
      owner.http.post(`/api/tenants/${slug}/zoom/connect`, { headers: foreign }),
      owner.http.delete(`/api/tenants/${slug}/zoom`, { headers: foreign }),
      owner.http.post("/api/signup", {
        headers: foreign,
        data: { email: uniqueEmail(), password: PASSWORD },
      }),
      owner.http.post("/api/auth/callback/credentials", {
        headers: foreign,
        form: { email: owner.email, password: PASSWORD, csrfToken: "x" },
      }),
      owner.http.post("/api/auth/signout", { headers: foreign, form: { csrfToken: "x" } }),
    ];
    for (const res of await Promise.all(attempts)) {
      expect(res.status(), res.url()).toBe(403);
      const body = (await res.json()) as { error: { code: string; message: string } };
      expect(body.error.code, res.url()).toBe("forbidden");
    }
    const secrets = await owner.http.get(`/api/tenants/${slug}/secrets`);
    expect(JSON.stringify(await secrets.json())).toContain(id);
    const tenants = await owner.http.get("/api/tenants");
    expect(JSON.stringify(await tenants.json())).not.toContain("evil-co");

    // The app's own origin is let through.
    const own = await owner.http.post(`/api/tenants/${slug}/secrets`, {
      headers: { origin: appUrl, "sec-fetch-site": "same-origin" },
      data: { label: "own" },
    });
    expect(own.status()).toBe(201);
  });
});
