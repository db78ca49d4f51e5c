import type { EventType } from "@/lib/events/types";

/** How each event reads in the dashboard. */
export const EVENT_LABELS: Record<EventType, string> = {
  "connection.connected": "Zoom connected",
  "connection.reauth_required": "Reconnect required",
  "connection.disconnected": "Zoom disconnected",
  "url_secret.revoked": "Token URL revoked",
};
