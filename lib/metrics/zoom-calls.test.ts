import { describe, expect, it } from "vitest";
import { getMetrics } from "./registry";
import { countZoomCalls, zoomEndpointOf } from "./zoom-calls";

describe("zoomEndpointOf", () => {
  it("names the endpoint without ids, query strings or the emulator's mount path", () => {
    expect(zoomEndpointOf("https://api.zoom.us/v2/users/me/token?type=zak")).toBe(
      "/v2/users/me/token",
    );
    expect(zoomEndpointOf("https://api.zoom.us/v2/users/me")).toBe("/v2/users/me");
    expect(zoomEndpointOf("http://localhost:3000/zoom-emulator/oauth/token")).toBe("/oauth/token");
    expect(zoomEndpointOf("https://api.zoom.us/v2/users/abc123/meetings")).toBe("other");
    expect(
      zoomEndpointOf("https://api.zoom.us/v2/meetings/81234567890/jointoken/local_recording?x=1"),
    ).toBe("/v2/meetings/:id/jointoken/local_recording");
  });
});

describe("countZoomCalls", () => {
  const counted = async (endpoint: string, status: string) =>
    (await getMetrics().zoomCalls.get()).values.find(
      (v) => v.labels.endpoint === endpoint && v.labels.status === status,
    )?.value ?? 0;

  it("counts answers by status and failures as network errors", async () => {
    const before = await counted("/oauth/revoke", "200");
    const ok = countZoomCalls(() => Promise.resolve(new Response("{}", { status: 200 })));
    await ok("https://zoom.us/oauth/revoke", {});
    expect(await counted("/oauth/revoke", "200")).toBe(before + 1);

    const failed = countZoomCalls(() => Promise.reject(new TypeError("fetch failed")));
    const errorsBefore = await counted("/oauth/revoke", "network_error");
    await expect(failed("https://zoom.us/oauth/revoke", {})).rejects.toThrow("fetch failed");
    expect(await counted("/oauth/revoke", "network_error")).toBe(errorsBefore + 1);
  });
});
