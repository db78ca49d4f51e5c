import { describe, expect, it } from "vitest";
import { EnvError, parseEnv } from "./env";

const KEY = `k1:${Buffer.alloc(32, 7).toString("base64")}`;
const SECRET = "s".repeat(40);

function problemsOf(raw: Record<string, string>): string[] {
  try {
    parseEnv(raw);
  } catch (err) {
    if (err instanceof EnvError) return err.problems;
    throw err;
  }
  return [];
}

describe("parseEnv", () => {
  it("needs nothing for a first local run and applies the defaults", () => {
    const env = parseEnv({});
    expect(env.APP_URL).toBe("http://localhost:3000");
    expect(env.ZOOM_OAUTH_URL).toBe("https://zoom.us");
    expect(env.ZOOM_API_URL).toBe("https://api.zoom.us");
    expect(env.ZOOM_TIMEOUT_MS).toBe(5000);
    expect(env.DATABASE_URL).toBeUndefined();
  });

  it("accepts a complete production configuration and trims trailing slashes", () => {
    const env = parseEnv({
      DATABASE_URL: "postgres://u@db:5432/app",
      APP_URL: "https://zak.example.com/",
      AUTH_SECRET: SECRET,
      TOKEN_ENCRYPTION_KEYS: KEY,
      ZOOM_CLIENT_ID: "id",
      ZOOM_CLIENT_SECRET: "secret",
      ZOOM_WEBHOOK_SECRET_TOKEN: "whsec",
      ZOOM_TIMEOUT_MS: "2500",
    });
    expect(env.APP_URL).toBe("https://zak.example.com");
    expect(env.ZOOM_TIMEOUT_MS).toBe(2500);
  });

  it("requires the secrets when DATABASE_URL is set, naming every missing variable at once", () => {
    const problems = problemsOf({ DATABASE_URL: "postgres://u@db/app", DEMO_MODE: "1" });
    expect(problems).toEqual([
      "AUTH_SECRET is required when DATABASE_URL is set",
      "TOKEN_ENCRYPTION_KEYS is required when DATABASE_URL is set",
    ]);
  });

  it("requires the Zoom secret and webhook token once a Zoom client id is set", () => {
    expect(problemsOf({ ZOOM_CLIENT_ID: "id" })).toEqual([
      "ZOOM_CLIENT_SECRET is required when ZOOM_CLIENT_ID is set",
      "ZOOM_WEBHOOK_SECRET_TOKEN is required when ZOOM_CLIENT_ID is set",
    ]);
  });

  it("names each malformed variable without echoing secret values", () => {
    const problems = problemsOf({
      DATABASE_URL: "mysql://x",
      APP_URL: "not a url",
      AUTH_SECRET: "short-secret-value",
      TOKEN_ENCRYPTION_KEYS: "k1:dG9vc2hvcnQ=",
      ZOOM_TIMEOUT_MS: "abc",
    });
    const names = problems.map((p) => p.split(" ")[0]);
    expect(names).toEqual(
      expect.arrayContaining([
        "DATABASE_URL",
        "APP_URL",
        "AUTH_SECRET",
        "TOKEN_ENCRYPTION_KEYS",
        "ZOOM_TIMEOUT_MS",
      ]),
    );
    expect(problems.join(" ")).not.toContain("short-secret-value");
    expect(problems.join(" ")).not.toContain("dG9vc2hvcnQ=");
  });

  it("takes TOKEN_ENCRYPTION_KEY_ID only when it names a configured key", () => {
    const keys = `${KEY},k2:${Buffer.alloc(32, 8).toString("base64")}`;
    expect(
      parseEnv({ TOKEN_ENCRYPTION_KEYS: keys, TOKEN_ENCRYPTION_KEY_ID: "k2" })
        .TOKEN_ENCRYPTION_KEY_ID,
    ).toBe("k2");
    expect(parseEnv({ TOKEN_ENCRYPTION_KEYS: keys, TOKEN_ENCRYPTION_KEY_ID: "" })).toMatchObject({
      TOKEN_ENCRYPTION_KEY_ID: undefined,
    });
    const named = "TOKEN_ENCRYPTION_KEY_ID must name a key of TOKEN_ENCRYPTION_KEYS";
    expect(problemsOf({ TOKEN_ENCRYPTION_KEYS: keys, TOKEN_ENCRYPTION_KEY_ID: "k3" })).toEqual([
      named,
    ]);
    expect(problemsOf({ TOKEN_ENCRYPTION_KEY_ID: "k1" })).toEqual([named]);
    expect(problemsOf({ TOKEN_ENCRYPTION_KEYS: keys, TOKEN_ENCRYPTION_KEY_ID: "k 1" })).toEqual([
      "TOKEN_ENCRYPTION_KEY_ID must be a key id (letters, digits, _ and -)",
      named,
    ]);
  });

  it("refuses a database without a Zoom app unless demo mode is asked for; the embedded default needs nothing", () => {
    const database = {
      DATABASE_URL: "postgres://u@db/app",
      AUTH_SECRET: SECRET,
      TOKEN_ENCRYPTION_KEYS: KEY,
    };
    expect(problemsOf(database)).toEqual([
      "ZOOM_CLIENT_ID is required when DATABASE_URL is set (set DEMO_MODE=1 to run the emulated Zoom on this database)",
    ]);
    expect(parseEnv({ ...database, DEMO_MODE: "1" }).DEMO_MODE).toBe(true);
    expect(problemsOf({ ...database, DEMO_MODE: "yes" })[0]).toMatch(/^DEMO_MODE must be 1/);
    expect(parseEnv({}).DEMO_MODE).toBe(false);
  });

  it("takes TRUSTED_PROXY_HOPS as a small whole number, 0 by default", () => {
    expect(parseEnv({}).TRUSTED_PROXY_HOPS).toBe(0);
    expect(parseEnv({ TRUSTED_PROXY_HOPS: "2" }).TRUSTED_PROXY_HOPS).toBe(2);
    expect(problemsOf({ TRUSTED_PROXY_HOPS: "-1" })[0]).toMatch(/^TRUSTED_PROXY_HOPS/);
    expect(problemsOf({ TRUSTED_PROXY_HOPS: "one" })[0]).toMatch(/^TRUSTED_PROXY_HOPS/);
  });

  it("treats empty strings as unset", () => {
    expect(parseEnv({ APP_URL: "", ZOOM_CLIENT_ID: "" }).APP_URL).toBe("http://localhost:3000");
  });
});
