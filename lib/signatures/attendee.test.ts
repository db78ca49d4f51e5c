import { createHmac } from "node:crypto";
import { describe, expect, it } from "vitest";
import { signAttendeePayload, verifyAttendeeSignature } from "./attendee";
import { signingKeyBytes } from "./secrets";

// What Attendee puts on the wire (Python's default json.dumps) and the signature it sends, computed
// in Python: base64(hmac(b64decode(secret), json.dumps(payload, sort_keys=True,
// separators=(",", ":"), ensure_ascii=False).encode(), sha256)).
const SECRET = "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=";
const WIRE = String.raw`{"callback_type": "zoom_tokens", "bot_id": "bot_3hfP0PXEsNinIZmh", "meeting_url": "https://us02web.zoom.us/j/85944444444?pwd=abc", "bot_metadata": {"customer": "Jos\u00e9 M\u00fcller", "tags": ["\u00fcn\u00ef", "\u65e5\u672c", {"z": 1, "a": [1.0, 2.5e-07, 1e+16, -0.0, 12345678901234567890]}], "quote": "say \"hi\"\\ok\n\t\u0001", "emoji": "\ud83d\ude00"}}`;
const SIGNATURE = "AOvPcJYAuSvHKYIzx9o4Y/BD2C/LzbWIrZzv5OuStGY=";

describe("Attendee signatures", () => {
  const key = signingKeyBytes("attendee", SECRET)!;

  it("matches the signature Attendee computes over the canonical payload", () => {
    expect(signAttendeePayload(key, WIRE)).toBe(SIGNATURE);
    expect(verifyAttendeeSignature(WIRE, SIGNATURE, [key])).toBe(true);
  });

  it("accepts any of several keys, refuses a changed body, a wrong key or a wrong signature", () => {
    const other = signingKeyBytes("attendee", Buffer.alloc(32, 7).toString("base64"))!;
    expect(verifyAttendeeSignature(WIRE, SIGNATURE, [other, key])).toBe(true);
    expect(
      verifyAttendeeSignature(WIRE.replace("M\\u00fcller", "M\\u00fcllex"), SIGNATURE, [key]),
    ).toBe(false);
    expect(verifyAttendeeSignature(WIRE, SIGNATURE, [other])).toBe(false);
    expect(verifyAttendeeSignature(WIRE, SIGNATURE.replace("A", "B"), [key])).toBe(false);
  });

  it("does not sign the raw body", () => {
    const rawBodySignature = createHmac("sha256", key).update(WIRE).digest("base64");
    expect(verifyAttendeeSignature(WIRE, rawBodySignature, [key])).toBe(false);
  });
});
