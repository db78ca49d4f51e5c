import { describe, expect, it } from "vitest";
import { isAllowedReturnUrl, normalizeReturnUrlEntry, returnUrlWithOutcome } from "./return-url";

describe("return URL allow-list", () => {
  it("stores entries as origin + path, https only (http on loopback), no query or credentials", () => {
    expect(normalizeReturnUrlEntry(" https://App.Example.com ")).toEqual({
      entry: "https://app.example.com/",
    });
    expect(normalizeReturnUrlEntry("https://app.example.com/a/b/../c")).toEqual({
      entry: "https://app.example.com/a/c",
    });
    expect(normalizeReturnUrlEntry("http://localhost:3000/cb")).toEqual({
      entry: "http://localhost:3000/cb",
    });
    for (const refused of [
      "app.example.com",
      "http://app.example.com/",
      "javascript:alert(1)",
      "https://user:pw@app.example.com/",
      "https://app.example.com/?next=x",
      "https://app.example.com/#x",
    ])
      expect(normalizeReturnUrlEntry(refused), refused).toHaveProperty("error");
  });

  it("matches the exact origin and a path under the entry's, at a segment boundary", () => {
    const entries = ["https://app.example.com/connect", "https://other.example.com/"];
    for (const allowed of [
      "https://app.example.com/connect",
      "https://app.example.com/connect/done?user=1",
      "https://other.example.com/anything",
    ])
      expect(isAllowedReturnUrl(allowed, entries), allowed).toBe(true);
    for (const refused of [
      "https://app.example.com/connected",
      "https://app.example.com/connect/../admin",
      "https://app.example.com:8443/connect",
      "http://app.example.com/connect",
      "https://app.example.com.evil.test/connect",
      "https://user@app.example.com/connect",
      "https://evil.test/?https://app.example.com/connect",
      "not a url",
    ])
      expect(isAllowedReturnUrl(refused, entries), refused).toBe(false);
    expect(isAllowedReturnUrl("https://app.example.com/connect", [])).toBe(false);
  });

  it("appends the outcome and the link id, keeping the customer's own query", () => {
    const ok = returnUrlWithOutcome("https://app.example.com/cb?user=7", {
      linkId: "L",
      error: null,
    });
    expect(ok.toString()).toBe(
      "https://app.example.com/cb?user=7&status=connected&connect_link_id=L",
    );
    const failed = returnUrlWithOutcome("https://app.example.com/cb", {
      linkId: "L",
      error: "access_denied",
    });
    expect(Object.fromEntries(failed.searchParams)).toEqual({
      status: "error",
      error: "access_denied",
      connect_link_id: "L",
    });
  });
});
