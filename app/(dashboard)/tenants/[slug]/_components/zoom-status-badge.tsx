import { Badge, type Tone } from "@/app/_components/badge";
import type { ZoomConnectionStatus } from "@/lib/views/zoom-connection";

const STATUS: Record<ZoomConnectionStatus, { label: string; tone: Tone }> = {
  connected: { label: "Connected", tone: "success" },
  reauth_required: { label: "Needs reconnect", tone: "warning" },
  disconnected: { label: "Disconnected", tone: "danger" },
  not_connected: { label: "Not connected", tone: "neutral" },
};

export function ZoomStatusBadge({ status }: { status: ZoomConnectionStatus }) {
  return (
    <Badge tone={STATUS[status].tone} testId="zoom-status">
      {STATUS[status].label}
    </Badge>
  );
}
