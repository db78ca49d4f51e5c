import { sql } from "drizzle-orm";
import {
  bigserial,
  jsonb,
  boolean,
  index,
  integer,
  pgEnum,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";

const createdAt = () => timestamp("created_at", { withTimezone: true }).notNull().defaultNow();

export const users = pgTable(
  "users",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    email: text("email").notNull(), // stored lower-cased
    name: text("name"),
    passwordHash: text("password_hash").notNull(),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex("users_email_key").on(t.email)],
);
export type User = typeof users.$inferSelect;

export const tenants = pgTable(
  "tenants",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    // Fixed at creation: it is part of the ZAK URLs customers hand to their bots.
    slug: text("slug").notNull(),
    name: text("name").notNull(),
    // When set, token requests must carry a valid signature of that bot platform, whatever the URL secret.
    requireRecallSignature: boolean("require_recall_signature").notNull().default(false),
    requireAttendeeSignature: boolean("require_attendee_signature").notNull().default(false),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex("tenants_slug_key").on(t.slug)],
);
export type Tenant = typeof tenants.$inferSelect;

export const roleEnum = pgEnum("membership_role", ["owner", "admin", "member"]);
export type Role = (typeof roleEnum.enumValues)[number];

export const memberships = pgTable(
  "memberships",
  {
    tenantId: uuid("tenant_id")
      .notNull()
      .references(() => tenants.id, { onDelete: "cascade" }),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    role: roleEnum("role").notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.userId] }),
    index("memberships_user_idx").on(t.userId),
  ],
);
export type Membership = typeof memberships.$inferSelect;

export const grantStatusEnum = pgEnum("zoom_grant_status", ["active", "reauth_required"]);

/**
 * One row per Zoom user who authorized this app. Zoom keeps a single live token set per user per
 * app, so tenants that connect the same Zoom user share this row instead of killing each other's tokens.
 * Token columns hold ciphertext only (lib/crypto), bound to this row's id and the column name.
 */
export const zoomGrants = pgTable(
  "zoom_grants",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    zoomUserId: text("zoom_user_id").notNull(),
    zoomAccountId: text("zoom_account_id").notNull(),
    email: text("email").notNull(),
    displayName: text("display_name").notNull(),
    picUrl: text("pic_url"),
    scopes: text("scopes").notNull(),
    refreshTokenEnc: text("refresh_token_enc").notNull(),
    accessTokenEnc: text("access_token_enc").notNull(),
    accessTokenExpiresAt: timestamp("access_token_expires_at", { withTimezone: true }).notNull(),
    status: grantStatusEnum("status").notNull().default("active"),
    // Bumped on every token write; compare-and-set guard against a concurrent writer.
    version: integer("version").notNull().default(1),
    // Set by each consent; a deauthorization event older than this one is stale and ignored.
    authorizedAt: timestamp("authorized_at", { withTimezone: true }).notNull().defaultNow(),
    refreshedAt: timestamp("refreshed_at", { withTimezone: true }).notNull().defaultNow(),
    lastError: text("last_error"),
    // The refresh lease: which process is refreshing (no transaction is held across Zoom) and until when.
    refreshLeaseOwner: text("refresh_lease_owner"),
    refreshLeaseUntil: timestamp("refresh_lease_until", { withTimezone: true }),
    // A lease ran out without a commit, or Zoom's answer was lost: Zoom may have rotated the token.
    refreshInterruptedAt: timestamp("refresh_interrupted_at", { withTimezone: true }),
    // Backoff after refresh failures: nobody calls Zoom's token endpoint for this grant before then.
    refreshRetryAt: timestamp("refresh_retry_at", { withTimezone: true }),
    refreshFailures: integer("refresh_failures").notNull().default(0),
    // Why refreshes pause: a ZoomUnavailableError reason, or "token_rejected".
    refreshPauseReason: text("refresh_pause_reason"),
    createdAt: createdAt(),
    updatedAt: timestamp("updated_at", { withTimezone: true })
      .notNull()
      .defaultNow()
      .$onUpdate(() => new Date()),
  },
  (t) => [
    uniqueIndex("zoom_grants_zoom_user_key").on(t.zoomUserId),
    index("zoom_grants_refreshed_idx").on(t.refreshedAt),
  ],
);
export type ZoomGrant = typeof zoomGrants.$inferSelect;

/**
 * A tenant's link to a grant. A row with a null grant means the Zoom user deauthorized the app:
 * the tenant is shown as disconnected with the reason, until someone reconnects.
 */
export const zoomConnections = pgTable(
  "zoom_connections",
  {
    tenantId: uuid("tenant_id")
      .primaryKey()
      .references(() => tenants.id, { onDelete: "cascade" }),
    grantId: uuid("grant_id").references(() => zoomGrants.id, { onDelete: "set null" }),
    connectedByUserId: uuid("connected_by_user_id").references(() => users.id, {
      onDelete: "set null",
    }),
    connectedAt: timestamp("connected_at", { withTimezone: true }).notNull().defaultNow(),
    disconnectedReason: text("disconnected_reason"),
    // When the owners were told that this connection broke; cleared by the next consent, so each
    // break is mailed once however many refreshes or deauthorizations repeat it.
    breakNotifiedAt: timestamp("break_notified_at", { withTimezone: true }),
    lastTokenServedAt: timestamp("last_token_served_at", { withTimezone: true }),
  },
  (t) => [index("zoom_connections_grant_idx").on(t.grantId)],
);
export type ZoomConnection = typeof zoomConnections.$inferSelect;

