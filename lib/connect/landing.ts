import { returnUrlWithOutcome } from "@/lib/connect-links/return-url";
import { isLinkAttempt, type ConnectAttempt } from "./attempt";
import type { ConnectError } from "./complete-connect";

/**
 * Where the callback sends the person: a connect link's end user to the link's return URL (with
 * `status`, `error` and `connect_link_id`) or to the done page; a dashboard user back to the tenant.
 */
export function connectLanding(
  appUrl: string,
  attempt: ConnectAttempt | null,
  outcome: { slug: string | null; error: ConnectError | null },
): URL {
  const { slug, error } = outcome;
  if (attempt && isLinkAttempt(attempt)) {
    if (attempt.returnUrl)
      return returnUrlWithOutcome(attempt.returnUrl, { linkId: attempt.linkId, error });
    const done = new URL("/connect/done", appUrl);
    done.searchParams.set("status", error ? "error" : "connected");
    if (error) done.searchParams.set("error", error);
    return done;
  }
  const target = new URL(slug ? `/tenants/${slug}` : "/tenants", appUrl);
  target.searchParams.set(error ? "zoom_error" : "zoom", error ?? "connected");
  return target;
}
