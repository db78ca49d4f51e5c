import { describe, expect, it } from "vitest";
import { callerIdOf, parseMintOptions, sanitizeCallerId } from "./bot-query";

const query = (q: string) => new URLSearchParams(q);

describe("parseMintOptions", () => {
  it("reads meeting_id or meeting_number, stripping spaces and dashes", () => {
    expect(parseMintOptions("obf", query("meeting_id=812 3456-7890"))).toEqual({
      ok: true,
      options: { meetingId: "81234567890" },
    });
    expect(
      parseMintOptions("obf", query("meeting_number=123456789&bot_id=b&extra=%7B%7D")),
    ).toEqual({ ok: true, options: { meetingId: "123456789" } });
    expect(parseMintOptions("obf", query("meeting_id="))).toEqual({ ok: true, options: {} });
  });

  it("refuses meeting ids that are not 9 to 12 digits", () => {
    for (const bad of ["12345678", "1234567890123", "8123456789a", "81234567890;x"])
      expect(parseMintOptions("obf", query(`meeting_id=${encodeURIComponent(bad)}`))).toEqual({
        ok: false,
        message: "meeting_id must be 9 to 12 digits",
      });
  });

  it("requires a meeting for join tokens and reads bypass_waiting_room", () => {
    expect(parseMintOptions("join_token", query(""))).toEqual({
      ok: false,
      message: "meeting_id is required",
    });
    expect(
      parseMintOptions("join_token", query("meeting_id=81234567890&bypass_waiting_room=true")),
    ).toEqual({ ok: true, options: { meetingId: "81234567890", bypassWaitingRoom: true } });
    expect(parseMintOptions("join_token", query("meeting_id=81234567890"))).toMatchObject({
      options: { bypassWaitingRoom: false },
    });
    expect(
      parseMintOptions("join_token", query("meeting_id=81234567890&bypass_waiting_room=maybe")),
    ).toMatchObject({ ok: false });
  });

  it("ignores meeting parameters for kinds that take none", () => {
    expect(parseMintOptions("zak", query("meeting_id=nonsense"))).toEqual({
      ok: true,
      options: {},
    });
    expect(parseMintOptions("access_token", query("meeting_id=x"))).toEqual({
      ok: true,
      options: {},
    });
  });
});

describe("callerIdOf", () => {
  it("prefers Recall's webhook-id, then svix-id, then bot_id and bot_uuid", () => {
    const headers = new Headers({ "webhook-id": " msg_2abc ", "svix-id": "svix_1" });
    expect(callerIdOf(headers, query("bot_id=b1"))).toBe("msg_2abc");
    expect(callerIdOf(new Headers({ "svix-id": "svix_1" }), query("bot_id=b1"))).toBe("svix_1");
    expect(callerIdOf(new Headers(), query("bot_id=b1&bot_uuid=u1"))).toBe("b1");
    expect(callerIdOf(new Headers(), query("bot_uuid=0b4e-11:ab.c"))).toBe("0b4e-11:ab.c");
    expect(callerIdOf(new Headers(), query("token=zak_secret"))).toBeNull();
  });

  it("keeps nothing but at most 200 safe characters", () => {
    expect(sanitizeCallerId("a".repeat(200))).toBe("a".repeat(200));
    expect(sanitizeCallerId("a".repeat(201))).toBeNull();
    expect(sanitizeCallerId("bot id")).toBeNull();
    expect(sanitizeCallerId("x<script>")).toBeNull();
    expect(sanitizeCallerId(42)).toBeNull();
    expect(sanitizeCallerId("   ")).toBeNull();
  });
});
