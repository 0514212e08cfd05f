import { describe, expect, it } from "vitest";
import { formatUtc, shortHash } from "./format";

describe("sign-off formatting", () => {
  it("shows stored timestamps in UTC, to the second or to the minute", () => {
    expect(formatUtc("2026-11-29T01:30:57.123Z")).toBe("2026-11-29 01:30:57 UTC");
    expect(formatUtc("2026-11-29T01:30:57.123Z", "minute")).toBe("2026-11-29 01:30 UTC");
    expect(formatUtc(null)).toBe("—");
  });

  it("shortens hashes to twelve characters", () => {
    expect(shortHash("a".repeat(64))).toBe("a".repeat(12));
    expect(shortHash(null)).toBe("—");
  });
});
