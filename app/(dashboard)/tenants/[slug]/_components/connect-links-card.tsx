"use client";

import { Card } from "@/app/_components/card";
import { ErrorMessage } from "@/app/_components/error-message";
import { LoadingState } from "@/app/_components/loading-state";
import { useConnectLinks } from "@/lib/hooks/use-connect-links";
import { ConnectLinkList } from "./connect-link-list";
import { CreateConnectLinkForm } from "./create-connect-link-form";
import { ReturnUrlsForm } from "./return-urls-form";

/**
 * Owners and admins only: single-use links that let an end user with no account connect this
 * tenant's Zoom user (or reconnect a broken connection), and where such links may send them back.
 */
export function ConnectLinksCard({ slug }: { slug: string }) {
  const links = useConnectLinks(slug);
  return (
    <Card
      title="Connect links"
      description="Send a link to the person whose Zoom account your bots should use: they connect it without an account here. Each link works once and expires."
      testId="connect-links-card"
    >
      {links.isPending ? (
        <LoadingState label="Loading connect links" />
      ) : links.isError ? (
        <ErrorMessage error={links.error} onRetry={() => void links.refetch()} />
      ) : (
        <div className="space-y-5">
          <CreateConnectLinkForm slug={slug} hasReturnUrls={links.data.returnUrls.length > 0} />
          <ConnectLinkList slug={slug} links={links.data.links} />
          <ReturnUrlsForm slug={slug} returnUrls={links.data.returnUrls} />
        </div>
      )}
    </Card>
  );
}
