import type { ReactNode } from "react";
import { Card } from "@/app/_components/card";
import { CodeBlock } from "@/app/_components/code-block";
import { CopyButton } from "@/app/_components/copy-button";
import { CopyField } from "@/app/_components/copy-field";
import type { PlatformGuide } from "./bot-platforms";

interface PlatformGuideCardProps {
  platform: string;
  description: ReactNode;
  /** Null when the chosen URL allows none of the kinds this platform asks for. */
  guide: PlatformGuide | null;
  testId: string;
}

/** One bot platform: the field(s) to fill, the exact URL for each, and a bot-creation request. */
export function PlatformGuideCard({
  platform,
  description,
  guide,
  testId,
}: PlatformGuideCardProps) {
  return (
    <Card title={platform} description={description} testId={testId}>
      {guide ? (
        <div className="space-y-4">
          {guide.fields.map(({ field, url }) => (
            <CopyField key={field} label={field} value={url} />
          ))}
          <div className="space-y-1.5">
            <div className="flex items-center justify-between gap-2">
              <p className="text-sm font-medium text-zinc-800">Create a bot</p>
              <CopyButton value={guide.example} label={`Copy ${platform} example`} size="sm" />
            </div>
            <CodeBlock code={guide.example} label={`${platform} example`} />
          </div>
        </div>
      ) : (
        <p className="text-sm text-zinc-600">
          The chosen URL allows none of the token kinds {platform} asks for. Create one that does.
        </p>
      )}
    </Card>
  );
}
