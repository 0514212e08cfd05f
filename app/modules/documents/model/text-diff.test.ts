import { describe, expect, it } from "vitest";
import { diffText, sideOf } from "~/modules/documents/model/text-diff";

describe("diffText", () => {
  it("returns nothing for two empty texts and one equal op for equal texts", () => {
    expect(diffText("", "")).toEqual([]);
    expect(diffText("same", "same")).toEqual([{ op: "equal", text: "same" }]);
  });

  it("shows a changed word inside an otherwise equal line", () => {
    expect(diffText("Review every 3 years.", "Review every 2 years.")).toEqual([
      { op: "equal", text: "Review every " },
      { op: "delete", text: "3" },
      { op: "insert", text: "2" },
      { op: "equal", text: " years." },
    ]);
  });

  it("keeps untouched lines whole at line granularity", () => {
    const ops = diffText("a\nb\nc", "a\nB\nc", "line");
    expect(ops).toEqual([
      { op: "equal", text: "a\n" },
      { op: "delete", text: "b\n" },
      { op: "insert", text: "B\n" },
      { op: "equal", text: "c" },
    ]);
  });

  it("reports added and removed lines", () => {
    expect(diffText("one\nthree", "one\ntwo\nthree")).toEqual([
      { op: "equal", text: "one\n" },
      { op: "insert", text: "two\n" },
      { op: "equal", text: "three" },
    ]);
    expect(diffText("all of it", "")).toEqual([{ op: "delete", text: "all of it" }]);
  });

  it.each([
    ["Learners model flood hazard.", "Learners model riverine and pluvial flood hazard for assets."],
    ["- a\n- b\n- c", "- c\n- b\n- a"],
    ["Le café, déjà vu — ok?", "Le thé, déjà vu — non?"],
    ["x".repeat(50), ""],
  ])("rebuilds both sides exactly: %j → %j", (before, after) => {
    const ops = diffText(before, after);
    expect(sideOf(ops, "before")).toBe(before);
    expect(sideOf(ops, "after")).toBe(after);
  });

  it("degrades to a block replacement beyond the table limit, still exact", () => {
    const before = Array.from({ length: 3000 }, (_, i) => `line ${i}`).join("\n");
    const after = Array.from({ length: 3000 }, (_, i) => `row ${i}`).join("\n");
    const ops = diffText(before, after, "line");
    expect(sideOf(ops, "before")).toBe(before);
    expect(sideOf(ops, "after")).toBe(after);
  });
});
