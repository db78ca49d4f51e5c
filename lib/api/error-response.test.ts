import { describe, expect, it, vi } from "vitest";
import { getLogger } from "@/lib/log/logger";
import { ZoomUnavailableError } from "@/lib/zoom/errors";
import { toErrorResponse } from "./error-response";
import { ApiError } from "./errors";

// The shape drizzle gives a failed query: the driver's error, with its SQLSTATE, is the cause.
function failedQuery(sqlState: string) {
  return new Error("Failed query: select ... params: zak_secret", { cause: { code: sqlState } });
}

describe("toErrorResponse", () => {
  it("answers with the JSON error body, and Retry-After when trying again helps", async () => {
    const res = toErrorResponse(new ZoomUnavailableError("server_error", 7));
    expect([res.status, res.headers.get("retry-after")]).toEqual([503, "7"]);
    expect(await res.json()).toEqual({
      error: { code: "zoom_unavailable", message: "Zoom is not answering; retry shortly" },
    });
    const busy = toErrorResponse(failedQuery("40P01"));
    expect([busy.status, busy.headers.get("retry-after")]).toEqual([503, "1"]);
    const conflict = toErrorResponse(new ApiError("conflict", "Slug in use"));
    expect([conflict.status, conflict.headers.get("retry-after")]).toEqual([409, null]);
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
});
