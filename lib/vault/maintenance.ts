import { listGrantIdsRefreshedBefore } from "@/db/queries/grants";
import { listUnusedGrantIds } from "@/db/queries/connections";
import { releaseGrantIfUnused } from "./grants";
import { isDraining } from "./lease";
import { refreshGrant } from "./refresh";
import type { Vault } from "./types";

const DAY_MS = 24 * 60 * 60 * 1000;
/** Zoom refresh tokens issued since 2023 carry a 90-day expiry; a weekly refresh stays far inside it. */
const IDLE_REFRESH_AGE_MS = 7 * DAY_MS;

/**
 * Refreshes grants nobody used for a week, so an idle connection never reaches Zoom's 90-day
 * refresh-token expiry, and lets go of grants no tenant uses. Refreshes take the same lease as
 * requests (no transaction is held across Zoom), one grant at a time, in a random order, so instances
 * running this at the same moment mostly work on different grants instead of queueing on one.
 */
export async function refreshIdleGrants(vault: Vault, now = Date.now(), until = Infinity) {
  const cutoff = new Date(now - IDLE_REFRESH_AGE_MS);
  const result = { refreshed: 0, failed: 0, released: 0, complete: false };
  for (const grantId of shuffled(await listGrantIdsRefreshedBefore(vault.db, cutoff))) {
    // Out of time, or shutting down: the grants left are still idle, and the next run picks them up.
    if (Date.now() >= until || isDraining()) return result;
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

function shuffled<T>(items: T[]): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(Math.random() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}
