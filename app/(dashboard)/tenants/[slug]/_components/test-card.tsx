"use client";

import { Banner } from "@/app/_components/banner";
import { Button } from "@/app/_components/button";
import { Card } from "@/app/_components/card";
import { DetailList } from "@/app/_components/detail-list";
import { ErrorMessage } from "@/app/_components/error-message";
import { RelativeTime } from "@/app/_components/relative-time";
import { useTokenTest } from "@/lib/hooks/use-token-test";
import type { TokenTestView } from "@/lib/views/token-test";
import { OutcomeBadge } from "./outcome-badge";

export function TestCard({ slug }: { slug: string }) {
  const test = useTokenTest(slug);
  return (
    <Card
      title="Test"
      description="Fetch a ZAK the way a bot would. The token itself is never shown."
      testId="test-card"
    >
      <div className="space-y-4">
        <Button
          variant="secondary"
          onClick={() => test.mutate({ kind: "zak" })}
          pending={test.isPending}
        >
          Fetch a test ZAK
        </Button>
        <ErrorMessage error={test.error} />
        {test.data && <TestResult result={test.data} />}
      </div>
    </Card>
  );
}

function TestResult({ result }: { result: TokenTestView }) {
  return (
    <div role="status" className="space-y-3" data-testid="zak-test-result">
      <Banner
        tone={result.ok ? "success" : "danger"}
        title={result.ok ? "A bot would get a ZAK" : "A bot would not get a ZAK"}
      >
        {result.message}
      </Banner>
      <DetailList
        items={[
          {
            label: "Outcome",
            value: <OutcomeBadge outcome={result.outcome} status={result.status} />,
          },
          { label: "HTTP status", value: result.status },
          { label: "Latency", value: `${result.latencyMs} ms` },
          { label: "Expires", value: <RelativeTime value={result.expiresAt} /> },
        ]}
      />
    </div>
  );
}
