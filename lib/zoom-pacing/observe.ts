import { AsyncLocalStorage } from "node:async_hooks";
import { readRateLimit, type ZoomRateLimit } from "@/lib/zoom/rate-limit";
import type { FetchLike } from "@/lib/zoom/transport";

interface Watch {
  seen: ZoomRateLimit | null;
}

const watching = new AsyncLocalStorage<Watch>();

/**
 * Wraps the fetch the Zoom client is given: the rate-limit headers of each answer reach the paced
 * call that caused it (the client itself stays a plain Zoom client).
 */
export function observeRateLimits(fetchImpl: FetchLike): FetchLike {
  return async (url, init) => {
    const res = await fetchImpl(url, init);
    const watch = watching.getStore();
    if (watch) watch.seen = readRateLimit(res.headers) ?? watch.seen;
    return res;
  };
}

/** Runs `call`, also returning the rate-limit headers of Zoom's last answer to it. */
export async function watched<T>(
  call: () => Promise<T>,
): Promise<
  | { ok: true; value: T; seen: ZoomRateLimit | null }
  | { ok: false; error: unknown; seen: ZoomRateLimit | null }
> {
  const watch: Watch = { seen: null };
  try {
    return { ok: true, value: await watching.run(watch, call), seen: watch.seen };
  } catch (error) {
    return { ok: false, error, seen: watch.seen };
  }
}
