import type { SigningPlatform } from "@/lib/views/signing";

/** How each bot platform's signing secret is named and where the customer finds it (zoom-facts §9–10). */
export const SIGNING_PLATFORMS: Record<
  SigningPlatform,
  {
    name: string;
    secretName: string;
    hint: string;
    requireKey: "requireRecallSignature" | "requireAttendeeSignature";
  }
> = {
  recall: {
    name: "Recall.ai",
    secretName: "Recall verification secret",
    hint: "Your Recall workspace's verification secret; it starts with whsec_.",
    requireKey: "requireRecallSignature",
  },
  attendee: {
    name: "Attendee",
    secretName: "Attendee webhook secret",
    hint: "Your Attendee project's webhook secret, as the Attendee dashboard shows it.",
    requireKey: "requireAttendeeSignature",
  },
};

export const SIGNING_PLATFORM_IDS = [
  "recall",
  "attendee",
] as const satisfies readonly SigningPlatform[];
