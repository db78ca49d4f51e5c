import type { Refusal } from "./hostile-request";

const STATE_CHANGING = new Set(["POST", "PUT", "PATCH", "DELETE"]);

/**
 * Routes whose callers are not the dashboard's signed-in browsers, so another origin is expected:
 * bot token URLs and Attendee's callback (URL secrets), Zoom's webhook and OAuth redirect, operator
 * endpoints (bearer secrets), the API for API keys (`Authorization: Bearer`, no session cookie).
 */
export const CROSS_ORIGIN_EXEMPT_PREFIXES = [
  "/api/zak/",
  "/api/obf/",
  "/api/join-token/",
  "/api/access-token/",
  "/api/attendee/",
  "/api/zoom/webhook",
  "/api/zoom/callback",
  "/api/cron/",
  "/api/metrics",
  "/api/health",
  "/api/v1/",
];

/**
 * CSRF defence in one place: a state-changing request a browser sends from another site (its
 * `Origin` is not the app's, or `Sec-Fetch-Site` says cross-site or same-site) is refused with 403,
 * except on the exempt prefixes. Requests without either header do not come from a browser page,
 * so they carry no ambient cookie an attacker could ride on; they go on to the usual session checks.
 */
export function refuseCrossOrigin(
  method: string,
  pathname: string,
  headers: Headers,
  appOrigin: string,
): Refusal | null {
  if (!STATE_CHANGING.has(method)) return null;
  if (CROSS_ORIGIN_EXEMPT_PREFIXES.some((prefix) => pathname.startsWith(prefix))) return null;
  // Sec-Fetch-Site, which a page cannot forge, decides when the browser sends it: a form posted
  // by the app's own page carries `Origin: null` under `Referrer-Policy: no-referrer`. Browsers
  // without it are judged by Origin.
  const site = headers.get("sec-fetch-site");
  const origin = headers.get("origin");
  const foreign =
    site !== null
      ? site !== "same-origin" && site !== "none"
      : origin !== null && origin !== appOrigin;
  if (!foreign) return null;
  return {
    status: 403,
    code: "forbidden",
    message: "Cross-origin requests may not change anything here",
  };
}
