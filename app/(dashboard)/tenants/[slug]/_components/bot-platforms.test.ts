import { describe, expect, it } from "vitest";
import {
  EXAMPLE_MEETING_ID,
  PLATFORM_GUIDES,
  placeholderUrls,
  type TokenUrls,
} from "./bot-platforms";

const APP = "https://broker.example";
const zakOnly: TokenUrls = { byKind: { zak: `${APP}/api/zak/acme?token=zak_1` }, attendee: null };
const all = placeholderUrls(APP, "acme");

/** The JSON body of a generated curl command. */
function body(example: string): unknown {
  return JSON.parse(/-d '([\s\S]*)'$/.exec(example)![1]!);
}

describe("placeholderUrls", () => {
  it("gives each kind its route and Attendee its own, with <token> for the secret", () => {
    expect(all).toEqual({
      byKind: {
        zak: `${APP}/api/zak/acme?token=<token>`,
        obf: `${APP}/api/obf/acme?token=<token>`,
        join_token: `${APP}/api/join-token/acme?token=<token>`,
        access_token: `${APP}/api/access-token/acme?token=<token>`,
      },
      attendee: `${APP}/api/attendee/acme?token=<token>`,
    });
  });
});

describe("PLATFORM_GUIDES", () => {
  it("Recall: zoom.zak_url as is, the OBF and join-token URLs with the meeting id appended", () => {
    const guide = PLATFORM_GUIDES.recall(all)!;
    expect(guide.fields.map((f) => f.field)).toEqual([
      "zoom.zak_url",
      "zoom.obf_token_url",
      "zoom.join_token_url",
    ]);
    expect(body(guide.example)).toEqual({
      meeting_url: `https://zoom.us/j/${EXAMPLE_MEETING_ID}`,
      zoom: {
        zak_url: all.byKind.zak,
        obf_token_url: `${all.byKind.obf}&meeting_id=${EXAMPLE_MEETING_ID}`,
        join_token_url: `${all.byKind.join_token}&meeting_id=${EXAMPLE_MEETING_ID}`,
      },
    });
    expect(guide.example).toMatch(/^curl -X POST https:\/\/us-east-1\.recall\.ai\/api\/v1\/bot\/ /);
  });

  it("Recall with a ZAK-only URL: only zoom.zak_url", () => {
    expect(body(PLATFORM_GUIDES.recall(zakOnly)!.example)).toMatchObject({
      zoom: { zak_url: zakOnly.byKind.zak },
    });
    expect(PLATFORM_GUIDES.recall(zakOnly)!.fields).toHaveLength(1);
  });

  it("Attendee: callback_settings.zoom_tokens_url is the Attendee URL", () => {
    const guide = PLATFORM_GUIDES.attendee(all)!;
    expect(guide.fields).toEqual([
      { field: "callback_settings.zoom_tokens_url", url: all.attendee },
    ]);
    expect(body(guide.example)).toMatchObject({
      callback_settings: { zoom_tokens_url: all.attendee },
    });
  });

  it("Meeting BaaS: zoom_config.obf_token_url is the OBF URL", () => {
    const guide = PLATFORM_GUIDES.meeting_baas(all)!;
    expect(guide.fields).toEqual([{ field: "zoom_config.obf_token_url", url: all.byKind.obf }]);
    expect(body(guide.example)).toMatchObject({ zoom_config: { obf_token_url: all.byKind.obf } });
  });

  it("no guide when the URL allows none of the kinds the platform asks for", () => {
    const accessOnly: TokenUrls = { byKind: { access_token: "x" }, attendee: null };
    expect(PLATFORM_GUIDES.recall(accessOnly)).toBeNull();
    expect(PLATFORM_GUIDES.attendee(zakOnly)).toBeNull();
    expect(PLATFORM_GUIDES.meeting_baas(zakOnly)).toBeNull();
  });
});
