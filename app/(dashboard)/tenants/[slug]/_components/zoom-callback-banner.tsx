"use client";

import { usePathname, useRouter } from "next/navigation";
import { useState } from "react";
import { Banner, type BannerTone } from "@/app/_components/banner";

interface Message {
  tone: BannerTone;
  title: string;
  body: string;
}

const CONNECTED: Message = {
  tone: "success",
  title: "Zoom is connected",
  body: "Your bots now join as the Zoom user shown below. Use the Test card to check it end to end.",
};

const ERRORS: Record<string, Message> = {
  access_denied: {
    tone: "warning",
    title: "You declined at Zoom",
    body: "Nothing was stored. Click Connect Zoom to try again.",
  },
  expired: {
    tone: "warning",
    title: "That connect attempt expired",
    body: "It took too long or the link was already used. Start again with Connect Zoom.",
  },
  state_mismatch: {
    tone: "danger",
    title: "We could not verify that connect attempt",
    body: "It may have been started in another browser or tab. Nothing was stored; start again from this page.",
  },
  zoom_unavailable: {
    tone: "danger",
    title: "Zoom did not answer",
    body: "Nothing changed. Try again in a minute.",
  },
  zoom_error: {
    tone: "danger",
    title: "Zoom refused the request",
    body: "Nothing changed. Try again; if it keeps failing, check the Zoom app configuration (client ID, secret, redirect URL).",
  },
  forbidden: {
    tone: "danger",
    title: "Only owners and admins can connect Zoom",
    body: "Ask an owner or admin of this tenant to connect it.",
  },
};

function messageFor(status: string | undefined, errorCode: string | undefined): Message | null {
  if (errorCode) {
    return (
      ERRORS[errorCode] ?? {
        tone: "danger",
        title: "Connecting Zoom did not work",
        body: "Nothing changed. Try again.",
      }
    );
  }
  return status === "connected" ? CONNECTED : null;
}

/** Explains the outcome of the Zoom consent round trip (`?zoom=connected` or `?zoom_error=<code>`). */
export function ZoomCallbackBanner({ status, errorCode }: { status?: string; errorCode?: string }) {
  const router = useRouter();
  const pathname = usePathname();
  const [dismissed, setDismissed] = useState(false);
  const message = messageFor(status, errorCode);
  if (!message || dismissed) return null;

  function dismiss() {
    setDismissed(true);
    // Drop the query string so a reload does not bring the banner back.
    router.replace(pathname, { scroll: false });
  }

  return (
    <Banner
      tone={message.tone}
      title={message.title}
      role={message.tone === "success" ? "status" : "alert"}
      onDismiss={dismiss}
      testId="zoom-callback-banner"
    >
      {message.body}
    </Banner>
  );
}
