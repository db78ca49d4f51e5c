import { describe, expect, it } from "vitest";
import { CanonicalJsonError, canonicalJson, pythonFloat } from "./canonical-json";

// Expected strings were produced by Python 3: json.dumps(json.loads(wire), sort_keys=True,
// separators=(",", ":"), ensure_ascii=False).
describe("canonicalJson", () => {
  it("rebuilds Attendee's canonical form from Python's default wire format", () => {
    const wire = String.raw`{"callback_type": "zoom_tokens", "bot_id": "bot_3hfP0PXEsNinIZmh", "meeting_url": "https://us02web.zoom.us/j/85944444444?pwd=abc", "bot_metadata": {"customer": "Jos\u00e9 M\u00fcller", "tags": ["\u00fcn\u00ef", "\u65e5\u672c", {"z": 1, "a": [1.0, 2.5e-07, 1e+16, -0.0, 12345678901234567890]}], "quote": "say \"hi\"\\ok\n\t\u0001", "emoji": "\ud83d\ude00"}}`;
    expect(canonicalJson(wire)).toBe(
      String.raw`{"bot_id":"bot_3hfP0PXEsNinIZmh","bot_metadata":{"customer":"José Müller","emoji":"😀","quote":"say \"hi\"\\ok\n\t\u0001","tags":["ünï","日本",{"a":[1.0,2.5e-07,1e+16,-0.0,12345678901234567890],"z":1}]},"callback_type":"zoom_tokens","meeting_url":"https://us02web.zoom.us/j/85944444444?pwd=abc"}`,
    );
  });

  it("keeps floats and integers apart, as Python does", () => {
    expect(canonicalJson("[1, 1.0, 1E2, -0, 0.00001, 1e15, 1.5e300, 100.25]")).toBe(
      "[1,1.0,100.0,0,1e-05,1000000000000000.0,1.5e+300,100.25]",
    );
  });

  it("escapes control characters, quotes and backslashes only; leaves DEL and non-ASCII as is", () => {
    expect(canonicalJson(String.raw`{"k": "\b\f\r\u001f\u007f\/\u2028é"}`)).toBe(
      '{"k":"\\b\\f\\r\\u001f\u007f/\u2028é"}',
    );
  });

  it("sorts keys by code point at every depth; a repeated key keeps its last value", () => {
    expect(canonicalJson('{"b": {"y": [], "x": {}}, "a": 1, "\uffff": 2, "😀": 3, "a": 4}')).toBe(
      '{"a":4,"b":{"x":{},"y":[]},"\uffff":2,"😀":3}',
    );
  });

  it("accepts JSON whitespace and literals, refuses what is not JSON", () => {
    expect(canonicalJson(' \n{ "t" : true ,"f":false,\t"n" : null }\r\n')).toBe(
      '{"f":false,"n":null,"t":true}',
    );
    for (const bad of ["", "{", '{"a":1,}', "[1 2]", "NaN", "01", '"\t"', "{} x", "'a'"])
      expect(() => canonicalJson(bad), bad).toThrow(CanonicalJsonError);
  });
});

describe("pythonFloat", () => {
  it("writes repr(float)", () => {
    const cases: [number, string][] = [
      [1, "1.0"],
      [0.1, "0.1"],
      [-2.5, "-2.5"],
      [1e16, "1e+16"],
      [1e15, "1000000000000000.0"],
      [0.0001, "0.0001"],
      [1.5e-7, "1.5e-07"],
      [5e-324, "5e-324"],
      [12345678901234567890, "1.2345678901234567e+19"],
      [-0, "-0.0"],
    ];
    for (const [x, repr] of cases) expect(pythonFloat(x)).toBe(repr);
  });
});
