/** A fresh, unguessable nonce for one page's scripts. */
export function createNonce(): string {
  return Buffer.from(crypto.getRandomValues(new Uint8Array(16))).toString("base64");
}

/**
 * The Content-Security-Policy of a page: scripts only with this response's nonce (Next puts it on
 * its own scripts when it finds it in the request's CSP header; 'strict-dynamic' lets those load the
 * page's chunks), no framing, connections to the app only (no form-action: the Connect form is redirected to Zoom). Styles may be inline (the
 * emulator's pages and React style props); `next dev` also needs eval for its refresh runtime.
 */
export function pageContentSecurityPolicy(
  nonce: string,
  development = false,
  zoomOrigin = "",
): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${development ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    // Zoom users' pictures come from Zoom's hosts (https), or from the configured Zoom (an emulator).
    `img-src 'self' data: blob: https:${zoomOrigin ? ` ${zoomOrigin}` : ""}`,
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
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
