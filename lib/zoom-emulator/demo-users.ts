import { createHash } from "node:crypto";
import { avatarPath } from "./avatars";
import { demoMeetingId } from "./meetings";
import { type EmulatorState } from "./state";
import { type EmulatorUser } from "./types";
import { newUser } from "./users";

/** Ready-made users offered on the consent page, so a first connect in demo mode is one click. */
export const DEMO_USERS = [
  { displayName: "Jane Host", email: "jane.host@example.com", avatar: "sky" },
  { displayName: "Sam Rivera", email: "sam.rivera@example.com", avatar: "mint" },
  { displayName: "Priya Shah", email: "priya.shah@example.com", avatar: "rose" },
] as const;

/** Derived from the email, so a demo user keeps its Zoom ids when the emulator restarts. */
function stableId(email: string, part: string): string {
  return createHash("sha256").update(`${part}:${email}`).digest("base64url").slice(0, 22);
}

/** Each demo user also hosts one meeting, so its join tokens can be tried by hand. */
export function addDemoUsers(state: EmulatorState, now: number): void {
  for (const demo of DEMO_USERS) {
    const user = newUser(
      { email: demo.email, displayName: demo.displayName, pic: avatarPath(demo.avatar) },
      now,
      { id: stableId(demo.email, "user"), accountId: stableId(demo.email, "account") },
    );
    state.users.set(user.id, user);
    state.meetings.set(demoMeetingId(demo.email), user.id);
  }
}

export function isDemoUser(user: EmulatorUser): boolean {
  return DEMO_USERS.some((demo) => demo.email === user.email);
}
