import { z } from "zod";

/** The events a tenant's webhook endpoints can subscribe to. */
export const EVENT_TYPES = [
  "connection.connected",
  "connection.reauth_required",
  "connection.disconnected",
  "url_secret.revoked",
] as const;
export type EventType = (typeof EVENT_TYPES)[number];
export const eventTypeSchema = z.enum(EVENT_TYPES);

/** Who ended a connection: a member of the tenant in the dashboard, or the Zoom user at Zoom. */
export type DisconnectedBy = "user" | "zoom";

/** Each event's `data`, besides the tenant's slug which every payload carries. */
export interface EventData {
  "connection.connected": { zoomUser: { email: string; displayName: string } };
  "connection.reauth_required": { reason: string };
  "connection.disconnected": { by: DisconnectedBy; reason: string | null };
  "url_secret.revoked": { urlSecret: { id: string; label: string; prefix: string } };
}

/** The events after which the connection must be reconnected: the owners are emailed once. */
export type BreakEvent =
  | { type: "connection.reauth_required"; data: EventData["connection.reauth_required"] }
  | {
      type: "connection.disconnected";
      data: EventData["connection.disconnected"] & { by: "zoom" };
    };
