import { describe, expect, it } from "vitest";
import { isAllowedOrigin, isSafeMethod } from "~/modules/auth/origin";

describe("isAllowedOrigin", () => {
  it.each([
    ["http://localhost:3000", "localhost:3000", [], true],
    ["http://LOCALHOST:3000", "localhost:3000", [], true],
    ["http://evil.test", "localhost:3000", [], false],
    ["http://localhost:3001", "localhost:3000", [], false],
    [null, "localhost:3000", [], false],
    ["null", "localhost:3000", [], false],
    ["file://x", "localhost:3000", [], false],
    ["https://concord.example.org", "10.0.0.5:3000", ["https://concord.example.org"], true],
    ["https://other.example.org", "10.0.0.5:3000", ["https://concord.example.org"], false],
  ] as const)("origin %s on host %s (allowed %j): %s", (origin, host, allowed, expected) => {
    expect(isAllowedOrigin(origin, host, allowed)).toBe(expected);
  });
});

describe("isSafeMethod", () => {
  it("treats only GET, HEAD and OPTIONS as safe", () => {
    expect(isSafeMethod("get")).toBe(true);
    expect(isSafeMethod("HEAD")).toBe(true);
    expect(isSafeMethod("POST")).toBe(false);
    expect(isSafeMethod("DELETE")).toBe(false);
  });
});
