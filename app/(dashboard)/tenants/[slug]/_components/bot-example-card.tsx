import { Card } from "@/app/_components/card";
import { CopyButton } from "@/app/_components/copy-button";

// A placeholder only: a real ZAK URL is a secret and is never put on this page.
const EXAMPLE = `curl -X POST https://us-east-1.recall.ai/api/v1/bot/ \\
  -H "Authorization: Token $RECALL_API_KEY" \\
  -H "Content-Type: application/json" \\
  -d '{"meeting_url":"https://zoom.us/j/123","zoom":{"zak_url":"<your ZAK URL>"}}'`;

export function BotExampleCard({ canManage }: { canManage: boolean }) {
  return (
    <Card
      title="Use it with your bot"
      description={
        <>
          Create a Recall.ai bot with <code className="font-mono text-zinc-800">zoom.zak_url</code>{" "}
          set to your ZAK URL. The bot fetches a fresh ZAK right before joining.
          {!canManage && " Ask an owner or admin of this tenant for a ZAK URL."}
        </>
      }
      actions={<CopyButton value={EXAMPLE} label="Copy example command" size="sm" />}
      testId="bot-example-card"
    >
      <pre
        tabIndex={0}
        aria-label="Example command"
        className="overflow-x-auto rounded-lg bg-zinc-950 p-4 font-mono text-xs leading-relaxed text-zinc-100 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-600"
      >
        <code>{EXAMPLE}</code>
      </pre>
    </Card>
  );
}
