import { describe, expect, it } from "vitest";
import { signZoomWebhook } from "@/lib/zoom-emulator";
import { verifyZoomSignature } from "./webhook";

const SECRET = "whsec";
const body = '{"event":"app_deauthorized"}';

describe("verifyZoomSignature", () => {
  const now = 1_800_000_000;
  const headers = (timestamp: number, secret = SECRET, raw = body) => ({
    timestamp: String(timestamp),
    signature: signZoomWebhook(secret, String(timestamp), raw),
  });

  it("accepts what Zoom signs (the emulator's signer)", () => {
    expect(verifyZoomSignature(SECRET, headers(now), body, now)).toBe("ok");
  });

  it("refuses another secret, another body, stale or future timestamps and missing headers", () => {
    expect(verifyZoomSignature(SECRET, headers(now, "other"), body, now)).toBe("bad_signature");
    expect(verifyZoomSignature(SECRET, headers(now), `${body} `, now)).toBe("bad_signature");
    const truncated = { ...headers(now), signature: headers(now).signature.slice(0, -1) };
    expect(verifyZoomSignature(SECRET, truncated, body, now)).toBe("bad_signature");
    expect(verifyZoomSignature(SECRET, headers(now - 301), body, now)).toBe("stale");
    expect(verifyZoomSignature(SECRET, headers(now + 301), body, now)).toBe("stale");
    expect(verifyZoomSignature(SECRET, { timestamp: null, signature: "v0=x" }, body, now)).toBe(
      "missing",
    );
    expect(verifyZoomSignature(SECRET, { timestamp: "12abc", signature: "v0=x" }, body, now)).toBe(
      "missing",
    );
  });
});
