import { AVATAR_CHOICES, avatarPath, resolvePic } from "./avatars";
import { type Core } from "./core";
import { randomDigits, zoomId } from "./ids";
import { type EmulatorUser } from "./types";

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

function pictureFrom(form: URLSearchParams): string | { error: string } {
  const url = form.get("pic_url")?.trim();
  if (url)
    return /^https?:\/\/\S+$/i.test(url)
      ? url
      : { error: "The picture URL must be an http(s) URL." };
  const avatar = form.get("avatar") ?? AVATAR_CHOICES[0];
  return avatarPath(AVATAR_CHOICES.find((a) => a === avatar) ?? AVATAR_CHOICES[0]);
}

/** The user chosen on the consent form: an existing one (user_id), or found/created by email. */
export function resolveConsentUser(
  core: Core,
  form: URLSearchParams,
): EmulatorUser | { error: string } {
  const { state } = core;
  const userId = form.get("user_id");
  if (userId && userId !== "new") return state.users.get(userId) ?? { error: "Unknown user." };
  const email = (form.get("email") ?? "").trim().toLowerCase();
  if (!EMAIL.test(email)) return { error: "Enter a valid email address." };
  const existing = state.findUser(email);
  if (existing) return existing;
  const pic = pictureFrom(form);
  if (typeof pic !== "string") return pic;
  const displayName =
    (form.get("display_name") ?? "").trim().slice(0, 128) || (email.split("@")[0] ?? email);
  const user = newUser({ email, displayName, pic }, core.clock.now());
  state.users.set(user.id, user);
  return user;
}

/** A Zoom user as the consent form creates it; ids are random unless given. */
export function newUser(
  fields: Pick<EmulatorUser, "email" | "displayName" | "pic">,
  now: number,
  ids: Pick<EmulatorUser, "id" | "accountId"> = { id: zoomId(), accountId: zoomId() },
): EmulatorUser {
  return {
    ...ids,
    ...fields,
    accountNumber: randomDigits(8),
    pmi: randomDigits(10),
    createdAt: now,
    lastLoginAt: now,
  };
}

/** Zoom's format: ISO 8601 without milliseconds. */
function zoomTime(ms: number): string {
  return new Date(ms).toISOString().replace(/\.\d{3}Z$/, "Z");
}

/** GET /v2/users/me body, with Zoom's field names. */
export function userProfile(user: EmulatorUser, base: string): Record<string, unknown> {
  const [first = "", ...rest] = user.displayName.split(" ");
  return {
    id: user.id,
    first_name: first,
    last_name: rest.join(" "),
    display_name: user.displayName,
    email: user.email,
    type: 2,
    role_name: "Owner",
    pmi: user.pmi,
    use_pmi: false,
    personal_meeting_url: `https://zoom.us/j/${user.pmi}`,
    timezone: "America/New_York",
    verified: 1,
    dept: "",
    created_at: zoomTime(user.createdAt),
    user_created_at: zoomTime(user.createdAt),
    last_login_time: zoomTime(user.lastLoginAt),
    last_client_version: "6.4.0.56020(mac)",
    pic_url: resolvePic(user.pic, base),
    language: "en-US",
    phone_number: "",
    status: "active",
    role_id: "0",
    account_id: user.accountId,
    account_number: user.accountNumber,
    cluster: "us06",
    login_types: [100],
    jid: `${user.id.toLowerCase()}@xmpp.zoom.us`,
    group_ids: [],
    im_group_ids: [],
  };
}
