import { describe, expect, it } from "vitest";
import { FailureLimiter } from "~/modules/auth/rate-limit";

describe("FailureLimiter", () => {
  it("blocks a key after the maximum number of failures until the window ends", () => {
    let now = 1_000;
    const limiter = new FailureLimiter(3, 60_000, () => now);
    for (let i = 0; i < 3; i++) {
      expect(limiter.retryAfter("a")).toBe(0);
      limiter.recordFailure("a");
    }
    expect(limiter.retryAfter("a")).toBe(60_000);
    expect(limiter.retryAfter("b")).toBe(0);
    now += 59_999;
    expect(limiter.retryAfter("a")).toBe(1);
    now += 1;
    expect(limiter.retryAfter("a")).toBe(0);
  });

  it("forgets a key on reset", () => {
    const limiter = new FailureLimiter(1, 60_000);
    limiter.recordFailure("a");
    expect(limiter.retryAfter("a")).toBeGreaterThan(0);
    limiter.reset("a");
    expect(limiter.retryAfter("a")).toBe(0);
  });
});
