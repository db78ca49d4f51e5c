import { describe, expect, it, vi } from "vitest";
import { getLogger } from "./logger";
import { logUnhandledRequestError } from "./unhandled-error";

describe("logUnhandledRequestError", () => {
  it("logs the class, the masked message, the request id and the path without its query", () => {
    const log = vi.spyOn(getLogger(), "error").mockImplementation(() => {});
    const secret = "zak_abcdefghijklmnopqrstuvwxyz0123456789";
    logUnhandledRequestError(
      new RangeError(`bad input near ${secret}`),
      {
        path: `/tenants/acme?token=${secret}`,
        method: "GET",
        headers: { "x-request-id": "req-0123456789", cookie: "next-auth.session-token=s3cret" },
      },
      { routePath: "/tenants/[slug]", routeType: "render" },
    );
    const [fields, message] = log.mock.calls[0] as unknown as [Record<string, unknown>, string];
    expect(message).toBe("unhandled error");
    expect(fields).toMatchObject({
      requestId: "req-0123456789",
      method: "GET",
      path: "/tenants/acme",
      route: "/tenants/[slug]",
      error: { class: "RangeError", message: "bad input near [redacted]" },
    });
    expect(JSON.stringify(log.mock.calls)).not.toMatch(/zak_abc|s3cret/);
    log.mockRestore();
  });
});
