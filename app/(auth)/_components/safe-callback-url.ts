const DEFAULT_TARGET = "/tenants";

/**
 * Only same-site relative paths: "/x" yes; "//evil.com", "/\evil.com", absolute URLs and paths with
 * control characters (browsers drop tabs and newlines, turning "/\t/evil.com" into "//evil.com") fall back.
 */
export function safeCallbackUrl(raw: string | string[] | undefined): string {
  const value = Array.isArray(raw) ? raw[0] : raw;
  if (
    !value ||
    !value.startsWith("/") ||
    value.startsWith("//") ||
    /[\\\u0000-\u001f\u007f]/.test(value)
  ) {
    return DEFAULT_TARGET;
  }
  return value;
}
