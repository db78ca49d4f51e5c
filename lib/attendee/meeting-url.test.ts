import { describe, expect, it } from "vitest";
import { meetingIdFromUrl } from "./meeting-url";

describe("meetingIdFromUrl", () => {
  it("reads the meeting id of Zoom's link shapes on any zoom.us or zoomgov.com host", () => {
    const cases: [string, string][] = [
      ["https://us02web.zoom.us/j/85944444444?pwd=abc", "85944444444"],
      ["https://zoom.us/j/123456789", "123456789"],
      ["https://acme.zoom.us/s/1234567890/", "1234567890"],
      ["https://zoom.us/wc/join/85944444444", "85944444444"],
      ["https://app.zoom.us/wc/85944444444/join?fromPWA=1", "85944444444"],
      ["https://agency.zoomgov.com/j/161234567890", "161234567890"],
      ["https://ZOOM.US/j/123456789#success", "123456789"],
    ];
    for (const [url, id] of cases) expect(meetingIdFromUrl(url), url).toBe(id);
  });

  it("refuses other hosts, other paths and ids that are not 9 to 12 digits", () => {
    for (const url of [
      "https://zoom.us.evil.example/j/123456789",
      "https://evilzoom.us/j/123456789",
      "https://zoom.us/my/personal.room",
      "https://zoom.us/j/12345678",
      "https://zoom.us/j/1234567890123",
      "https://zoom.us/j/123456789/extra",
      "ftp://zoom.us/j/123456789",
      "https://meet.google.com/abc-defg-hij",
      "not a url",
    ])
      expect(meetingIdFromUrl(url), url).toBeNull();
  });
});
