import { z } from "zod";
import { ApiError, describeZodError } from "@/lib/api/errors";
import { parseJsonText } from "@/lib/api/request";
import { checkAttendeeSignature } from "@/lib/signatures/attendee";
import type { Vault } from "@/lib/vault/types";
import type { TokenKind } from "@/lib/zak/kinds";
import { sanitizeCallerId } from "@/lib/zak/bot-query";
import type { MintResult, Outcome } from "@/lib/zak/mint";
import { audit, refuse, tokenFor, type Requester } from "@/lib/zak/serve";
import { checkUrlSecret } from "@/lib/zak/url-access";
import { meetingIdFromUrl } from "./meeting-url";

/** Attendee posts a small JSON object; anything near this size is not Attendee. */
export const MAX_CALLBACK_BYTES = 64 * 1024;

// The answer fields Attendee reads, per token kind (zoom-facts §10).
const FIELDS = { zak: "zak_token", obf: "onbehalf_token", join_token: "join_token" } as const;
type AttendeeKind = keyof typeof FIELDS;
type Field = (typeof FIELDS)[AttendeeKind];
const ATTENDEE_KINDS = Object.keys(FIELDS) as AttendeeKind[];
const NEEDS_MEETING: readonly TokenKind[] = ["obf", "join_token"];

/** `POST /api/attendee/:tenant` answers 200 with the tokens it could mint and why the others failed. */
export type AttendeeTokens = Partial<Record<Field, string>> & {
  errors?: Partial<Record<Field, string>>;
};

export interface AttendeeResult {
  status: number;
  outcome: Outcome;
  body: AttendeeTokens | { error: { code: Outcome; message: string } };
  retryAfterSeconds?: number;
}

const callbackSchema = z.object({
  bot_id: z.string().min(1),
  bot_metadata: z.unknown().optional(),
  callback_type: z.literal("zoom_tokens", { error: "must be zoom_tokens" }),
  meeting_url: z.string(),
});

export interface AttendeeCallback {
  slug: string;
  secret: string | null;
  clientIp: string | null;
  headers: Headers;
  /** The raw body: Attendee's signature is checked against its canonical form. */
  body: string;
}

/**
 * Attendee's `zoom_tokens_url` callback: the URL secret, then Attendee's signature, then every kind
 * the secret allows among ZAK, OBF and join token, minted for the meeting of `meeting_url`. Attendee
 * joins with no token at all when the answer is not a 2xx, so a partial answer is still a 200.
 */
export async function serveAttendeeCallback(
  vault: Vault,
  req: AttendeeCallback,
): Promise<AttendeeResult> {
  const started = performance.now();
  // Refusals before any kind is known are recorded as ZAK requests, Attendee's main token.
  const checked = await checkUrlSecret(vault, req);
  const anonymous: Requester = { clientIp: req.clientIp, callerId: null };
  if ("refused" in checked)
    return failure(await refuse(vault, req.slug, "zak", anonymous, checked, started));
  const { access } = checked;

  const json = parseJsonText(req.body);
  if ((await checkAttendeeSignature(vault, access, req.headers, req.body)) === "refused") {
    const refused: MintResult = {
      status: 401,
      outcome: "bad_signature",
      body: "Missing or invalid Attendee signature",
    };
    await audit(vault, { kind: "zak", ...anonymous }, access, refused, started);
    return failure(refused);
  }
  const parsed = callbackSchema.safeParse(json);
  if (!parsed.success) throw new ApiError("bad_request", describeZodError(parsed.error));

  const kinds = ATTENDEE_KINDS.filter((kind) => access.kinds.includes(kind));
  if (kinds.length === 0)
    throw new ApiError("forbidden", "This URL may not fetch a ZAK, OBF token or join token");
  const meetingId = meetingIdFromUrl(parsed.data.meeting_url);
  // With a ZAK among the kinds, a link without a meeting id still gets the ZAK (and the reason for
  // the others); zak comes first, so it is the failure reported when nothing could be minted.
  if (!meetingId && kinds.every((kind) => NEEDS_MEETING.includes(kind)))
    throw new ApiError("bad_request", "meeting_url names no Zoom meeting");
  const callerId = sanitizeCallerId(parsed.data.bot_id);

  const results = await Promise.all(
    kinds.map(async (kind): Promise<[AttendeeKind, MintResult]> => {
      if (NEEDS_MEETING.includes(kind) && !meetingId)
        return [
          kind,
          { status: 400, outcome: "zoom_error", body: "meeting_url names no Zoom meeting" },
        ];
      const result = await tokenFor(vault, access, kind, {
        ok: true,
        // bypass_waiting_room as Attendee does when it mints join tokens itself.
        options: { meetingId: meetingId ?? undefined, bypassWaitingRoom: true },
      });
      await audit(vault, { kind, clientIp: req.clientIp, callerId }, access, result, started);
      return [kind, result];
    }),
  );
  return answer(results);
}

/** 200 with every token minted and the reasons for the others; the first failure when none was. */
function answer(results: [AttendeeKind, MintResult][]): AttendeeResult {
  const tokens: AttendeeTokens = {};
  const errors: Partial<Record<Field, string>> = {};
  for (const [kind, result] of results) {
    if (result.status === 200) tokens[FIELDS[kind]] = result.body;
    else errors[FIELDS[kind]] = result.body;
  }
  const firstFailure = results.find(([, result]) => result.status !== 200);
  if (!firstFailure) return { status: 200, outcome: "served", body: tokens };
  if (Object.keys(tokens).length > 0)
    return { status: 200, outcome: "served", body: { ...tokens, errors } };
  return failure(firstFailure[1]);
}

function failure(result: MintResult): AttendeeResult {
  return {
    status: result.status,
    outcome: result.outcome,
    body: { error: { code: result.outcome, message: result.body } },
    retryAfterSeconds: result.retryAfterSeconds,
  };
}
