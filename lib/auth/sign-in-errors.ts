/** next-auth passes a thrown error's message to the sign-in form as `error`. */
export const SIGN_IN_THROTTLED = "TooManySignInAttempts";

/** The error for a throttled sign-in, carrying the seconds to wait: `TooManySignInAttempts:540`. */
export function throttledSignInError(retryAfterSeconds: number): string {
  return `${SIGN_IN_THROTTLED}:${retryAfterSeconds}`;
}

/** The seconds to wait named by a throttled sign-in error, or null for any other error. */
export function throttledSeconds(error: string | null | undefined): number | null {
  const match = new RegExp(`^${SIGN_IN_THROTTLED}(?::(\\d+))?$`).exec(error ?? "");
  return match ? Number(match[1] ?? 0) : null;
}

/** "Try again in 9 minutes." (whole minutes, rounded up; at least one). */
export function tryAgainIn(seconds: number): string {
  const minutes = Math.max(1, Math.ceil(seconds / 60));
  return `Try again in ${minutes} minute${minutes === 1 ? "" : "s"}.`;
}