/** Secrets that open a tenant's token URL. Only a SHA-256 hash is stored; the secret is shown once. */
export const urlSecrets = pgTable(
  "url_secrets",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    tenantId: uuid("tenant_id")
      .notNull()
      .references(() => tenants.id, { onDelete: "cascade" }),
    label: text("label").notNull(),
    prefix: text("prefix").notNull(),
    secretHash: text("secret_hash").notNull(),
    // Token kinds this secret may fetch (lib/zak/kinds.ts); secrets made before kinds existed serve ZAKs only.
    kinds: text("kinds")
      .array()
      .notNull()
      .default(sql`ARRAY['zak']::text[]`),
    createdByUserId: uuid("created_by_user_id").references(() => users.id, {
      onDelete: "set null",
    }),
    createdAt: createdAt(),
    lastUsedAt: timestamp("last_used_at", { withTimezone: true }),
    revokedAt: timestamp("revoked_at", { withTimezone: true }),
  },
  (t) => [
    uniqueIndex("url_secrets_hash_key").on(t.secretHash),
    index("url_secrets_tenant_idx").on(t.tenantId),
  ],
);
export type UrlSecret = typeof urlSecrets.$inferSelect;

/** Audit of token requests. Never holds a token, a secret or a query string. */
export const tokenRequests = pgTable(
  "token_requests",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    tenantId: uuid("tenant_id").references(() => tenants.id, { onDelete: "cascade" }),
    secretId: uuid("secret_id").references(() => urlSecrets.id, { onDelete: "set null" }),
    kind: text("kind").notNull(), // a TokenKind of lib/zak/kinds.ts
    source: text("source", { enum: ["bot", "dashboard"] })
      .notNull()
      .default("bot"),
    outcome: text("outcome").notNull(),
    status: integer("status").notNull(),
    latencyMs: integer("latency_ms").notNull(),
    clientIp: text("client_ip"),
    // The caller's own id for the request when it sends one (Recall's webhook-id, Attendee's or
    // Meeting BaaS's bot id): never a token or a secret.
    callerId: text("caller_id"),
    createdAt: createdAt(),
  },
  (t) => [
    index("token_requests_tenant_time_idx").on(t.tenantId, t.createdAt.desc()),
    // For the retention job, which deletes the oldest rows across all tenants.
    index("token_requests_time_idx").on(t.createdAt),
  ],
);
export type TokenRequest = typeof tokenRequests.$inferSelect;

export const botPlatformEnum = pgEnum("bot_platform", ["recall", "attendee"]);
export type BotPlatform = (typeof botPlatformEnum.enumValues)[number];

/**
 * A bot platform's signing secret for a tenant (Recall's `whsec_…` verification secret, Attendee's
 * webhook secret). The app must use it to verify signatures, so it is encrypted (lib/crypto), bound to
 * this row's id and column, and never shown again. Several may be live at once, for rotation.
 */
export const botPlatformSecrets = pgTable(
  "bot_platform_secrets",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    tenantId: uuid("tenant_id")
      .notNull()
      .references(() => tenants.id, { onDelete: "cascade" }),
    platform: botPlatformEnum("platform").notNull(),
    label: text("label").notNull(),
    secretEnc: text("secret_enc").notNull(),
    createdByUserId: uuid("created_by_user_id").references(() => users.id, {
      onDelete: "set null",
    }),
    createdAt: createdAt(),
    revokedAt: timestamp("revoked_at", { withTimezone: true }),
  },
  (t) => [index("bot_platform_secrets_tenant_idx").on(t.tenantId, t.platform)],
);
export type BotPlatformSecret = typeof botPlatformSecrets.$inferSelect;

/**
 * Message ids of signed requests already accepted, kept for the signature window, so a replay is
 * refused by every instance. Rows past `expires_at` are deleted by maintenance.
 */
export const signedRequestIds = pgTable(
  "signed_request_ids",
  {
    tenantId: uuid("tenant_id")
      .notNull()
      .references(() => tenants.id, { onDelete: "cascade" }),
    platform: botPlatformEnum("platform").notNull(),
    messageId: text("message_id").notNull(),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.tenantId, t.platform, t.messageId] }),
    index("signed_request_ids_expiry_idx").on(t.expiresAt),
  ],
);

/**
 * A tenant's outbound webhook endpoint. The Standard Webhooks signing secret (`whsec_…`) is shown
 * once; the app must sign with it, so it is sealed (lib/crypto) bound to this row's id and column.
 */
