import { describe, expect, it } from "vitest";
import {
  buildTable,
  flatten,
  groupRows,
  matches,
  rowName,
  selectAllState,
  selectedShown,
  summarize,
  toggleAllShown,
  toggleOne,
  virtualIndexOf,
  type CompetencySummary,
} from "~/components/document/competencies/table-model";

function row(id: string, cells: Partial<CompetencySummary> = {}): CompetencySummary {
  return { id, source: "framework", branch: "A Safety", code: id.toUpperCase(), title: `Title ${id}`, outcome: null, level: "3", essential: true, ...cells };
}

const ROWS: CompetencySummary[] = [
  row("a1", { title: "Read climate projections" }),
  row("b1", { branch: "B Planning", essential: false, outcome: "Writes an ADAPTATION plan" }),
  row("c1", { source: "custom", branch: null, code: "X-1", title: "Custom thing", level: null }),
  row("a2", { level: null }),
  row("o1", { branch: null }),
  row("b2", { branch: "B Planning" }),
  row("c2", { source: null, branch: "ignored for custom rows" }),
];

describe("summarize", () => {
  it("reads the cells the table filters and groups on, blanks as null", () => {
    expect(summarize({ id: "r1", source: "framework", branch: "A", code: " ", title: "T", level: "", essential: false, outcome: 3 })).toEqual({
      id: "r1",
      source: "framework",
      branch: "A",
      code: null,
      title: "T",
      outcome: null,
      level: null,
      essential: false,
    });
  });
  it("skips a row without an id (it cannot be addressed)", () => {
    expect(summarize({ code: "A" })).toBeNull();
    expect(summarize({ id: "" })).toBeNull();
  });
});

describe("matches", () => {
  it.each([
    ["all", "", ["a1", "b1", "c1", "a2", "o1", "b2", "c2"]],
    ["essential", "", ["a1", "c1", "a2", "o1", "b2", "c2"]],
    ["optional", "", ["b1"]],
    ["custom", "", ["c1", "c2"]],
    ["missing_level", "", ["c1", "a2"]],
    ["all", "CLIMATE", ["a1"]],
    ["all", "adaptation", ["b1"]],
    ["all", "x-1", ["c1"]],
    ["custom", "title", ["c2"]],
    ["all", "   ", ["a1", "b1", "c1", "a2", "o1", "b2", "c2"]],
  ] as const)("show %s, query %j", (show, query, expected) => {
    expect(ROWS.filter((r) => matches(r, query, show)).map((r) => r.id)).toEqual(expected);
  });

  it("a row without an essential flag is neither essential nor optional", () => {
    const unset = row("u", { essential: null });
    expect([matches(unset, "", "essential"), matches(unset, "", "optional"), matches(unset, "", "all")]).toEqual([false, false, true]);
  });
});

describe("groupRows", () => {
  it("groups by branch in order of first appearance, custom rows together, framework rows without a branch in Other", () => {
    const groups = groupRows(ROWS, "", "all");
    expect(groups.map((g) => [g.label, g.rows.map((r) => r.id)])).toEqual([
      ["A Safety", ["a1", "a2"]],
      ["B Planning", ["b1", "b2"]],
      ["Custom competencies", ["c1", "c2"]],
      ["Other", ["o1"]],
    ]);
  });

  it("counts the filtered rows and the group's total, and drops groups left empty", () => {
    const groups = groupRows(ROWS, "", "missing_level");
    expect(groups.map((g) => [g.label, g.rows.length, g.total])).toEqual([
      ["A Safety", 1, 2],
      ["Custom competencies", 1, 2],
    ]);
  });

  it("keeps a group's place from its first row even when that row is filtered out", () => {
    const groups = groupRows([row("b0", { branch: "B", essential: false }), row("a0", { branch: "A" }), row("b9", { branch: "B" })], "", "essential");
    expect(groups.map((g) => g.label)).toEqual(["B", "A"]);
  });
});

describe("flatten and buildTable", () => {
  it("puts each group's header before its rows; a collapsed group shows its header only", () => {
    const lines = flatten(groupRows(ROWS, "", "all"), new Set(["branch:B Planning", "other"]));
    expect(lines.map((line) => (line.type === "group" ? `[${line.label}${line.collapsed ? " +" : ""}]` : line.row.id))).toEqual([
      "[A Safety]",
      "a1",
      "a2",
      "[B Planning +]",
      "[Custom competencies]",
      "c1",
      "c2",
      "[Other +]",
    ]);
  });

  it("counts every row passing the filter as shown, also those in collapsed groups", () => {
    const table = buildTable(ROWS, { query: "", show: "essential", collapsed: new Set(["branch:A Safety"]) });
    expect(table.total).toBe(7);
    expect(table.shownIds).toEqual(["a1", "a2", "b2", "c1", "c2", "o1"]);
    expect(virtualIndexOf(table.virtualRows, "a1")).toBe(-1);
    expect(virtualIndexOf(table.virtualRows, "b2")).toBe(2);
  });

  it("flattens 3,000 rows quickly", () => {
    const many = Array.from({ length: 3000 }, (_, i) => row(`r${i}`, { branch: `Branch ${i % 12}` }));
    const started = performance.now();
    const table = buildTable(many, { query: "TITLE R123", show: "all", collapsed: new Set() });
    expect(performance.now() - started).toBeLessThan(100);
    expect([...table.shownIds].sort()).toEqual(["r123", ...Array.from({ length: 10 }, (_, i) => `r123${i}`)]);
    expect(table.virtualRows.length).toBe(table.groups.length + 11);
  });
});

describe("selection", () => {
  const shown = ["a", "b", "c"];
  it("is none, some or all of the shown rows; ticks on rows filtered out do not count", () => {
    expect(selectAllState(shown, new Set())).toBe("none");
    expect(selectAllState(shown, new Set(["z"]))).toBe("none");
    expect(selectAllState(shown, new Set(["a", "z"]))).toBe("some");
    expect(selectAllState(shown, new Set(["a", "b", "c"]))).toBe("all");
    expect(selectAllState([], new Set())).toBe("none");
  });
  it("select all ticks every shown row, and clears them once all are ticked", () => {
    expect([...toggleAllShown(shown, new Set(["a", "z"]))]).toEqual(["a", "b", "c"]);
    expect([...toggleAllShown(shown, new Set(["a", "b", "c", "z"]))]).toEqual([]);
  });
  it("bulk actions apply to the ticked rows still shown, in document order", () => {
    expect(selectedShown(shown, new Set(["c", "z", "a"]))).toEqual(["a", "c"]);
  });
  it("ticks and unticks one row without touching the others", () => {
    const before = new Set(["a"]);
    expect([...toggleOne(before, "b", true)]).toEqual(["a", "b"]);
    expect([...toggleOne(before, "a", false)]).toEqual([]);
    expect([...before]).toEqual(["a"]);
  });
});

describe("words", () => {
  it("names a row by code and title", () => {
    expect(rowName({ code: "CAP.1.1", title: "Read projections" })).toBe("CAP.1.1 Read projections");
    expect(rowName({ code: null, title: null })).toBe("New competency");
  });
});
