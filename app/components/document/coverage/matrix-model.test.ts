import { describe, expect, it } from "vitest";
import { computeCoverage, type CoverageAssessment, type CoverageCompetency } from "~/modules/coverage/rules";
import {
  branchKey,
  buildMatrix,
  competencyName,
  gapText,
  isGridKey,
  lineKey,
  matchesFilter,
  NO_FILTER,
  nextPosition,
  revealOffset,
  selectedShown,
  selectionState,
  selectMany,
  toggleMany,
  windowRange,
  type GridPosition,
  type GridShape,
  type MatrixFilter,
} from "~/components/document/coverage/matrix-model";

function competency(id: string, branch: string | null, cells: Partial<CoverageCompetency> = {}): CoverageCompetency {
  return { id, code: id.toUpperCase(), title: `Title of ${id}`, branch, essential: true, ...cells };
}

const COMPETENCIES: CoverageCompetency[] = [
  competency("s1", "Safety", { title: "Lock out machinery" }),
  competency("s2", "Safety"),
  competency("p1", "Planning"),
  competency("s3", "Safety", { essential: false }),
  competency("p2", "Planning", { code: null, title: "Read drawings" }),
];

const ASSESSMENTS: CoverageAssessment[] = [
  { id: "obs", name: "Site observation", method: "observation", setting: "workplace", assessmentOnlyRoute: false },
  { id: "log", name: "Log book", method: "logbook_signoff", setting: "workplace", assessmentOnlyRoute: false },
];

// s1 direct, s2 soft only, p1 direct + soft, s3 (optional) nothing, p2 (essential) nothing: a gap.
const REPORT = computeCoverage({
  competencies: COMPETENCIES,
  assessments: ASSESSMENTS,
  cells: [
    ["obs", "s1"],
    ["log", "s2"],
    ["obs", "p1"],
    ["log", "p1"],
  ],
  routeRequired: false,
});

const entry = (id: string) => REPORT.byId.get(id)!;
const filter = (change: Partial<MatrixFilter>): MatrixFilter => ({ ...NO_FILTER, ...change });

describe("matchesFilter", () => {
  it.each([
    ["no filter keeps everything", NO_FILTER, ["s1", "s2", "p1", "s3", "p2"]],
    ["gaps only: essential and not assessed", filter({ gapsOnly: true }), ["p2"]],
    ["soft evidence only: assessed by soft evidence alone", filter({ softOnly: true }), ["s2"]],
    ["both toggles: soft only AND a gap", filter({ gapsOnly: true, softOnly: true }), []],
    ["branch", filter({ branch: branchKey("Planning") }), ["p1", "p2"]],
    ["search matches the code, ignoring case", filter({ query: "  s2 " }), ["s2"]],
    ["search matches the title, ignoring case", filter({ query: "LOCK out" }), ["s1"]],
    ["search skips a missing code", filter({ query: "drawings" }), ["p2"]],
    ["search and branch together", filter({ query: "title", branch: branchKey("Safety") }), ["s2", "s3"]],
  ])("%s", (_name, f, expected) => {
    expect(REPORT.competencies.filter((e) => matchesFilter(e, f)).map((e) => e.competency.id)).toEqual(expected);
  });

  it("counts a competency left out of a required route as a gap, and says so", () => {
    const routed = computeCoverage({ competencies: [competency("x", null)], assessments: ASSESSMENTS, cells: [["log", "x"]], routeRequired: true }).byId.get("x")!;
    expect(matchesFilter(routed, filter({ gapsOnly: true, softOnly: true }))).toBe(true);
    expect(gapText(routed)).toBe("Gap: not in the assessment-only route");
    expect(gapText(entry("p2"))).toBe("Gap");
    expect(gapText(entry("s1"))).toBeNull();
  });
});

