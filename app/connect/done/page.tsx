import { ConnectPanel } from "../_components/connect-panel";

export const dynamic = "force-dynamic";

const OUTCOMES: Record<string, { title: string; body: string }> = {
  connected: {
    title: "Zoom is connected",
    body: "You are all set and can close this window.",
  },
  access_denied: {
    title: "You declined at Zoom",
    body: "Nothing was stored. Open your link again if you change your mind.",
  },
  link_used: {
    title: "This connect link has already been used",
    body: "It was used in another tab or browser first. Nothing was stored here; ask for a new link if you need one.",
  },
  link_expired: {
    title: "This connect link has expired",
    body: "Nothing was stored. Ask for a new link.",
  },
  link_revoked: {
    title: "This connect link was revoked",
    body: "Nothing was stored. Ask for a new link if you still need to connect.",
  },
  link_withdrawn: {
    title: "This connect link is no longer valid",
    body: "Whoever created it can no longer connect Zoom for this tenant. Nothing was stored; ask for a new link if you still need to connect.",
  },
  expired: {
    title: "That attempt expired",
    body: "It took too long. Nothing was stored; open your link again.",
  },
  state_mismatch: {
    title: "We could not verify that attempt",
    body: "It may have been started in another tab. Nothing was stored; open your link again.",
  },
  zoom_unavailable: {
    title: "Zoom did not answer",
    body: "Nothing was stored. Open your link again in a minute.",
  },
};

const FAILED = { title: "Connecting Zoom did not work", body: "Nothing was stored. Try again." };

/** `/connect/done`: where a connect link without a return URL ends (`?status=connected` or `?error=…`). */
export default async function ConnectDonePage(props: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { status, error } = await props.searchParams;
  const key = typeof error === "string" ? error : status === "connected" ? "connected" : "";
  const { title, body } = OUTCOMES[key] ?? FAILED;
  return (
    <ConnectPanel title={title}>
      <p data-testid="connect-outcome" data-status={key === "connected" ? "connected" : "error"}>
        {body}
      </p>
    </ConnectPanel>
  );
}
