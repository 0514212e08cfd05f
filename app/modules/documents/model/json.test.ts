import { describe, expect, it } from "vitest";
import { jsonEqual } from "~/modules/documents/model/json";

describe("jsonEqual", () => {
  it("compares structure, not key order", () => {
    expect(jsonEqual({ a: 1, b: [1] }, { b: [1], a: 1 })).toBe(true);
    expect(jsonEqual([1, 2], [2, 1])).toBe(false);
    expect(jsonEqual(null, 0)).toBe(false);
  });

  it("calls values without a JSON form unequal rather than throwing", () => {
    expect(jsonEqual({ at: new Date(0) }, { at: new Date(0) })).toBe(false);
    expect(jsonEqual([Number.NaN], [Number.NaN])).toBe(false);
  });
});
