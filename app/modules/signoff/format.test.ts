import { describe, expect, it } from "vitest";
import { shortHash } from "~/modules/signoff/format";

describe("sign-off formatting", () => {
  it("shortens hashes to twelve characters", () => {
    expect(shortHash("a".repeat(64))).toBe("a".repeat(12));
    expect(shortHash(null)).toBe("—");
  });
});
