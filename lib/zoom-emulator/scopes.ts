import { type Endpoint } from "./types";

type ApiEndpoint = Exclude<Endpoint, "token" | "revoke">;

const CLASSIC_USER = [
  "user:read",
  "user:write",
  "user:read:admin",
  "user:write:admin",
  "user_profile",
];

/** Scopes accepted per endpoint (zoom-facts §2); the first one is named in the 4700 error. */
const ACCEPTED: Record<ApiEndpoint, string[]> = {
  users_me: ["user:read:user", "user:read:user:admin", ...CLASSIC_USER, "user_info:read"],
  user_token: ["user:read:token", "user:read:token:admin", ...CLASSIC_USER],
  zak: ["user:read:zak", "user:read:zak:admin", "user_zak:read"],
  jointoken: [
    "meeting:read:local_recording_token",
    "meeting:read:local_recording_token:admin",
    "meeting_token:read:local_recording",
    "meeting_token:read:admin:local_recording",
  ],
};

/** Returns the scope to name in the error, or null when the grant covers the endpoint. */
export function missingScope(endpoint: ApiEndpoint, granted: string[]): string | null {
  const accepted = ACCEPTED[endpoint];
  return accepted.some((s) => granted.includes(s)) ? null : (accepted[0] ?? endpoint);
}

export type { ApiEndpoint };
