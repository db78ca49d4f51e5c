"use client";

import { useRouter } from "next/navigation";
import { Card } from "@/app/_components/card";
import { ConfirmAction } from "@/app/_components/confirm-action";
import { EmptyState } from "@/app/_components/empty-state";
import { ErrorMessage } from "@/app/_components/error-message";
import { LoadingState } from "@/app/_components/loading-state";
import { RelativeTime } from "@/app/_components/relative-time";
import type { Role } from "@/db/schema";
import { useMembers, useRemoveMember } from "@/lib/hooks/use-members";
import { keepsAnOwner, mayRemoveMember } from "@/lib/tenants/member-rules";
import type { MemberView } from "@/lib/views/members";
import { RoleBadge } from "../../../_components/role-badge";
import { InviteMemberForm } from "./invite-member-form";

interface MembersCardProps {
  slug: string;
  role: Role;
  currentUserId: string;
}

export function MembersCard({ slug, role, currentUserId }: MembersCardProps) {
  const router = useRouter();
  const members = useMembers(slug);
  const remove = useRemoveMember(slug, currentUserId);

  async function removeMember(userId: string) {
    await remove.mutateAsync(userId);
    // Leaving a tenant takes away access to this page.
    if (userId === currentUserId) router.replace("/tenants");
  }

  const isOwner = role === "owner";
  const ownerCount = members.data?.filter((m) => m.role === "owner").length ?? 0;

  return (
    <Card
      title="Members"
      description={
        isOwner
          ? "Owners manage members; admins manage Zoom and token URLs; members can look and test."
          : undefined
      }
      testId="members-card"
    >
      <div className="space-y-5">
        {members.isPending ? (
          <LoadingState label="Loading members" />
        ) : members.isError ? (
          <ErrorMessage error={members.error} onRetry={() => void members.refetch()} />
        ) : members.data.length === 0 ? (
          <EmptyState title="No members" />
        ) : (
          <ul
            className="divide-y divide-zinc-100 rounded-lg border border-zinc-200"
            aria-label="Members"
            data-testid="member-list"
          >
            {members.data.map((m) => {
              const isSelf = m.userId === currentUserId;
              const removable =
                mayRemoveMember(role, isSelf) && keepsAnOwner(ownerCount, m.role, null);
              return (
                <MemberRow
                  key={m.userId}
                  member={m}
                  isSelf={isSelf}
                  onRemove={removable ? () => removeMember(m.userId) : undefined}
                />
              );
            })}
          </ul>
        )}
        {isOwner && <InviteMemberForm slug={slug} />}
      </div>
    </Card>
  );
}

interface MemberRowProps {
  member: MemberView;
  isSelf: boolean;
  /** Set when lib/tenants/member-rules allows the removal. */
  onRemove?: () => Promise<unknown>;
}

function MemberRow({ member, isSelf, onRemove }: MemberRowProps) {
  return (
    <li className="flex flex-wrap items-center gap-x-4 gap-y-2 px-4 py-3">
      <div className="min-w-0 flex-1">
        <p className="truncate text-sm font-medium text-zinc-900">
          {member.name || member.email}
          {isSelf && <span className="font-normal text-zinc-500"> (you)</span>}
        </p>
        <p className="truncate text-xs text-zinc-500">
          {member.name && `${member.email} · `}member since <RelativeTime value={member.since} />
        </p>
      </div>
      <RoleBadge role={member.role} />
      {onRemove && (
        <ConfirmAction
          trigger={isSelf ? "Leave" : "Remove"}
          triggerLabel={isSelf ? "Leave this tenant" : `Remove ${member.email}`}
          title={isSelf ? "Leave this tenant?" : `Remove ${member.email}?`}
          confirmLabel={isSelf ? "Leave" : "Remove"}
          onConfirm={onRemove}
        >
          {isSelf
            ? "You lose access to this tenant unless another owner adds you back."
            : "They lose access to this tenant. Token URLs belong to the tenant and keep working."}
        </ConfirmAction>
      )}
    </li>
  );
}
