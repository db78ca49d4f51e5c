import { listGrantIdsRefreshedBefore } from "@/db/queries/grants";
import { listUnusedGrantIds } from "@/db/queries/connections";
import { releaseGrantIfUnused } from "./grants";
import { refreshGrant } from "./refresh";
import type { Vault } from "./types";

const DAY_MS = 24 * 60 * 60 * 1000;
/** Zoom refresh tokens issued since 2023 carry a 90-day expiry; a weekly refresh stays far inside it. */
const IDLE_REFRESH_AGE_MS = 7 * DAY_MS;

/**
 * Refreshes grants nobody used for a week, so an idle connection never reaches Zoom's 90-day
 * refresh-token expiry, and lets go of grants no tenant uses. Uses the same lock as requests.
 */
export async function refreshIdleGrants(vault: Vault, now = Date.now(), until = Infinity) {
  const cutoff = new Date(now - IDLE_REFRESH_AGE_MS);
  const result = { refreshed: 0, failed: 0, released: 0, complete: false };
  for (const grantId of await listGrantIdsRefreshedBefore(vault.db, cutoff)) {
    // Out of time: the grants left are still idle, so the next run picks them up first.
    if (Date.now() >= until) return result;
    try {
      await refreshGrant(vault, grantId, (grant) => grant.refreshedAt < cutoff, "idle");
      result.refreshed++;
    } catch {
      result.failed++; // recorded on the grant (reauth) or transient; the next run tries again
    }
  }
  for (const grantId of await listUnusedGrantIds(vault.db)) {
    await releaseGrantIfUnused(vault, grantId).then(
      () => result.released++,
      () => result.failed++,
    );
  }
  result.complete = true;
  return result;
}
