import type { PlatformGuide, PlatformId } from "./bot-platforms";
import { PlatformGuideCard } from "./platform-guide-card";

const code = (text: string) => <code className="font-mono text-zinc-800">{text}</code>;

/** One card per bot platform, each in that platform's own dialect (zoom-facts §9–10). */
export function PlatformGuides({
  appUrl,
  guides,
}: {
  appUrl: string;
  guides: Record<PlatformId, PlatformGuide | null>;
}) {
  return (
    <>
      <PlatformGuideCard
        platform="Recall.ai"
        testId="guide-recall"
        guide={guides.recall}
        description={
          <>
            Recall GETs each URL right before the bot joins and reads the token as plain text. OBF
            needs Recall support to enable custom SDK credentials for your workspace. A URL that may
            fetch the Zoom access token is for Recall&apos;s customer-managed OAuth callback
            instead.
          </>
        }
      />
      <PlatformGuideCard
        platform="Attendee"
        testId="guide-attendee"
        guide={guides.attendee}
        description={
          <>
            Attendee POSTs to {code("zoom_tokens_url")} once, just before joining, and gets the ZAK,
            OBF and join tokens the URL allows in one answer. Add your project&apos;s webhook secret
            under Signing to verify its requests.
            {!appUrl.startsWith("https://") && " Attendee only accepts an HTTPS URL."}
          </>
        }
      />
      <PlatformGuideCard
        platform="Meeting BaaS"
        testId="guide-meeting-baas"
        guide={guides.meeting_baas}
        description={
          <>
            Meeting BaaS GETs {code("obf_token_url")} with its {code("bot_id")} and {code("extra")}{" "}
            appended (ignored here) and wants the OBF token as plain text within 15 seconds. Add{" "}
            {code("&meeting_id=…")} to tie the token to one meeting.
          </>
        }
      />
    </>
  );
}