describe("buildMatrix", () => {
  it("groups by branch in order of first appearance, competencies in specification order", () => {
    const model = buildMatrix(REPORT.competencies, NO_FILTER);
    expect(model.lines.map(lineKey)).toEqual(["group:branch:Safety", "row:s1", "row:s2", "row:s3", "group:branch:Planning", "row:p1", "row:p2"]);
    expect(model.shownIds).toEqual(["s1", "s2", "s3", "p1", "p2"]);
    expect(model.branches).toEqual([
      { key: "branch:Safety", label: "Safety", count: 3 },
      { key: "branch:Planning", label: "Planning", count: 2 },
    ]);
    expect(model.total).toBe(5);
  });

  it("leaves out branches with nothing shown, and says how many of each branch are shown", () => {
    const model = buildMatrix(REPORT.competencies, filter({ query: "title of" }));
    expect(model.lines.map(lineKey)).toEqual(["group:branch:Safety", "row:s2", "row:s3", "group:branch:Planning", "row:p1"]);
    const safety = model.lines[0]!;
    expect(safety.type === "group" && { ids: safety.ids, total: safety.total }).toEqual({ ids: ["s2", "s3"], total: 3 });
    // Branch options do not depend on the filter.
    expect(model.branches.map((b) => b.count)).toEqual([3, 2]);
  });

  it("puts competencies without a branch under one header, and needs no header when none has a branch", () => {
    const mixed = computeCoverage({ competencies: [competency("a", "A"), competency("n", null)], assessments: [], cells: [], routeRequired: false });
    expect(buildMatrix(mixed.competencies, NO_FILTER).lines.map(lineKey)).toEqual(["group:branch:A", "row:a", "group:none", "row:n"]);
    const flat = computeCoverage({ competencies: [competency("m", null), competency("n", null)], assessments: [], cells: [], routeRequired: false });
    const model = buildMatrix(flat.competencies, NO_FILTER);
    expect(model.lines.map(lineKey)).toEqual(["row:m", "row:n"]);
    expect(model.branches).toEqual([]);
  });

  it("is empty for no competencies", () => {
    expect(buildMatrix([], NO_FILTER)).toEqual({ lines: [], shownIds: [], branches: [], total: 0 });
  });
});

describe("selection", () => {
  it.each([
    [[], "none"],
    [["a"], "some"],
    [["a", "b"], "all"],
    [["a", "b", "z"], "all"],
  ] as const)("selectionState of [a, b] with %j selected is %s", (selected, expected) => {
    expect(selectionState(["a", "b"], new Set(selected))).toBe(expected);
  });

  it("selects and clears many without touching the others", () => {
    expect([...selectMany(new Set(["z"]), ["a", "b"], true)].sort()).toEqual(["a", "b", "z"]);
    expect([...selectMany(new Set(["a", "z"]), ["a", "b"], false)]).toEqual(["z"]);
  });

  it("toggles a tri-state checkbox: all → cleared, otherwise all ticked", () => {
    expect([...toggleMany(new Set(["a"]), ["a", "b"])].sort()).toEqual(["a", "b"]);
    expect([...toggleMany(new Set(["a", "b", "z"]), ["a", "b"])]).toEqual(["z"]);
  });

  it("applies bulk actions to the selected competencies still shown, in order", () => {
    expect(selectedShown(["c", "a", "b"], new Set(["b", "c", "hidden"]))).toEqual(["c", "b"]);
  });
});

describe("nextPosition", () => {
  // 6 lines, the 0th and 3rd branch headers; row header + 4 assessments; a page is 2 rows.
  const shape: GridShape = { rowCount: 6, colCount: 5, pageSize: 2, isGroupRow: (row) => row === 0 || row === 3 };
  const at = (row: number, col: number): GridPosition => ({ row, col });

  it.each([
    ["ArrowDown", at(1, 2), at(2, 2)],
    ["ArrowDown into a branch header keeps the column", at(2, 2), at(3, 2)],
    ["ArrowDown at the last row stays", at(5, 2), at(5, 2)],
    ["ArrowUp", at(2, 4), at(1, 4)],
    ["ArrowUp at the first row stays", at(0, 1), at(0, 1)],
    ["ArrowRight", at(1, 0), at(1, 1)],
    ["ArrowRight at the last column stays", at(1, 4), at(1, 4)],
    ["ArrowLeft to the row header", at(1, 1), at(1, 0)],
    ["ArrowLeft at the row header stays", at(1, 0), at(1, 0)],
    ["Home", at(2, 3), at(2, 0)],
    ["End", at(2, 1), at(2, 4)],
    ["PageDown", at(1, 2), at(3, 2)],
    ["PageDown clamped", at(5, 2), at(5, 2)],
    ["PageUp", at(4, 2), at(2, 2)],
    ["PageUp clamped", at(1, 2), at(0, 2)],
    ["ArrowRight on a branch header does nothing", at(3, 2), at(3, 2)],
    ["Home on a branch header does nothing", at(3, 2), at(3, 2)],
  ])("%s", (name, from, expected) => {
    const key = name.split(" ")[0]!;
    expect(nextPosition(from, key, shape)).toEqual(expected);
  });

  it("with Ctrl, Home and End go to the grid's first and last cells", () => {
    expect(nextPosition(at(3, 2), "Home", shape, true)).toEqual(at(0, 0));
    expect(nextPosition(at(1, 2), "End", shape, true)).toEqual(at(5, 4));
  });

  it("clamps a position left over from a bigger grid", () => {
    expect(nextPosition(at(40, 9), "ArrowUp", shape)).toEqual(at(4, 4));
  });

  it("ignores other keys and empty grids", () => {
    expect(nextPosition(at(1, 1), " ", shape)).toBeNull();
    expect(nextPosition(at(1, 1), "Enter", shape)).toBeNull();
    expect(nextPosition(at(0, 0), "ArrowDown", { rowCount: 0, colCount: 3, pageSize: 5 })).toBeNull();
    expect(isGridKey("PageDown")).toBe(true);
    expect(isGridKey("Tab")).toBe(false);
  });
});

