import { Writable } from "node:stream";
import { describe, expect, it } from "vitest";
import { createLogger } from "@/lib/log/logger";
import { nextAuthLogger } from "./next-auth-logger";

function capture() {
  const lines: Record<string, unknown>[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(JSON.parse(chunk.toString()) as Record<string, unknown>);
      done();
    },
  });
  const logger = createLogger(stream);
  return { log: nextAuthLogger(() => logger), lines };
}

describe("nextAuthLogger", () => {
  it("logs an unreadable session cookie as one warn line with the code, class and message, no stack", () => {
    const { log, lines } = capture();
    // As jose throws it for a cookie sealed with another secret.
    const refused = Object.assign(new Error("decryption operation failed"), {
      name: "JWEDecryptionFailed",
      code: "ERR_JWE_DECRYPTION_FAILED",
    });
    log.error("JWT_SESSION_ERROR", refused);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({
      level: "warn",
      nextAuthCode: "JWT_SESSION_ERROR",
      error: { class: "JWEDecryptionFailed", message: "decryption operation failed" },
    });
    expect(JSON.stringify(lines[0])).not.toContain("stack");
  });

  it("names a nameless jose error (minified in the production build) by its code", () => {
    const { log, lines } = capture();
    const refused = Object.assign(new Error("Invalid Compact JWE"), {
      name: "",
      code: "ERR_JWE_INVALID",
    });
    log.error("JWT_SESSION_ERROR", refused);
    expect(lines[0]).toMatchObject({
      level: "warn",
      error: { class: "ERR_JWE_INVALID", message: "Invalid Compact JWE" },
    });
  });

  it("keeps a real error's details, with token-like runs masked, and nothing next-auth attached", () => {
    const { log, lines } = capture();
    const cookie = "eyJhbGciOiJkaXIiLCJlbmMiOiJBMjU2R0NNIn0abcdefghijklmnop";
    const err = new TypeError(`session callback failed for ${cookie}`);
    log.error("JWT_SESSION_ERROR", err);
    log.error("SIGNOUT_ERROR", { error: new Error("adapter down"), cookie });
    expect(lines[0]).toMatchObject({
      level: "error",
      nextAuthCode: "JWT_SESSION_ERROR",
      error: { class: "TypeError", message: "session callback failed for [redacted]" },
    });
    expect((lines[0]!.error as { stack?: string }).stack).toContain("at ");
    expect(lines[1]).toMatchObject({ level: "error", nextAuthCode: "SIGNOUT_ERROR" });
    expect(JSON.stringify(lines)).not.toContain(cookie);
  });

  it("logs warnings by their code", () => {
    const { log, lines } = capture();
    log.warn("NO_SECRET");
    expect(lines[0]).toMatchObject({
      level: "warn",
      nextAuthCode: "NO_SECRET",
      msg: "next-auth warning",
    });
  });
});
