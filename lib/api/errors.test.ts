import { describe, expect, it, vi } from "vitest";
import { z } from "zod";
import { ApiError, toErrorResponse } from "./errors";

// The shape drizzle gives a failed query: the driver's error, with its SQLSTATE, is the cause.
function failedQuery(sqlState: string) {
  return new Error("Failed query: select ... params: zak_secret", { cause: { code: sqlState } });
}

describe("toErrorResponse", () => {
  it("answers lock contention (deadlock, lock timeout, serialization) with 503 and Retry-After", async () => {
    for (const state of ["40P01", "55P03", "40001"]) {
      const res = toErrorResponse(failedQuery(state));
      expect(res.status).toBe(503);
      expect(res.headers.get("retry-after")).toBe("1");
      expect((await res.json()).error.code).toBe("busy");
    }
  });

  it("masks other errors as 500 and logs neither the message nor its parameters", async () => {
    const log = vi.spyOn(console, "error").mockImplementation(() => {});
    const res = toErrorResponse(failedQuery("23503"));
    expect(res.status).toBe(500);
    expect(await res.text()).not.toContain("zak_secret");
    expect(log.mock.calls.flat().join(" ")).not.toContain("zak_secret");
    expect(log.mock.calls.flat().join(" ")).toContain("23503");
    log.mockRestore();
  });

  it("keeps ApiError and zod errors precise", async () => {
    expect(toErrorResponse(new ApiError("conflict", "Slug in use")).status).toBe(409);
    const parsed = z.object({ name: z.string() }).safeParse({});
    const res = toErrorResponse(parsed.error);
    expect(res.status).toBe(400);
    expect((await res.json()).error.message).toMatch(/^name:/);
  });
});
