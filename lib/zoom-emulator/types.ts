// Public and shared types of the Zoom emulator.

export interface EmulatorClient {
  clientId: string;
  clientSecret: string;
  /** Exact-match list, as Zoom compares redirect URIs. */
  redirectUris: string[];
  /** Granted scopes; default: those of every endpoint the emulator serves (state.ts DEFAULT_SCOPES). */
  scopes?: string[];
  /** Where app_deauthorized and endpoint.url_validation are POSTed. */
  webhookUrl?: string;
  /** HMAC key for x-zm-signature and url_validation. */
  webhookSecretToken?: string;
  /** App name shown on the consent page (defaults to the client id). */
  name?: string;
}

export interface ZoomEmulatorOptions {
  clients: EmulatorClient[];
  /** Prefix under which requests arrive, e.g. "/zoom-emulator". Default "". */
  basePath?: string;
  /** Enable the /_emulator/* test controls (otherwise they answer 404). */
  controls?: boolean;
  /** Used to deliver webhooks (default: global fetch). */
  fetch?: typeof fetch;
  /** Start with the demo users offered for a one-click consent (default false). */
  demoUsers?: boolean;
  /**
   * How many issued ZAK / OBF / join tokens it remembers for lookups (default 10,000); past that it
   * forgets the oldest first, so a long-running emulator stays bounded in memory.
   */
  issuedTokenLimit?: number;
}

export interface Clock {
  /** Emulator time in epoch milliseconds. */
  now(): number;
  advance(seconds: number): void;
}

export const ENDPOINTS = ["token", "users_me", "user_token", "zak", "jointoken", "revoke"] as const;
export type Endpoint = (typeof ENDPOINTS)[number];

export type GrantType = "authorization_code" | "refresh_token";

export const FAULT_KINDS = [
  "latency",
  "rate_limit",
  "server_error",
  "drop",
  "drop_after_commit",
] as const;
export type FaultKind = (typeof FAULT_KINDS)[number];

export interface FaultSpec {
  endpoint: Endpoint;
  kind: FaultKind;
  /** For "latency" (default 1000); for the other kinds, a wait before the fault acts (default 0). */
  latencyMs?: number;
  /** Applies to the next n matching requests (default 1). */
  times?: number;
  /** Instead of `times`: applies to every matching request for this many seconds of the emulator's clock. */
  forSeconds?: number;
  /** Token endpoint only: restrict the fault to one grant type. */
  grantType?: GrantType;
  /** For "server_error": 500 (default) or 503. */
  status?: 500 | 503;
  /** For "rate_limit": Retry-After seconds (default 1). */
  retryAfterSeconds?: number;
}

/** Zoom's `X-RateLimit-Type`: the per-second window or the daily cap. */
export type RateLimitType = "QPS" | "Daily-limit";

/** An emulated account's Light limit (zoom-facts §8): per second, and optionally per UTC day. */
export interface AccountRateLimit {
  perSecond: number;
  perDay?: number;
}

export interface EmulatorStats {
  grants: Record<GrantType, number>;
  endpoints: Record<Endpoint, number>;
  invalidGrant: number;
  /** 429s answered, by X-RateLimit-Type (account limits and rate_limit faults). */
  rateLimited: Record<RateLimitType, number>;
}

export interface EmulatorUser {
  id: string;
  accountId: string;
  accountNumber: number;
  email: string;
  displayName: string;
  /** Absolute URL, or a basePath-relative path ("/avatars/x.svg") resolved per request. */
  pic: string;
  pmi: number;
  createdAt: number;
  lastLoginAt: number;
}

export interface UserSummary {
  id: string;
  email: string;
  display_name: string;
  account_id: string;
  authorized_apps: { client_id: string; authorized_at: string }[];
}

export type IssuedTokenType = "zak" | "onbehalf" | "local_recording";

export interface IssuedTokenInfo {
  /** "access_token": an OAuth access token the token endpoint issued. */
  type: IssuedTokenType | "access_token";
  userId: string;
  email: string;
  clientId: string;
  meetingId?: string;
  bypassWaitingRoom?: boolean;
  issuedAt: string;
  expiresAt: string;
}

export interface WebhookDelivery {
  event: string;
  clientId: string;
  url: string;
  status: number | null;
  ok: boolean;
  error?: string;
  at: string;
}

export interface UrlValidationResult {
  ok: boolean;
  status: number | null;
  reason?: string;
}

export interface DeauthorizeResult {
  clientId: string;
  /** null when the client has no webhookUrl. */
  webhook: WebhookDelivery | null;
}

/**
 * Who looks at the users page, when the host restricts it (the app's demo mode): only these Zoom
 * users are listed and may be deauthorized there. Without a viewer every user is.
 */
export interface EmulatorViewer {
  visibleUserIds(): Promise<ReadonlySet<string>>;
}

export interface ZoomEmulator {
  /** Fetch-API handler; may throw DroppedConnection (fault "drop"/"drop_after_commit"). */
  handle(req: Request, viewer?: EmulatorViewer): Promise<Response>;
  clock: Clock;
  addClient(client: EmulatorClient): void;
  listUsers(): UserSummary[];
  /** Makes every live access token expired; returns how many. */
  expireAccessTokens(): number;
  /** Deauthorizes a user (by id or email) from one client or all; awaits webhook delivery. null if no such user. */
  deauthorize(userIdOrEmail: string, clientId?: string): Promise<DeauthorizeResult[] | null>;
  lookupIssuedToken(token: string): IssuedTokenInfo | null;
  /** A new meeting hosted by the user (by id or email); null if no such user. */
  createMeeting(userIdOrEmail: string): string | null;
  /** Replaces the scopes the client's future consents grant; false if no such client. */
  setClientScopes(clientId: string, scopes: string[]): boolean;
  setFault(spec: FaultSpec): void;
  /** Applies Zoom's per-account limits to the account's API calls (null removes them). */
  setAccountRateLimit(accountId: string, limit: AccountRateLimit | null): void;
  clearFaults(): void;
  stats(): EmulatorStats;
  /** Clears faults, account limits and counters (users and tokens stay). */
  reset(): void;
  sendUrlValidation(clientId?: string): Promise<UrlValidationResult>;
  webhookDeliveries(): WebhookDelivery[];
  /** Resolves once webhooks sent in the background (revoke, /apps) are delivered. */
  idle(): Promise<void>;
}
