"use client";

import { useState } from "react";
import { Card } from "@/app/_components/card";
import { SelectField } from "@/app/_components/field";
import { useSecrets } from "@/lib/hooks/use-secrets";
import {
  PLATFORM_GUIDES,
  placeholderUrls,
  TOKEN_PLACEHOLDER,
  type TokenUrls,
} from "./bot-platforms";
import { useCreatedUrls } from "./created-urls";
import { PlatformGuides } from "./platform-guides";

interface IntegrationGuidesProps {
  slug: string;
  appUrl: string;
  canManage: boolean;
}

/** Which URL the platform guides show: one created on this page, or `<token>` placeholders. */
export function IntegrationGuides({ slug, appUrl, canManage }: IntegrationGuidesProps) {
  const live = useLiveCreatedUrls(slug, canManage);
  // The placeholder until someone picks a URL: a secret appears again only when asked for.
  const [chosen, setChosen] = useState("");
  const picked = live.find((s) => s.id === chosen);
  const urls: TokenUrls = picked
    ? { byKind: picked.urls, attendee: picked.attendeeUrl }
    : placeholderUrls(appUrl, slug);

  return (
    <>
      <Card
        title="Integration guides"
        description={
          <>
            What to paste into your bot platform. A URL&apos;s secret is shown only when it is
            created: pick one created on this page (until you leave it), or replace{" "}
            <code className="font-mono text-zinc-800">{TOKEN_PLACEHOLDER}</code> with your
            URL&apos;s token.
            {!canManage && " Ask an owner or admin of this tenant for a token URL."}
          </>
        }
        testId="integration-guides"
      >
        <SelectField
          label="Token URL in the examples"
          value={picked?.id ?? ""}
          onChange={(e) => setChosen(e.target.value)}
          options={[
            { value: "", label: `Placeholder (${TOKEN_PLACEHOLDER})` },
            ...live.map((s) => ({ value: s.id, label: `${s.label} (${s.prefix}…)` })),
          ]}
          className="max-w-md"
        />
      </Card>
      <PlatformGuides
        appUrl={appUrl}
        guides={{
          recall: PLATFORM_GUIDES.recall(urls),
          attendee: PLATFORM_GUIDES.attendee(urls),
          meeting_baas: PLATFORM_GUIDES.meeting_baas(urls),
        }}
      />
    </>
  );
}

/** URLs created on this page that are not revoked since (members cannot list URLs, nor create them). */
function useLiveCreatedUrls(slug: string, canManage: boolean) {
  const { created } = useCreatedUrls();
  const secrets = useSecrets(slug, canManage);
  if (!secrets.data) return created;
  const ids = new Set(secrets.data.map((s) => s.id));
  return created.filter((s) => ids.has(s.id));
}
