import { isDatabaseUnreachable } from "./errors";

/**
 * Runs a write, trying again while the database cannot be reached (a restart, a failover) until
 * `until` (ms): for a write whose loss costs more than waiting, such as a rotated refresh token.
 */
export async function retryWhileUnreachable<T>(write: () => Promise<T>, until: number): Promise<T> {
  for (let delayMs = 100; ; delayMs = Math.min(delayMs * 2, 1000)) {
    try {
      return await write();
    } catch (err) {
      if (!isDatabaseUnreachable(err) || Date.now() + delayMs >= until) throw err;
      await new Promise((resolve) => setTimeout(resolve, delayMs));
    }
  }
}
