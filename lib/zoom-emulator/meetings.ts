import { createHash } from "node:crypto";
import { randomDigits } from "./ids";
import { type EmulatorState } from "./state";

/** A new 11-digit meeting id hosted by the user (Zoom's scheduled meetings have 10 or 11 digits). */
export function createMeeting(state: EmulatorState, userId: string): string {
  let id: string;
  do id = String(randomDigits(11));
  while (state.meetings.has(id));
  state.meetings.set(id, userId);
  return id;
}

/** A demo user's one meeting, derived from the email so it survives a restart like the user's ids. */
export function demoMeetingId(email: string): string {
  const n = BigInt(
    `0x${createHash("sha256").update(`meeting:${email}`).digest("hex").slice(0, 15)}`,
  );
  return String(10n ** 10n + (n % (9n * 10n ** 10n)));
}

export function meetingsOf(state: EmulatorState, userId: string): string[] {
  return [...state.meetings].filter(([, host]) => host === userId).map(([id]) => id);
}
