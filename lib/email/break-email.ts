import type { EventData } from "@/lib/events/types";
import type { Email } from "./mailer";

/** The page where an owner reconnects the tenant's Zoom user (signing in first if needed). */
export const reconnectUrl = (appUrl: string, slug: string) =>
  `${appUrl}/tenants/${encodeURIComponent(slug)}`;

/** The email that tells an owner a connection broke: why, and where to reconnect it. */
export function breakEmail(
  to: string,
  tenant: { slug: string; name: string },
  data: Partial<EventData["connection.reauth_required"] & EventData["connection.disconnected"]>,
  appUrl: string,
): Email {
  const reason = data.reason ?? "Zoom no longer accepts the connection's tokens.";
  return {
    to,
    subject: `Reconnect Zoom for ${tenant.name}`,
    text: [
      `The Zoom connection of ${tenant.name} (${tenant.slug}) stopped working and must be reconnected.`,
      "",
      `Reason: ${reason}`,
      "",
      "Bots using this tenant's token URLs get errors until the Zoom user connects again. Reconnect it on the tenant's page:",
      reconnectUrl(appUrl, tenant.slug),
      "",
      "You receive this email once per break, as an owner of the tenant.",
    ].join("\n"),
  };
}
