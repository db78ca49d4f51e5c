"use client";

import { useState } from "react";
import { Card } from "@/app/_components/card";
import { EmptyState } from "@/app/_components/empty-state";
import { ErrorMessage } from "@/app/_components/error-message";
import { SelectField } from "@/app/_components/field";
import { LoadingState } from "@/app/_components/loading-state";
import { useActivity } from "@/lib/hooks/use-activity";
import type { TokenKind } from "@/lib/zak/kinds";
import { ActivityTable } from "./activity-table";
import { isTokenKind, KIND_OPTIONS } from "./kind-options";

const FILTER_OPTIONS = [{ value: "", label: "All kinds" }, ...KIND_OPTIONS];

export function ActivityCard({ slug }: { slug: string }) {
  const [kind, setKind] = useState<TokenKind | undefined>();
  const activity = useActivity(slug, kind);
  return (
    <Card
      title="Activity"
      description="The last 50 token requests, refreshed every 5 seconds."
      actions={
        <SelectField
          label="Kind"
          value={kind ?? ""}
          onChange={(e) => setKind(isTokenKind(e.target.value) ? e.target.value : undefined)}
          options={FILTER_OPTIONS}
        />
      }
      testId="activity-card"
    >
      {activity.isPending ? (
        <LoadingState label="Loading activity" rows={3} />
      ) : activity.isError ? (
        <ErrorMessage error={activity.error} onRetry={() => void activity.refetch()} />
      ) : activity.data.length === 0 ? (
        <EmptyState title="No requests yet" testId="activity-empty">
          Requests from your bots and from the Test card show up here.
        </EmptyState>
      ) : (
        <ActivityTable requests={activity.data} />
      )}
    </Card>
  );
}
