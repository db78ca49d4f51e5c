import { Writable } from "node:stream";
import { describe, expect, it } from "vitest";
import { errorFields } from "./error-fields";
import { createLogger } from "./logger";

function capture() {
  const lines: string[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(chunk.toString());
      done();
    },
  });
  return { logger: createLogger(stream), lines };
}

const SECRET = "zak_abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG";

describe("logger", () => {
  it("writes JSON lines and redacts secrets, cookies, authorization headers and URLs", () => {
    const { logger, lines } = capture();
    logger.info(
      {
        requestId: "req-12345678",
        token: SECRET,
        url: `/api/zak/acme?token=${SECRET}`,
        zoom: { accessToken: "at-secret", refresh_token: "rt-secret", code: "oauth-code" },
        headers: { authorization: "Bearer at-secret", cookie: "session=s3cret" },
        password: "correct horse battery",
      },
      "token request",
    );
    const line = lines.join("");
    for (const secret of [
      SECRET,
      "at-secret",
      "rt-secret",
      "oauth-code",
      "s3cret",
      "correct horse",
    ])
      expect(line).not.toContain(secret);
    expect(JSON.parse(line)).toMatchObject({
      level: "info",
      requestId: "req-12345678",
      msg: "token request",
    });
  });
});

describe("errorFields", () => {
  it("gives database errors their SQLSTATE and never the message, which quotes parameters", () => {
    const err = new Error(`Failed query: select 1 params: ${SECRET}`, {
      cause: { code: "23505" },
    });
    expect(errorFields(err)).toMatchObject({ class: "Error", sqlState: "23505" });
    expect(JSON.stringify(errorFields(err))).not.toContain(SECRET);
  });

  it("keeps other messages with token-like runs masked", () => {
    const fields = errorFields(new TypeError(`cannot read token ${SECRET} of undefined`));
    expect(fields.class).toBe("TypeError");
    expect(fields.message).toBe("cannot read token [redacted] of undefined");
    expect(fields.stack).not.toContain(SECRET);
  });
});
