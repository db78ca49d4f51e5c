import { type Clock } from "./types";

/** Wall clock plus an offset that tests move forward. */
export function createClock(): Clock {
  let offsetMs = 0;
  return {
    now: () => Date.now() + offsetMs,
    advance: (seconds: number) => {
      offsetMs += seconds * 1000;
    },
  };
}
