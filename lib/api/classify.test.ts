import { describe, expect, it } from "vitest";
import { z } from "zod";
import { DecryptionError, UnknownKeyError } from "@/lib/crypto/aead";
import { ReauthRequiredError, RefreshPausedError } from "@/lib/vault/types";
import {
  ZoomInvalidAccessTokenError,
  ZoomInvalidGrantError,
  ZoomNotFoundError,
  ZoomRequestError,
  ZoomUnavailableError,
} from "@/lib/zoom/errors";
import { classify } from "./classify";
import { ApiError } from "./errors";

// The shape drizzle gives a failed query: the driver's error, with its SQLSTATE, is the cause.
const failedQuery = (sqlState: string) =>
  new Error("Failed query: select ... params: zak_secret", { cause: { code: sqlState } });

const badBody = z.object({ name: z.string() }).safeParse({}).error;

describe("classify", () => {
  const cases: [string, unknown, ReturnType<typeof classify>][] = [
    [
      "a meeting Zoom has no join token for",
      new ZoomNotFoundError("Meeting does not exist: 81234567890.", 3001),
      {
        status: 404,
        code: "not_found",
        message:
          "Zoom has no join token for this meeting: it does not exist, is not the connected user's, or local recording is off",
        retryAfter: undefined,
      },
    ],
    [
      "a dead grant",
      new ReauthRequiredError(),
      {
        status: 409,
        code: "reauth_required",
        message: "The Zoom connection must be reconnected in the dashboard",
      },
    ],
    [
      "a value sealed with a key this server lacks",
      new UnknownKeyError("old"),
      {
        status: 503,
        code: "undecryptable",
        message: "This connection's tokens are sealed with a key this server does not have",
        retryAfter: 30,
      },
    ],
    [
      "a value that fails authentication",
      new DecryptionError("authentication failed (wrong key, row or column)"),
      {
        status: 503,
        code: "undecryptable",
        message: "This connection's stored tokens cannot be decrypted",
      },
    ],
    [
      "Zoom rate limiting",
      new ZoomUnavailableError("rate_limited", 9),
      {
        status: 503,
        code: "zoom_unavailable",
        message: "Zoom is rate limiting requests; retry shortly",
        retryAfter: 9,
      },
    ],
    [
      "a Zoom timeout",
      new ZoomUnavailableError("timeout", 5),
      {
        status: 503,
        code: "zoom_unavailable",
        message: "Zoom is not answering; retry shortly",
        retryAfter: 5,
      },
    ],
    [
      "refreshes paused after Zoom refused a new access token",
      new RefreshPausedError(42),
      {
        status: 502,
        code: "zoom_error",
        message:
          "Zoom refuses the access tokens it issues for this connection; the next refresh is allowed in 42 s",
        retryAfter: 42,
      },
    ],
    [
      "a Zoom refusal",
      new ZoomRequestError(400, "Invalid scope"),
      { status: 502, code: "zoom_error", message: "Zoom refused the request: Invalid scope" },
    ],
    [
      "a dead code or refresh token",
      new ZoomInvalidGrantError("invalid_grant"),
      { status: 502, code: "zoom_error", message: "Zoom refused the grant: invalid_grant" },
    ],
    [
      "a refused access token",
      new ZoomInvalidAccessTokenError(),
      {
        status: 502,
        code: "zoom_error",
        message: "Zoom refused a freshly refreshed access token",
      },
    ],
    ...["55P03", "40P01", "40001"].map((state): [string, unknown, ReturnType<typeof classify>] => [
      `lock contention (${state})`,
      failedQuery(state),
      {
        status: 503,
        code: "busy",
        message: "Another request was changing the same data at the same moment; retry shortly",
        retryAfter: 1,
      },
    ]),
    [
      "an ApiError",
      new ApiError("conflict", "Slug in use"),
      { status: 409, code: "conflict", message: "Slug in use" },
    ],
    [
      "an ApiError with Retry-After",
      new ApiError("rate_limited", "Slow down", 30),
      { status: 429, code: "rate_limited", message: "Slow down", retryAfter: 30 },
    ],
    [
      "invalid input",
      badBody,
      { status: 400, code: "bad_request", message: expect.stringMatching(/^name: /) as string },
    ],
    [
      "another database error",
      failedQuery("23503"),
      { status: 500, code: "internal", message: "Internal error" },
    ],
    ["a thrown string", "boom", { status: 500, code: "internal", message: "Internal error" }],
  ];

  it.each(cases)("%s", (_name, err, expected) => {
    expect(classify(err)).toEqual(expected);
  });
});
