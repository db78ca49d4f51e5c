import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testEngines, type TestDatabase } from "@/db/testing";
import { throttledSeconds, throttledSignInError, tryAgainIn } from "./sign-in-errors";
import {
  clearSignInFailures,
  recordSignInFailure,
  SIGN_IN_FAILURES_PER_ADDRESS,
  SIGN_IN_FAILURES_PER_EMAIL,
  signInBlockedFor,
} from "./sign-in-throttle";

describe.each(testEngines())("sign-in throttle on $name", (engine) => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await engine.open();
  });
  afterAll(async () => {
    await database.close();
  });

  const fail = async (email: string, address: string, times: number) => {
    for (let i = 0; i < times; i++) await recordSignInFailure(database.db, email, address);
  };

  it("blocks the guessing address after its failures, never the customer's own address", async () => {
    const email = "victim@example.com";
    await fail(email, "198.51.100.7", SIGN_IN_FAILURES_PER_ADDRESS.points);
    const wait = await signInBlockedFor(database.db, email, "198.51.100.7");
    expect(wait).toBeGreaterThan(0);
    expect(wait).toBeLessThanOrEqual(SIGN_IN_FAILURES_PER_ADDRESS.windowSeconds);
    expect(await signInBlockedFor(database.db, email, "203.0.113.4")).toBe(0);
    expect(await signInBlockedFor(database.db, "other@example.com", "198.51.100.7")).toBe(0);
  });

  it("groups an IPv6 guesser's /64", async () => {
    const email = "v6@example.com";
    await fail(email, "2001:db8:1:2::1", SIGN_IN_FAILURES_PER_ADDRESS.points);
    expect(await signInBlockedFor(database.db, email, "2001:db8:1:2::ffff")).toBeGreaterThan(0);
    expect(await signInBlockedFor(database.db, email, "2001:db8:1:3::1")).toBe(0);
  });

  it("caps an email's failures from every address, more loosely", async () => {
    const email = "spread@example.com";
    const perAddress = SIGN_IN_FAILURES_PER_ADDRESS.points - 1;
    const addresses = Math.ceil(SIGN_IN_FAILURES_PER_EMAIL.points / perAddress);
    for (let a = 0; a < addresses; a++) await fail(email, `192.0.2.${a + 1}`, perAddress);
    expect(await signInBlockedFor(database.db, email, "203.0.113.99")).toBeGreaterThan(0);
  });

  it("forgets an address's failures after the right password from it", async () => {
    const email = "forgetful@example.com";
    await fail(email, "198.51.100.8", SIGN_IN_FAILURES_PER_ADDRESS.points);
    await clearSignInFailures(database.db, email, "198.51.100.8");
    expect(await signInBlockedFor(database.db, email, "198.51.100.8")).toBe(0);
  });
});

describe("throttled sign-in errors", () => {
  it("carry the wait to the form, which says it in minutes", () => {
    expect(throttledSeconds(throttledSignInError(540))).toBe(540);
    expect(throttledSeconds("CredentialsSignin")).toBeNull();
    expect(tryAgainIn(540)).toBe("Try again in 9 minutes.");
    expect(tryAgainIn(5)).toBe("Try again in 1 minute.");
  });
});
