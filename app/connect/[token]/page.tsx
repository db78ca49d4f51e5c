import { getDb } from "@/db";
import { Button } from "@/app/_components/button";
import { verifyConnectLink, type ClosedLinkStatus } from "@/lib/connect-links/links";
import { ConnectPanel } from "../_components/connect-panel";
import { GrantList } from "../_components/grant-list";

export const dynamic = "force-dynamic";

const CLOSED: Record<ClosedLinkStatus | "invalid", { title: string; body: string }> = {
  invalid: {
    title: "This connect link is not valid",
    body: "Check that you opened the whole link, or ask whoever sent it for a new one. Nothing was changed.",
  },
  used: {
    title: "This connect link has already been used",
    body: "Each link connects Zoom once. If you need to connect again, ask for a new link.",
  },
  expired: {
    title: "This connect link has expired",
    body: "Nothing was changed. Ask for a new link.",
  },
  revoked: {
    title: "This connect link was revoked",
    body: "Nothing was changed. Ask for a new link if you still need to connect.",
  },
  withdrawn: {
    title: "This connect link is no longer valid",
    body: "Whoever created it can no longer connect Zoom for this tenant. Nothing was changed. Ask for a new link if you still need to connect.",
  },
};

/** `/connect/<token>`: what a connect link grants and a button to Zoom, or why the link is closed. */
export default async function ConnectLinkPage(props: { params: Promise<{ token: string }> }) {
  const { token } = await props.params;
  const verdict = await verifyConnectLink(await getDb(), token);
  if (verdict.status !== "open") {
    const { title, body } = CLOSED[verdict.status];
    return (
      <ConnectPanel eyebrow={"tenant" in verdict ? verdict.tenant.name : undefined} title={title}>
        <p data-testid="connect-link-closed" data-status={verdict.status}>
          {body}
        </p>
      </ConnectPanel>
    );
  }
  const name = verdict.tenant.name;
  return (
    <ConnectPanel eyebrow={name} title={`Connect your Zoom account to ${name}`}>
      <p>
        {name} runs meeting bots. If you continue, Zoom asks you to allow this, and {name} can then
        get short-lived Zoom tokens for your user, which let its bots:
      </p>
      <GrantList />
      <p>
        Your Zoom password is never shared. You can remove this access at any time in Zoom (App
        Marketplace → Manage → Added Apps). This link works once and expires{" "}
        <time dateTime={verdict.link.expiresAt.toISOString()}>
          {verdict.link.expiresAt.toUTCString()}
        </time>
        .
      </p>
      <form method="post" action="/api/connect/start">
        <input type="hidden" name="token" value={token} />
        <Button type="submit">Continue to Zoom</Button>
      </form>
    </ConnectPanel>
  );
}
