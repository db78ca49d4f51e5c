"use client";

import Link from "next/link";
import { Card } from "@/app/_components/card";
import { EmptyState } from "@/app/_components/empty-state";
import { ErrorMessage } from "@/app/_components/error-message";
import { RelativeTime } from "@/app/_components/relative-time";
import { useTenants } from "@/lib/hooks/use-tenants";
import type { TenantView } from "@/lib/views/tenants";
import { RoleBadge } from "../../_components/role-badge";

export function TenantList({ initialTenants }: { initialTenants: TenantView[] }) {
  const tenants = useTenants(initialTenants);
  return (
    <Card title="Your tenants" testId="tenant-list">
      {tenants.isError ? (
        <ErrorMessage error={tenants.error} onRetry={() => void tenants.refetch()} />
      ) : tenants.data.length === 0 ? (
        <EmptyState title="No tenants yet">
          Create one to connect a Zoom account for your bots.
        </EmptyState>
      ) : (
        <ul className="-mx-5 -my-4 divide-y divide-zinc-100">
          {tenants.data.map((t) => (
            <li key={t.slug}>
              <Link
                href={`/tenants/${t.slug}`}
                className="flex items-center gap-3 px-5 py-3.5 hover:bg-zinc-50 focus-visible:bg-zinc-50 focus-visible:outline-2 focus-visible:-outline-offset-2 focus-visible:outline-indigo-600"
              >
                <div className="min-w-0 flex-1">
                  <p className="truncate text-sm font-medium text-zinc-900">{t.name}</p>
                  <p className="truncate font-mono text-xs text-zinc-500">
                    {t.slug} · created <RelativeTime value={t.createdAt} />
                  </p>
                </div>
                <RoleBadge role={t.role} />
                <span aria-hidden="true" className="text-zinc-400">
                  ›
                </span>
              </Link>
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}
