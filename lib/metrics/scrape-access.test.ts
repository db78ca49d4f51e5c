import { describe, expect, it } from "vitest";
import { scrapeAccess } from "./scrape-access";

const TOKEN = "metrics-token-0123456789";

describe("scrapeAccess", () => {
  it("keeps the endpoint off without a configured token, whatever is presented", () => {
    expect(scrapeAccess(null, null)).toBe("disabled");
    expect(scrapeAccess(null, `Bearer ${TOKEN}`)).toBe("disabled");
  });

  it("grants only the exact Bearer token", () => {
    expect(scrapeAccess(TOKEN, `Bearer ${TOKEN}`)).toBe("granted");
    expect(scrapeAccess(TOKEN, `bearer ${TOKEN}`)).toBe("granted");
    for (const header of [
      null,
      "",
      TOKEN,
      `Basic ${TOKEN}`,
      `Bearer ${TOKEN}x`,
      `Bearer ${TOKEN.slice(0, -1)}`,
      "Bearer ",
    ]) {
      expect(scrapeAccess(TOKEN, header), String(header)).toBe("denied");
    }
  });
});
