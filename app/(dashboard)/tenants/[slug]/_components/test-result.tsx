import { Banner } from "@/app/_components/banner";
import { DetailList } from "@/app/_components/detail-list";
import { RelativeTime } from "@/app/_components/relative-time";
import type { TokenTestView } from "@/lib/views/token-test";
import { KIND_LABELS } from "@/lib/zak/kinds";
import { OutcomeBadge } from "./outcome-badge";

/** How a test went: outcome, status, latency and expiry; never the token. */
export function TestResult({ result }: { result: TokenTestView }) {
  const label = KIND_LABELS[result.kind];
  return (
    <div role="status" className="space-y-3" data-testid="token-test-result">
      <Banner
        tone={result.ok ? "success" : "danger"}
        title={result.ok ? `A bot would get the ${label}` : `A bot would not get the ${label}`}
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
