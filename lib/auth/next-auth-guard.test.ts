import { describe, expect, it } from "vitest";
import { refuseWhatNextAuthCannotAnswer } from "./next-auth-guard";

const status = (path: string, init: RequestInit = {}) =>
  refuseWhatNextAuthCannotAnswer(new Request(`http://app.test${path}`, init))?.status ?? "ok";

describe("refuseWhatNextAuthCannotAnswer", () => {
  it("leaves next-auth's ordinary requests alone", () => {
    expect(status("/api/auth/csrf")).toBe("ok");
    expect(status("/api/auth/signin?callbackUrl=%2Ftenants")).toBe("ok");
    expect(status("/api/auth/signin?callbackUrl=http%3A%2F%2Fapp.test%2Ftenants")).toBe("ok");
    expect(status("/api/auth/callback/credentials", { method: "POST" })).toBe("ok");
  });

  it("refuses a GET to the credentials callback and callback URLs next-auth would answer with 500", () => {
    expect(status("/api/auth/callback/credentials")).toBe(405);
    expect(status("/api/auth/signin?callbackUrl=-")).toBe(400);
    expect(status("/api/auth/session?callbackUrl=javascript%3Aalert(1)")).toBe(400);
    // Repeated: next-auth takes the last value, so an empty first one must not hide it.
    expect(status("/api/auth/signout?callbackUrl=&callbackUrl=%20-%20")).toBe(400);
    expect(
      status("/api/auth/session", { headers: { cookie: "a=1; next-auth.callback-url=%ZZ" } }),
    ).toBe(400);
    expect(
      status("/api/auth/session", { headers: { cookie: "next-auth.callback-url=not-a-url" } }),
    ).toBe(400);
  });

  it("refuses the client log route, so no browser writes the server's log lines", () => {
    expect(status("/api/auth/_log", { method: "POST" })).toBe(404);
  });
});
