import { Badge, type Tone } from "@/app/_components/badge";
import type { Role } from "@/lib/hooks/use-tenants";

const ROLE: Record<Role, { label: string; tone: Tone }> = {
  owner: { label: "Owner", tone: "accent" },
  admin: { label: "Admin", tone: "neutral" },
  member: { label: "Member", tone: "neutral" },
};

export const ROLE_OPTIONS = (Object.keys(ROLE) as Role[]).map((value) => ({
  value,
  label: ROLE[value].label,
}));

export function RoleBadge({ role }: { role: Role }) {
  return <Badge tone={ROLE[role].tone}>{ROLE[role].label}</Badge>;
}
