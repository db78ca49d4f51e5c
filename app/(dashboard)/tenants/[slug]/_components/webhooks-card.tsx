"use client";

import { Banner } from "@/app/_components/banner";
import { Card } from "@/app/_components/card";
import { ErrorMessage } from "@/app/_components/error-message";
import { LoadingState } from "@/app/_components/loading-state";
import { useWebhooks } from "@/lib/hooks/use-webhooks";
import { AddWebhookForm } from "./add-webhook-form";
import { WebhookEndpointList } from "./webhook-endpoint-list";

/** Owners and admins only: outbound webhooks on connection changes, and whether owners get emails. */
export function WebhooksCard({ slug }: { slug: string }) {
  const webhooks = useWebhooks(slug);
  return (
    <Card
      title="Webhooks"
      description="Hear about connection changes as they happen: each event is POSTed to your endpoints, signed per the Standard Webhooks spec, and retried for 24 hours until your endpoint answers 2xx."
      testId="webhooks-card"
    >
      {webhooks.isPending ? (
        <LoadingState label="Loading webhooks" />
      ) : webhooks.isError ? (
        <ErrorMessage error={webhooks.error} onRetry={() => void webhooks.refetch()} />
      ) : (
        <div className="space-y-5">
          {webhooks.data.emailAlerts ? (
            <p className="text-sm text-zinc-700" data-testid="email-alerts">
              Email alerts are on: the tenant&apos;s owners get one email each time the Zoom
              connection must be reconnected.
            </p>
          ) : (
            <Banner tone="info" testId="email-alerts">
              Email alerts are off: this server has no mail server configured (SMTP_URL), so no
              email is sent when the Zoom connection breaks.
            </Banner>
          )}
          <WebhookEndpointList slug={slug} endpoints={webhooks.data.endpoints} />
          <AddWebhookForm slug={slug} />
        </div>
      )}
    </Card>
  );
}
