import { describe, expect, it, vi } from "vitest";
import { z } from "zod";
import { getLogger } from "@/lib/log/logger";
import { ApiError, toErrorResponse } from "./errors";

// The shape drizzle gives a failed query: the driver's error, with its SQLSTATE, is the cause.
type ErrorBody = { error: { code: string; message: string; requestId?: string } };
const bodyOf = async (res: Response) => (await res.json()) as ErrorBody;

function failedQuery(sqlState: string) {
  return new Error("Failed query: select ... params: zak_secret", { cause: { code: sqlState } });
}

describe("toErrorResponse", () => {
  it("answers lock contention (deadlock, lock timeout, serialization) with 503 and Retry-After", async () => {
    for (const state of ["40P01", "55P03", "40001"]) {
      const res = toErrorResponse(failedQuery(state));
      expect(res.status).toBe(503);
      expect(res.headers.get("retry-after")).toBe("1");
      expect((await bodyOf(res)).error.code).toBe("busy");
    }
  });

  it("masks other errors as 500 with the request id, and logs neither the message nor its parameters", async () => {
    const log = vi.spyOn(getLogger(), "error").mockImplementation(() => {});
    const req = new Request("http://app.test/api/tenants?token=zak_secret", {
      headers: { "x-request-id": "req-0123456789" },
    });
    const res = toErrorResponse(failedQuery("23503"), req);
    expect(res.status).toBe(500);
    const body = await res.text();
    expect(body).not.toContain("zak_secret");
    expect(JSON.parse(body)).toEqual({
      error: { code: "internal", message: "Internal error", requestId: "req-0123456789" },
    });
    const logged = JSON.stringify(log.mock.calls);
    expect(logged).not.toContain("zak_secret");
    expect(logged).toContain("23503");
    expect(logged).toContain("req-0123456789");
    expect(logged).toContain("/api/tenants");
    log.mockRestore();
  });

  it("keeps ApiError and zod errors precise", async () => {
    expect(toErrorResponse(new ApiError("conflict", "Slug in use")).status).toBe(409);
    const parsed = z.object({ name: z.string() }).safeParse({});
    const res = toErrorResponse(parsed.error);
    expect(res.status).toBe(400);
    expect((await bodyOf(res)).error.message).toMatch(/^name:/);
  });
});
