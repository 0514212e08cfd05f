import { describe, expect, it } from "vitest";
import { jsonEqual, sortKeysDeep, stableStringify } from "./json";

describe("stableStringify", () => {
  it("sorts keys at every depth, whatever the insertion order", () => {
    const a = { b: 1, a: { d: [3, { z: 1, y: 2 }], c: null } };
    const b = { a: { c: null, d: [3, { y: 2, z: 1 }] }, b: 1 };
    expect(stableStringify(a)).toBe('{"a":{"c":null,"d":[3,{"y":2,"z":1}]},"b":1}');
    expect(stableStringify(b)).toBe(stableStringify(a));
  });

  it("keeps array order, writes -0 as 0 and omits undefined members", () => {
    expect(stableStringify([2, 1, -0])).toBe("[2,1,0]");
    expect(stableStringify({ a: undefined, b: "x" })).toBe('{"b":"x"}');
    expect(stableStringify("é\n\"")).toBe(JSON.stringify("é\n\""));
  });

  it("refuses values JSON cannot hold instead of silently writing null", () => {
    expect(() => stableStringify(Number.NaN)).toThrow();
    expect(() => stableStringify({ a: Infinity })).toThrow();
    expect(() => stableStringify(() => 1)).toThrow();
  });

  it("sortKeysDeep makes plain JSON.stringify match", () => {
    const value = { z: [{ b: 1, a: 2 }], a: "x" };
    expect(JSON.stringify(sortKeysDeep(value))).toBe(stableStringify(value));
  });

  it("jsonEqual compares structure, not key order", () => {
    expect(jsonEqual({ a: 1, b: [1] }, { b: [1], a: 1 })).toBe(true);
    expect(jsonEqual([1, 2], [2, 1])).toBe(false);
    expect(jsonEqual(null, 0)).toBe(false);
  });
});
