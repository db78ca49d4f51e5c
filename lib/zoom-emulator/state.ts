import { type PkceChallenge } from "./pkce";
import { type EmulatorClient, type EmulatorUser, type IssuedTokenType } from "./types";

export interface Grant {
  clientId: string;
  userId: string;
  scopes: string[];
}

export interface TokenRecord extends Grant {
  kind: "access" | "refresh";
  issuedAt: number;
  expiresAt: number;
  /** Killed by rotation, re-authorization, revoke or deauthorization. */
  dead: boolean;
}

export interface CodeRecord extends Grant {
  redirectUri: string;
  challenge?: PkceChallenge;
  expiresAt: number;
}

export interface PendingAuthorization {
  clientId: string;
  redirectUri: string;
  state?: string;
  challenge?: PkceChallenge;
  expiresAt: number;
}

export interface Authorization {
  clientId: string;
  userId: string;
  authorizedAt: number;
}

export interface IssuedRecord {
  type: IssuedTokenType;
  userId: string;
  clientId: string;
  meetingId?: string;
  bypassWaitingRoom?: boolean;
  issuedAt: number;
  expiresAt: number;
}

export const DEFAULT_SCOPES = [
  "user:read:token",
  "user:read:user",
  "user:read:zak",
  "meeting:read:local_recording_token",
];

export const DEFAULT_ISSUED_TOKEN_LIMIT = 10_000;

/** All in-memory data of one emulator instance. */
export class EmulatorState {
  constructor(readonly issuedTokenLimit = DEFAULT_ISSUED_TOKEN_LIMIT) {}

  readonly clients = new Map<string, EmulatorClient>();
  readonly users = new Map<string, EmulatorUser>();
  /** Consent requests waiting for Allow/Deny, by request id. */
  readonly pending = new Map<string, PendingAuthorization>();
  readonly codes = new Map<string, CodeRecord>();
  readonly tokens = new Map<string, TokenRecord>();
  /** Keyed by authorizationKey(clientId, userId). */
  readonly authorizations = new Map<string, Authorization>();
  /** ZAK / OBF / join tokens handed out by the API, oldest first (a Map keeps insertion order). */
  readonly issued = new Map<string, IssuedRecord>();
  /** Meeting id → the id of the user who hosts it. */
  readonly meetings = new Map<string, string>();

  /** Remembers an issued token, forgetting the oldest beyond the limit. */
  rememberIssued(token: string, record: IssuedRecord): void {
    this.issued.set(token, record);
    if (this.issued.size <= this.issuedTokenLimit) return;
    const oldest = this.issued.keys().next();
    if (!oldest.done) this.issued.delete(oldest.value);
  }

  findUser(idOrEmail: string): EmulatorUser | undefined {
    const byId = this.users.get(idOrEmail);
    if (byId) return byId;
    const email = idOrEmail.trim().toLowerCase();
    return [...this.users.values()].find((u) => u.email === email);
  }

  clientScopes(clientId: string): string[] {
    return this.clients.get(clientId)?.scopes ?? DEFAULT_SCOPES;
  }

  authorizationsOf(userId: string): Authorization[] {
    return [...this.authorizations.values()].filter((a) => a.userId === userId);
  }
}

export function authorizationKey(clientId: string, userId: string): string {
  return `${clientId}\n${userId}`;
}