describe("windowRange", () => {
  it.each([
    ["top of a long list", { offset: 0, viewport: 500, size: 50, count: 3000, overscan: 4 }, { start: 0, end: 15, before: 0, after: 2985 * 50 }],
    ["scrolled into the middle", { offset: 5000, viewport: 500, size: 50, count: 3000, overscan: 4 }, { start: 96, end: 115, before: 4800, after: 2885 * 50 }],
    ["part-scrolled item counts as in view", { offset: 5025, viewport: 500, size: 50, count: 3000, overscan: 0 }, { start: 100, end: 111, before: 5000, after: 2889 * 50 }],
    ["end of the list", { offset: 149_500, viewport: 500, size: 50, count: 3000, overscan: 4 }, { start: 2986, end: 3000, before: 2986 * 50, after: 0 }],
    ["scrolled past the end (elastic scrolling)", { offset: 999_999, viewport: 500, size: 50, count: 3000, overscan: 2 }, { start: 2997, end: 3000, before: 2997 * 50, after: 0 }],
    ["negative offset", { offset: -30, viewport: 500, size: 50, count: 3000, overscan: 2 }, { start: 0, end: 13, before: 0, after: 2987 * 50 }],
    ["fewer items than fit", { offset: 0, viewport: 1000, size: 136, count: 3, overscan: 2 }, { start: 0, end: 3, before: 0, after: 0 }],
    ["60 columns, scrolled sideways", { offset: 1360, viewport: 620, size: 136, count: 60, overscan: 2 }, { start: 8, end: 18, before: 8 * 136, after: 42 * 136 }],
    ["nothing to show", { offset: 0, viewport: 500, size: 50, count: 0 }, { start: 0, end: 0, before: 0, after: 0 }],
  ])("%s", (_name, input, expected) => {
    expect(windowRange(input)).toEqual(expected);
  });

  it("always accounts for the whole list: before + rendered + after", () => {
    for (const offset of [0, 77, 4321, 150_000]) {
      const range = windowRange({ offset, viewport: 480, size: 52, count: 3000, overscan: 6 });
      expect(range.before + (range.end - range.start) * 52 + range.after).toBe(3000 * 52);
    }
  });
});

describe("revealOffset", () => {
  it.each([
    ["already in view", 3, 100, 500, 50, null],
    ["above: scroll up to its start", 1, 100, 500, 50, 50],
    ["below: scroll down until its end shows", 12, 100, 500, 50, 150],
    ["just fits at the bottom", 11, 100, 500, 50, null],
  ])("%s", (_name, index, offset, viewport, size, expected) => {
    expect(revealOffset(index, offset, viewport, size)).toBe(expected);
  });
});

describe("competencyName", () => {
  it("is the code, else the title", () => {
    expect(competencyName({ code: "CAP.1", title: "T" })).toBe("CAP.1");
    expect(competencyName({ code: null, title: "Read drawings" })).toBe("Read drawings");
    expect(competencyName({ code: null, title: null })).toBe("Untitled competency");
  });
});
