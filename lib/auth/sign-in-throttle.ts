import type { Db } from "@/db/client";
import { sha256Hex } from "@/lib/crypto/digest";
import { addressGroup } from "@/lib/http/peer-address";
import { consumeAll, peekAll, reset, type LimitRule } from "@/lib/rate-limit/shared-limiter";

/** Wrong passwords per (email, client address): the guesser slows down, the customer elsewhere does not. */
export const SIGN_IN_FAILURES_PER_ADDRESS: LimitRule = { points: 10, windowSeconds: 15 * 60 };
/** Wrong passwords per email from every address: a gentle cap on guessing from many addresses. */
export const SIGN_IN_FAILURES_PER_EMAIL: LimitRule = { points: 100, windowSeconds: 15 * 60 };

// Emails are hashed so the limiter table holds no address book.
function limits(email: string, address: string | null) {
  const account = sha256Hex(email);
  const from = address ? addressGroup(address) : "unknown";
  return [
    { key: `sign-in:${account}:${from}`, rule: SIGN_IN_FAILURES_PER_ADDRESS },
    { key: `sign-in:${account}`, rule: SIGN_IN_FAILURES_PER_EMAIL },
  ];
}

/** Seconds until this email may try again from this address; 0 when it may now. */
export async function signInBlockedFor(
  db: Db,
  email: string,
  address: string | null,
): Promise<number> {
  const decisions = await peekAll(db, limits(email, address));
  return Math.max(0, ...decisions.map((d) => d.retryAfterSeconds));
}

export async function recordSignInFailure(
  db: Db,
  email: string,
  address: string | null,
): Promise<void> {
  await consumeAll(db, limits(email, address));
}

/** After the right password: forgets this address's failures (not those from elsewhere). */
export async function clearSignInFailures(
  db: Db,
  email: string,
  address: string | null,
): Promise<void> {
  const [own] = limits(email, address);
  if (own) await reset(db, own.key);
}
