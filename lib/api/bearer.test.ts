import { describe, expect, it } from "vitest";
import { bearerAccess } from "./bearer";

const TOKEN = "operator-secret-0123456789";

describe("bearerAccess", () => {
  it("keeps the endpoint off without a configured token, whatever is presented", () => {
    expect(bearerAccess(null, null)).toBe("disabled");
    expect(bearerAccess(null, `Bearer ${TOKEN}`)).toBe("disabled");
  });

  it("grants only the exact Bearer token", () => {
    expect(bearerAccess(TOKEN, `Bearer ${TOKEN}`)).toBe("granted");
    expect(bearerAccess(TOKEN, `bearer ${TOKEN}`)).toBe("granted");
    for (const header of [
      null,
      "",
      TOKEN,
      `Basic ${TOKEN}`,
      `Bearer ${TOKEN}x`,
      `Bearer ${TOKEN.slice(0, -1)}`,
      "Bearer ",
    ]) {
      expect(bearerAccess(TOKEN, header), String(header)).toBe("denied");
    }
  });
});
