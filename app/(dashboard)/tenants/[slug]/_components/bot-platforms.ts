// What each bot platform asks for, in its own dialect (zoom-facts §9–10): which field takes which of
// a token URL's addresses, and a bot-creation request to copy. Pure, so it is unit-tested.
import { TOKEN_KINDS, type TokenKind } from "@/lib/zak/kinds";

/** The addresses one URL secret gives: one per kind it allows, and Attendee's combined one. */
export interface TokenUrls {
  byKind: Partial<Record<TokenKind, string>>;
  attendee: string | null;
}

export const TOKEN_PLACEHOLDER = "<token>";

const KIND_PATHS: Record<TokenKind, string> = {
  zak: "zak",
  obf: "obf",
  join_token: "join-token",
  access_token: "access-token",
};

/** Every address with `<token>` where the secret goes, for the examples before a URL is picked. */
export function placeholderUrls(appUrl: string, slug: string): TokenUrls {
  const url = (path: string) => `${appUrl}/api/${path}/${slug}?token=${TOKEN_PLACEHOLDER}`;
  const byKind: Partial<Record<TokenKind, string>> = {};
  for (const kind of TOKEN_KINDS) byKind[kind] = url(KIND_PATHS[kind]);
  return { byKind, attendee: url("attendee") };
}

/** The meeting the examples send a bot to. */
export const EXAMPLE_MEETING_ID = "85012345678";
const MEETING_URL = `https://zoom.us/j/${EXAMPLE_MEETING_ID}`;

export type PlatformId = "recall" | "attendee" | "meeting_baas";

export interface PlatformGuide {
  /** The bot-creation field (dotted path) and the exact URL to paste into it. */
  fields: { field: string; url: string }[];
  /** A bot-creation request with those fields, as a shell command. */
  example: string;
}

function curl(endpoint: string, authHeader: string, body: object): string {
  return [
    `curl -X POST ${endpoint} \\`,
    `  -H "${authHeader}" \\`,
    `  -H "Content-Type: application/json" \\`,
    `  -d '${JSON.stringify(body, null, 2)}'`,
  ].join("\n");
}

const withMeetingId = (url: string) => `${url}&meeting_id=${EXAMPLE_MEETING_ID}`;

/** Recall GETs each URL right before joining and wants the token as plain text (§9, §4, §5). */
function recall({ byKind }: TokenUrls): PlatformGuide | null {
  const zoom: Record<string, string> = {};
  if (byKind.zak) zoom.zak_url = byKind.zak;
  // Recall's own sample puts the meeting on the OBF URL; our join-token URL requires it.
  if (byKind.obf) zoom.obf_token_url = withMeetingId(byKind.obf);
  if (byKind.join_token) zoom.join_token_url = withMeetingId(byKind.join_token);
  const fields = Object.entries(zoom).map(([key, url]) => ({ field: `zoom.${key}`, url }));
  if (fields.length === 0) return null;
  return {
    fields,
    example: curl(
      "https://us-east-1.recall.ai/api/v1/bot/",
      "Authorization: Token $RECALL_API_KEY",
      {
        meeting_url: MEETING_URL,
        zoom,
      },
    ),
  };
}

/** Attendee POSTs once before joining and takes every token it needs from one JSON answer (§10). */
function attendee({ attendee: url }: TokenUrls): PlatformGuide | null {
  if (!url) return null;
  return {
    fields: [{ field: "callback_settings.zoom_tokens_url", url }],
    example: curl(
      "https://app.attendee.dev/api/v1/bots",
      "Authorization: Token $ATTENDEE_API_KEY",
      {
        meeting_url: MEETING_URL,
        bot_name: "Notetaker",
        callback_settings: { zoom_tokens_url: url },
      },
    ),
  };
}

/** Meeting BaaS (v2) GETs the OBF URL with its own bot_id and extra appended (§10). */
function meetingBaas({ byKind }: TokenUrls): PlatformGuide | null {
  if (!byKind.obf) return null;
  return {
    fields: [{ field: "zoom_config.obf_token_url", url: byKind.obf }],
    example: curl(
      "https://api.meetingbaas.com/v2/bots",
      "x-meeting-baas-api-key: $MEETING_BAAS_API_KEY",
      {
        bot_name: "Notetaker",
        meeting_url: MEETING_URL,
        zoom_config: { obf_token_url: byKind.obf },
      },
    ),
  };
}

/** The guide for `platform`, or null when the URL allows none of the kinds the platform asks for. */
export const PLATFORM_GUIDES: Record<PlatformId, (urls: TokenUrls) => PlatformGuide | null> = {
  recall,
  attendee,
  meeting_baas: meetingBaas,
};
