import { describe, expect, it } from "vitest";
import { retryWhileUnreachable } from "./retry";

const unreachable = () =>
  Object.assign(new Error("connect ECONNREFUSED"), { code: "ECONNREFUSED" });

describe("retryWhileUnreachable", () => {
  it("tries the write again through a database blip", async () => {
    let calls = 0;
    const write = () =>
      ++calls < 3 ? Promise.reject(unreachable()) : Promise.resolve("committed");
    expect(await retryWhileUnreachable(write, Date.now() + 5_000)).toBe("committed");
    expect(calls).toBe(3);
  });

  it("gives up when time is out, and never retries other errors", async () => {
    let calls = 0;
    const bug = () => {
      calls++;
      return Promise.reject(new Error("constraint"));
    };
    await expect(retryWhileUnreachable(bug, Date.now() + 5_000)).rejects.toThrow("constraint");
    expect(calls).toBe(1);
    await expect(
      retryWhileUnreachable(() => Promise.reject(unreachable()), Date.now()),
    ).rejects.toThrow("ECONNREFUSED");
  });
});
