import { describe, expect, it } from "vitest";
import type { RowFieldDef } from "~/modules/documents/model/types";
import { anchorFor, isEmptyValue, isShown, normaliseCell, parseInput, parseNumberText, parsePath, sectionAnchor } from "~/modules/documents/model/values";

const integer: RowFieldDef = { key: "hours", label: "Hours", type: "integer" };
const money: RowFieldDef = { key: "cost", label: "Cost", type: "money_cad" };
const multi: RowFieldDef = {
  key: "languages",
  label: "Languages",
  type: "multiselect",
  options: [
    { value: "en", label: "English" },
    { value: "fr", label: "French" },
  ],
};

describe("numbers as people type them", () => {
  it.each<[string, "number" | "integer" | "money_cad", number | null]>([
    ["12", "integer", 12],
    [" 12.50 ", "number", 12.5],
    ["-0", "number", 0],
    ["1,450", "money_cad", 1450],
    ["$1,450.50", "money_cad", 1450.5],
    ["1450 CAD", "money_cad", 1450],
    ["1e3", "number", 1000],
    ["12a", "number", null],
    ["1,45", "number", null],
    ["", "number", null],
    ["$12", "number", null],
  ])("%j as %s → %j", (text, type, expected) => {
    expect(parseNumberText(text, type)).toBe(expected);
  });
});

describe("normalisation keeps what cannot be read", () => {
  it("parses numeric strings and keeps the others as typed", () => {
    expect(normaliseCell(integer, "40")).toBe(40);
    expect(normaliseCell(integer, "forty")).toBe("forty");
    expect(normaliseCell(integer, "  ")).toBeNull();
    expect(normaliseCell(money, 12.5)).toBe(12.5);
  });

  it("trims text, normalises line endings and turns blank into null", () => {
    const longtext: RowFieldDef = { key: "x", label: "X", type: "longtext" };
    expect(normaliseCell(longtext, "  a\r\nb  ")).toBe("a\nb");
    expect(normaliseCell(longtext, "   ")).toBeNull();
    expect(normaliseCell({ key: "t", label: "T", type: "text" }, 42)).toBe("42");
  });

  it("orders multiselect values as the options are listed, without duplicates, unknown values last", () => {
    expect(normaliseCell(multi, ["fr", "en", "fr", "de"])).toEqual(["en", "fr", "de"]);
    expect(normaliseCell(multi, undefined)).toEqual([]);
    expect(normaliseCell(multi, "en")).toBe("en"); // not a list: kept for validation to flag
  });
});

describe("parseInput", () => {
  it("stores what an input gives, in the field's type", () => {
    expect(parseInput(integer, "120")).toBe(120);
    expect(parseInput(integer, "12x")).toBe("12x");
    expect(parseInput(integer, "")).toBeNull();
    expect(parseInput(multi, ["fr"])).toEqual(["fr"]);
    expect(parseInput(multi, null)).toEqual([]);
    expect(parseInput({ key: "b", label: "B", type: "boolean" }, "true")).toBe(true);
    expect(parseInput({ key: "b", label: "B", type: "boolean" }, false)).toBe(false);
    expect(parseInput({ key: "d", label: "D", type: "date" }, " 2027-01-11 ")).toBe("2027-01-11");
  });
});

describe("helpers", () => {
  it("treats false and 0 as answers, not as empty", () => {
    expect(isEmptyValue(false)).toBe(false);
    expect(isEmptyValue(0)).toBe(false);
    expect(isEmptyValue([])).toBe(true);
    expect(isEmptyValue(" ")).toBe(true);
  });

  it("evaluates conditions against siblings", () => {
    expect(isShown({ field: "schedule", in: ["cohort"] }, { schedule: "cohort" })).toBe(true);
    expect(isShown({ field: "schedule", in: ["cohort"] }, { schedule: "on_demand" })).toBe(false);
    expect(isShown({ field: "paid", in: [true] }, {})).toBe(false);
    expect(isShown(undefined, {})).toBe(true);
  });

  it("parses paths and derives anchors", () => {
    expect(parsePath("title")).toEqual({ type: "field", fieldKey: "title" });
    expect(parsePath("competencies.r1")).toEqual({ type: "row", fieldKey: "competencies", rowId: "r1" });
    expect(parsePath("competencies.r1.level")).toEqual({ type: "cell", fieldKey: "competencies", rowId: "r1", cellKey: "level" });
    expect(parsePath("text:purpose")).toEqual({ type: "text", textKey: "purpose" });
    expect(anchorFor("competencies.r1.level")).toBe("field-competencies-r1-level");
    expect(anchorFor("text:purpose")).toBe("field-text-purpose");
    expect(sectionAnchor("identity")).toBe("section-identity");
  });
});