export const webhookEndpoints = pgTable(
  "webhook_endpoints",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    tenantId: uuid("tenant_id")
      .notNull()
      .references(() => tenants.id, { onDelete: "cascade" }),
    url: text("url").notNull(),
    // Event types this endpoint receives (lib/events/types.ts).
    events: text("events").array().notNull(),
    secretEnc: text("secret_enc").notNull(),
    createdByUserId: uuid("created_by_user_id").references(() => users.id, {
      onDelete: "set null",
    }),
    createdAt: createdAt(),
  },
  (t) => [index("webhook_endpoints_tenant_idx").on(t.tenantId)],
);
export type WebhookEndpoint = typeof webhookEndpoints.$inferSelect;

/**
 * The outbox: one row per event, written in the same transaction as the state change it reports.
 * Its id is the `webhook-id` every delivery of it carries, so receivers can drop duplicates.
 */
export const outboxEvents = pgTable(
  "outbox_events",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    tenantId: uuid("tenant_id")
      .notNull()
      .references(() => tenants.id, { onDelete: "cascade" }),
    type: text("type").notNull(),
    data: jsonb("data").notNull(),
    createdAt: createdAt(),
  },
  (t) => [index("outbox_events_tenant_idx").on(t.tenantId)],
);
export type OutboxEvent = typeof outboxEvents.$inferSelect;

export const deliveryChannelEnum = pgEnum("delivery_channel", ["webhook", "email"]);
export const deliveryStatusEnum = pgEnum("delivery_status", ["pending", "delivered", "failed"]);
export type DeliveryStatus = (typeof deliveryStatusEnum.enumValues)[number];

/**
 * One event to one destination (a webhook endpoint, or an owner's email address), retried with
 * backoff until delivered or given up. Whoever sends it holds a lease, so one instance sends it at a
 * time and a crashed sender's lease runs out.
 */
export const outboxDeliveries = pgTable(
  "outbox_deliveries",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    eventId: uuid("event_id")
      .notNull()
      .references(() => outboxEvents.id, { onDelete: "cascade" }),
    channel: deliveryChannelEnum("channel").notNull(),
    endpointId: uuid("endpoint_id").references(() => webhookEndpoints.id, { onDelete: "cascade" }),
    recipient: text("recipient"),
    status: deliveryStatusEnum("status").notNull().default("pending"),
    attempts: integer("attempts").notNull().default(0),
    nextAttemptAt: timestamp("next_attempt_at", { withTimezone: true }).notNull().defaultNow(),
    lastStatusCode: integer("last_status_code"),
    lastError: text("last_error"),
    leaseOwner: text("lease_owner"),
    leaseUntil: timestamp("lease_until", { withTimezone: true }),
    deliveredAt: timestamp("delivered_at", { withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [
    index("outbox_deliveries_due_idx")
      .on(t.nextAttemptAt)
      .where(sql`${t.status} = 'pending'`),
    index("outbox_deliveries_endpoint_idx").on(t.endpointId, t.createdAt.desc()),
    index("outbox_deliveries_event_idx").on(t.eventId),
  ],
);
export type OutboxDelivery = typeof outboxDeliveries.$inferSelect;

/**
 * Keys for the `/api/v1` API. A key acts with its creator's live rights (never more), optionally only
 * on some tenants. Only a SHA-256 hash is stored (the key has 256 random bits); the key is shown once.
 */
export const apiKeys = pgTable(
  "api_keys",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    name: text("name").notNull(),
    prefix: text("prefix").notNull(),
    keyHash: text("key_hash").notNull(),
    createdByUserId: uuid("created_by_user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    // Null: every tenant its creator is a member of. Ids of deleted tenants simply match nothing.
    tenantIds: uuid("tenant_ids").array(),
    createdAt: createdAt(),
    lastUsedAt: timestamp("last_used_at", { withTimezone: true }),
    revokedAt: timestamp("revoked_at", { withTimezone: true }),
  },
  (t) => [
    uniqueIndex("api_keys_hash_key").on(t.keyHash),
    index("api_keys_creator_idx").on(t.createdByUserId),
  ],
);
export type ApiKey = typeof apiKeys.$inferSelect;

/**
 * The answer to a POST sent with an `Idempotency-Key`, per API key, so a retry gets the same answer
 * instead of a second tenant. `response_enc` is sealed (lib/crypto) bound to this row: answers may
 * carry a secret shown once. A row without a response is a request still in progress.
 */
export const idempotentRequests = pgTable(
  "idempotent_requests",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    apiKeyId: uuid("api_key_id")
      .notNull()
      .references(() => apiKeys.id, { onDelete: "cascade" }),
    idempotencyKey: text("idempotency_key").notNull(),
    // SHA-256 of method, path and body: the same key with another request is refused.
    fingerprint: text("fingerprint").notNull(),
    status: integer("status"),
    responseEnc: text("response_enc"),
    createdAt: createdAt(),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
  },
  (t) => [
    uniqueIndex("idempotent_requests_key").on(t.apiKeyId, t.idempotencyKey),
    index("idempotent_requests_expiry_idx").on(t.expiresAt),
  ],
);
export type IdempotentRequest = typeof idempotentRequests.$inferSelect;
