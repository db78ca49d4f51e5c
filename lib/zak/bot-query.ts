// What a bot's request says besides its secret: the meeting, the waiting room, and who it is.
// Platforms append parameters of their own (bot_id, bot_uuid, extra…): anything unknown is ignored.
import { z } from "zod";
import type { TokenKind } from "./kinds";
import { KIND_MINTING, type MintOptions } from "./mint";

/** Zoom meeting ids are 9 to 12 digits; people paste them with spaces or dashes ("812 3456 7890"). */
export const meetingIdSchema = z
  .string()
  .transform((raw) => raw.replace(/[\s-]/g, ""))
  .pipe(z.string().regex(/^\d{9,12}$/, "must be 9 to 12 digits"));

const booleanFlag = z.enum(["true", "false", "1", "0"]).transform((v) => v === "true" || v === "1");

/**
 * The mint options a request asks for, or a one-line reason it is malformed. `meeting_id` (Recall) or
 * `meeting_number` (MeetStream) name the meeting; an empty value counts as absent.
 */
export function parseMintOptions(
  kind: TokenKind,
  params: URLSearchParams,
): { ok: true; options: MintOptions } | { ok: false; message: string } {
  const rule = KIND_MINTING[kind].meetingId;
  if (rule === "ignored") return { ok: true, options: {} };
  const raw = [params.get("meeting_id"), params.get("meeting_number")].find((v) => v?.trim());
  const options: MintOptions = {};
  if (raw) {
    const meetingId = meetingIdSchema.safeParse(raw);
    if (!meetingId.success) return { ok: false, message: "meeting_id must be 9 to 12 digits" };
    options.meetingId = meetingId.data;
  } else if (rule === "required") {
    return { ok: false, message: "meeting_id is required" };
  }
  if (kind === "join_token") {
    const bypass = booleanFlag.safeParse(params.get("bypass_waiting_room") ?? "false");
    if (!bypass.success) return { ok: false, message: "bypass_waiting_room must be true or false" };
    options.bypassWaitingRoom = bypass.data;
  }
  return { ok: true, options };
}

const CALLER_ID = /^[A-Za-z0-9_.:-]{1,200}$/;

/** A caller's own id as the audit may keep it: trimmed, at most 200 safe characters, else null. */
export function sanitizeCallerId(value: unknown): string | null {
  if (typeof value !== "string") return null;
  const trimmed = value.trim();
  return CALLER_ID.test(trimmed) ? trimmed : null;
}

/**
 * Who asked, in the caller's own words: Recall's `webhook-id` (or the older `svix-id`) header, else
 * the `bot_id` (Meeting BaaS v2) or `bot_uuid` (v1) parameter. Never a token: the secret travels in
 * `token` or the Authorization header, neither of which is read here.
 */
export function callerIdOf(headers: Headers, params: URLSearchParams): string | null {
  const candidates = [
    headers.get("webhook-id"),
    headers.get("svix-id"),
    params.get("bot_id"),
    params.get("bot_uuid"),
  ];
  const first = candidates.find((value) => value?.trim());
  return sanitizeCallerId(first);
}
