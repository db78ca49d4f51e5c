import { describe, expect, it } from "vitest";
import { refuseHostileRequest, refuseNonFormAuthPost } from "./hostile-request";

const statusOf = (method: string, url: string, length: string | null = null) =>
  refuseHostileRequest(method, `http://app.test${url}`, length)?.status ?? "ok";

describe("refuseHostileRequest", () => {
  it("lets ordinary requests through", () => {
    for (const url of [
      "/api/zak/acme?token=zak_abc&bot_id=1",
      "/api/obf/acme?meeting_id=123+456+789",
      "/tenants/acme",
      "/sign-in?callbackUrl=%2Ftenants%2F%C3%A9",
      "/",
    ])
      expect(statusOf("GET", url), url).toBe("ok");
    expect(statusOf("POST", "/api/signup", "200")).toBe("ok");
  });

  it("refuses malformed percent-encoding and control characters in the path and the query", () => {
    for (const url of [
      "/api/zak/%ZZ",
      "/api/zak/%C3%28",
      "/api/tenants/%FF%FE",
      "/api/zak/a%00b",
      "/api/tenants/x/members/%1F",
      "/api/zak/acme?token=%ZZ",
      "/api/zak/acme?token=%00",
      "/sign-in?callbackUrl=%7F",
    ])
      expect(statusOf("GET", url), url).toBe(400);
  });

  it("refuses over-long URLs, path segments and query values with 414", () => {
    expect(statusOf("GET", `/api/zak/${"a".repeat(257)}`)).toBe(414);
    expect(statusOf("GET", `/api/zak/acme?token=${"a".repeat(2100)}`)).toBe(414);
    expect(statusOf("GET", `/api/zak/acme?${"a=b&".repeat(1100)}`)).toBe(414);
  });

  it("refuses methods no route answers, with Allow", () => {
    const refusal = refuseHostileRequest("TRACE", "http://app.test/api/zak/acme", null);
    expect(refusal).toMatchObject({ status: 405, code: "method_not_allowed" });
    expect(refusal?.headers?.allow).toContain("GET");
    expect(statusOf("PROPFIND", "/")).toBe(405);
  });

  it("refuses bodies declared larger than any route accepts", () => {
    expect(statusOf("POST", "/api/zoom/webhook", String(100 * 1024 * 1024))).toBe(413);
  });
});

describe("refuseNonFormAuthPost", () => {
  it("wants forms on next-auth's POST routes only", () => {
    const form = "application/x-www-form-urlencoded; charset=UTF-8";
    expect(refuseNonFormAuthPost("POST", "/api/auth/callback/credentials", form)).toBeNull();
    expect(refuseNonFormAuthPost("GET", "/api/auth/csrf", null)).toBeNull();
    expect(refuseNonFormAuthPost("POST", "/api/signup", "application/json")).toBeNull();
    for (const type of ["application/json", "text/plain", "multipart/form-data; boundary=x", null])
      expect(refuseNonFormAuthPost("POST", "/api/auth/signout", type)?.status, String(type)).toBe(
        415,
      );
  });
});
