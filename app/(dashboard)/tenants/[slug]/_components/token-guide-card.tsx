import { Card } from "@/app/_components/card";

/** When a bot needs which Zoom token, in plain words (zoom-facts §3–5). */
export function TokenGuideCard() {
  return (
    <Card title="Which token does a bot need?" testId="token-guide-card">
      <dl className="grid gap-4 text-sm text-zinc-700 md:grid-cols-3">
        <div>
          <dt className="font-medium text-zinc-900">ZAK</dt>
          <dd className="mt-1">
            Signs the bot in as the connected Zoom user, for meetings that only admit signed-in
            users. Enough for meetings hosted in your Zoom app&apos;s own account.
          </dd>
        </div>
        <div>
          <dt className="font-medium text-zinc-900">OBF token</dt>
          <dd className="mt-1">
            Since 2 March 2026 Zoom expects one instead of a ZAK when a bot joins a meeting hosted
            outside your app&apos;s own account. The connected user must already be in the meeting
            for the bot to get in, and Zoom removes the bot when that user leaves.
          </dd>
        </div>
        <div>
          <dt className="font-medium text-zinc-900">Join token</dt>
          <dd className="mt-1">
            Needed to record locally or to skip the waiting room (add{" "}
            <code className="font-mono text-zinc-800">&amp;bypass_waiting_room=true</code>). It is
            minted with the meeting host&apos;s credentials, so connect the host; it is valid for
            one meeting and about 120 seconds.
          </dd>
        </div>
      </dl>
    </Card>
  );
}
