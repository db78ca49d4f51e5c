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
    <Card
      title={platform}
      description={description}
      actions={
        guide && <CopyButton value={guide.example} label={`Copy ${platform} example`} size="sm" />
      }
      testId={testId}
    >
      {guide ? (
        <div className="space-y-4">
          {guide.fields.map(({ field, url }) => (
            <CopyField key={field} label={field} value={url} />
          ))}
          <CodeBlock code={guide.example} label={`${platform} example`} />
        </div>
      ) : (
        <p className="text-sm text-zinc-600">
          The chosen URL allows none of the token kinds {platform} asks for. Create one that does.
        </p>
      )}
    </Card>
  );
}
