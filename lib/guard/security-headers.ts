/** A fresh, unguessable nonce for one page's scripts. */
export function createNonce(): string {
  return Buffer.from(crypto.getRandomValues(new Uint8Array(16))).toString("base64");
}

export interface PagePolicyOptions {
  /** `next dev`, whose refresh runtime needs eval. */
  development?: boolean;
  /** The configured Zoom's API origin, whose users' pictures pages show (an emulator's, in tests). */
  zoomApiOrigin?: string;
  /**
   * Where a form post may end besides the app itself (form-action also covers its redirects):
   * Zoom's OAuth origin, which the Connect forms' 303 leads to (`zoomOAuthOrigins`). null leaves
   * form-action out, for the demo emulator's pages: they stand in for Zoom's own, whose consent
   * form ends wherever the OAuth redirect and a connect link's return URL lead.
   */
  formTargets?: string[] | null;
}

/**
 * The Content-Security-Policy of a page: scripts only with this response's nonce (Next puts it on
 * its own scripts when it finds it in the request's CSP header; 'strict-dynamic' lets those load the
 * page's chunks), no framing, connections to the app only, forms to the app and Zoom's consent only.
 * Styles may be inline (the emulator's pages and React style props).
 */
export function pageContentSecurityPolicy(
  nonce: string,
  { development = false, zoomApiOrigin = "", formTargets = [] }: PagePolicyOptions = {},
): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${development ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    // Zoom users' pictures come from Zoom's hosts (https), or from the configured Zoom (an emulator).
    `img-src 'self' data: blob: https:${zoomApiOrigin ? ` ${zoomApiOrigin}` : ""}`,
    "font-src 'self'",
    "connect-src 'self'",
    ...(formTargets === null ? [] : [["form-action 'self'", ...formTargets].join(" ")]),
    "object-src 'none'",
    "base-uri 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
}

/**
 * The origins Zoom's consent may take place at, from ZOOM_OAUTH_URL: its origin and, for a named
 * host, that host's subdomains (Zoom may send the consent on to an account's vanity host).
 */
export function zoomOAuthOrigins(oauthUrl: string): string[] {
  const { protocol, host, hostname } = new URL(oauthUrl);
  // A domain name, not an IP address or a single label such as localhost.
  const named = hostname.includes(".") && isNaN(Number(hostname.split(".").at(-1)));
  return [`${protocol}//${host}`, ...(named ? [`${protocol}//*.${host}`] : [])];
}

/** API answers are data, never documents to run or frame. */
export const API_CONTENT_SECURITY_POLICY = "default-src 'none'; frame-ancestors 'none'";

/**
 * Headers every response carries: no MIME sniffing, no referrer (token URLs must not leak through it), and HSTS when the
 * app is served over https (a browser would ignore it over http, and it would pin localhost).
 */
export function baseSecurityHeaders(appUrl: string): Record<string, string> {
  return {
    "x-content-type-options": "nosniff",
    "referrer-policy": "no-referrer",
    ...(appUrl.startsWith("https:")
      ? { "strict-transport-security": "max-age=63072000; includeSubDomains" }
      : {}),
  };
}
