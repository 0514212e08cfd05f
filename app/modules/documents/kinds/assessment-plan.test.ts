import { describe, expect, it } from "vitest";
import type { ProjectedCompetency } from "~/modules/documents/model/types";
import { assessmentCoverage, assessmentRowsFor, coverageOfRow, DIRECT_METHODS, isDirectMethod, SOFT_METHODS, type AssessmentRowLike } from "~/modules/documents/kinds/assessment-plan";

const competency = (id: string): ProjectedCompetency => ({ id, code: id.toUpperCase(), title: `Competency ${id}`, framework: "F", level: "3", essential: true });
const row = (id: string, competencyId: string | null, methods: string[] = ["observation"]): AssessmentRowLike => ({ id, competencyId, methods });

describe("method classification", () => {
  it("treats the six domain methods as direct and log-book sign-off and self-report as soft", () => {
    expect(DIRECT_METHODS.map((o) => o.value)).toEqual(["observation", "work_product", "simulation", "oral", "written_test", "e_portfolio"]);
    expect(DIRECT_METHODS.every((o) => isDirectMethod(o.value))).toBe(true);
    expect(SOFT_METHODS.some((o) => isDirectMethod(o.value))).toBe(false);
  });

  it.each<[string[], string]>([
    [[], "no_method"],
    [["logbook_signoff"], "soft_only"],
    [["self_report", "logbook_signoff"], "soft_only"],
    [["logbook_signoff", "work_product"], "direct"],
    [["oral"], "direct"],
    [["e_portfolio", "self_report"], "direct"],
  ])("methods %j → %s", (methods, status) => {
    expect(coverageOfRow({ id: "r", methods })).toBe(status);
  });
});

describe("assessmentRowsFor", () => {
  it("gives one entry per competency in specification order, new ones without a row", () => {
    const entries = assessmentRowsFor([competency("a"), competency("b"), competency("c")], [row("r2", "b"), row("r1", "a")]);
    expect(entries.map((e) => [e.status, e.competency?.id, e.row?.id])).toEqual([
      ["linked", "a", "r1"],
      ["linked", "b", "r2"],
      ["new", "c", undefined],
    ]);
  });

  it("keeps and flags rows whose competency left the specification, and second rows for one competency", () => {
    const entries = assessmentRowsFor([competency("a")], [row("r1", "a"), row("r2", "gone"), row("r3", "a"), row("r4", null), row("r5", "gone")]);
    expect(entries.map((e) => [e.status, e.row?.id])).toEqual([
      ["linked", "r1"],
      ["orphaned", "r2"],
      ["duplicate", "r3"],
      ["orphaned", "r4"],
      ["duplicate", "r5"],
    ]);
  });

  it("gives one row to a competency listed twice in the specification", () => {
    expect(assessmentRowsFor([competency("a"), competency("a")], [])).toHaveLength(1);
  });
});

describe("assessmentCoverage", () => {
  it("is complete only when every competency has a direct method", () => {
    const spec = [competency("a"), competency("b"), competency("c"), competency("d")];
    const report = assessmentCoverage(spec, [row("r1", "a", ["oral"]), row("r2", "b", ["logbook_signoff"]), row("r3", "c", []), row("r9", "zzz")]);
    expect(report.entries.map((e) => [e.competency.id, e.status])).toEqual([
      ["a", "direct"],
      ["b", "soft_only"],
      ["c", "no_method"],
      ["d", "no_row"],
    ]);
    expect(report.counts).toEqual({ direct: 1, soft_only: 1, no_method: 1, no_row: 1 });
    expect(report.orphanedRowIds).toEqual(["r9"]);
    expect(report.complete).toBe(false);
    expect(assessmentCoverage(spec.slice(0, 1), [row("r1", "a", ["oral"])]).complete).toBe(true);
  });

  it("handles a Red Seal-sized matrix of 3,000 competencies correctly", () => {
    const spec = Array.from({ length: 3000 }, (_, i) => competency(`c${i}`));
    // Rows in reverse order; every 10th competency has no row, every 7th row is soft only,
    // every 13th has no method yet; plus 25 orphans and 5 duplicates.
    const rows: AssessmentRowLike[] = [];
    for (let i = 2999; i >= 0; i -= 1) {
      if (i % 10 === 0) continue;
      const methods = i % 13 === 0 ? [] : i % 7 === 0 ? ["self_report"] : ["work_product", "logbook_signoff"];
      rows.push(row(`r${i}`, `c${i}`, methods));
    }
    for (let i = 0; i < 25; i += 1) rows.push(row(`orphan${i}`, `removed${i}`));
    for (let i = 1; i <= 5; i += 1) rows.push(row(`dup${i}`, `c${i}`));

    const expected = { direct: 0, soft_only: 0, no_method: 0, no_row: 0 };
    for (let i = 0; i < 3000; i += 1) {
      if (i % 10 === 0) expected.no_row += 1;
      else if (i % 13 === 0) expected.no_method += 1;
      else if (i % 7 === 0) expected.soft_only += 1;
      else expected.direct += 1;
    }

    const report = assessmentCoverage(spec, rows);
    expect(report.entries).toHaveLength(3000);
    expect(report.entries.map((e) => e.competency.id)).toEqual(spec.map((c) => c.id));
    expect(report.counts).toEqual(expected);
    expect(report.orphanedRowIds).toHaveLength(25);
    expect(report.duplicateRowIds).toEqual(["dup1", "dup2", "dup3", "dup4", "dup5"]);
    expect(report.entries[1]).toMatchObject({ rowId: "r1", status: "direct" });
    expect(report.complete).toBe(false);

    const entries = assessmentRowsFor(spec, rows);
    expect(entries.filter((e) => e.status === "new")).toHaveLength(300);
    expect(entries.filter((e) => e.status === "linked")).toHaveLength(2700);
  });
});
