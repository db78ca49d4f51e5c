import { describe, expect, it } from "vitest";
import { keepsAnOwner, mayRemoveMember } from "./member-rules";

describe("keepsAnOwner", () => {
  it.each([
    { owners: 1, from: "owner", to: null, keeps: false },
    { owners: 1, from: "owner", to: "admin", keeps: false },
    { owners: 1, from: "owner", to: "member", keeps: false },
    { owners: 1, from: "owner", to: "owner", keeps: true },
    { owners: 2, from: "owner", to: null, keeps: true },
    { owners: 2, from: "owner", to: "member", keeps: true },
    { owners: 1, from: "admin", to: null, keeps: true },
    { owners: 1, from: "member", to: "admin", keeps: true },
  ] as const)("$owners owner(s), $from → $to: $keeps", ({ owners, from, to, keeps }) => {
    expect(keepsAnOwner(owners, from, to)).toBe(keeps);
  });
});

describe("mayRemoveMember", () => {
  it("lets owners remove anyone and everyone leave, but not admins or members remove others", () => {
    expect(mayRemoveMember("owner", false)).toBe(true);
    expect(mayRemoveMember("admin", false)).toBe(false);
    expect(mayRemoveMember("member", false)).toBe(false);
    expect(mayRemoveMember("member", true)).toBe(true);
    expect(mayRemoveMember("admin", true)).toBe(true);
  });
});
