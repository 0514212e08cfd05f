import { describe, expect, it } from "vitest";
import { computeCoverage, gapMessage, headline, softOnlyMessage, type CoverageAssessment, type CoverageCompetency, type CoverageStatus } from "~/modules/coverage/rules";
import { ASSESSMENT_METHODS, evidenceKindOf } from "~/modules/coverage/methods";

const competency = (id: string, essential = true, branch: string | null = "Core"): CoverageCompetency => ({ id, code: id.toUpperCase(), title: `Competency ${id}`, branch, essential });
const assessment = (id: string, method: string | null, extra: Partial<CoverageAssessment> = {}): CoverageAssessment => ({
  id,
  name: id,
  method,
  setting: "institution",
  assessmentOnlyRoute: false,
  ...extra,
});

describe("evidence kinds", () => {
  it("counts log-book sign-off, self-report and attendance as soft, the seven others as direct", () => {
    expect(ASSESSMENT_METHODS.filter((m) => m.evidence === "soft").map((m) => m.value)).toEqual(["logbook_signoff", "self_report", "attendance"]);
    expect(ASSESSMENT_METHODS.filter((m) => m.evidence === "direct")).toHaveLength(7);
    expect(evidenceKindOf("observation")).toBe("direct");
    expect(evidenceKindOf("attendance")).toBe("soft");
    expect(evidenceKindOf(null)).toBeNull();
    expect(evidenceKindOf("telepathy")).toBeNull();
  });
});

describe("computeCoverage: one competency", () => {
  type Case = [label: string, essential: boolean, methods: Array<string | null>, route: { required: boolean; routeMethods?: string[] }, status: CoverageStatus, gap: boolean];
  const cases: Case[] = [
    ["unassessed essential", true, [], { required: false }, "none", true],
    ["unassessed optional (reported, never blocks)", false, [], { required: false }, "none", false],
    ["one direct assessment", true, ["observation"], { required: false }, "direct", false],
    ["soft only (a warning, not a gap)", true, ["logbook_signoff"], { required: false }, "soft_only", false],
    ["soft and direct", true, ["self_report", "written_examination"], { required: false }, "direct", false],
    ["attendance only", true, ["attendance"], { required: false }, "soft_only", false],
    ["an assessment without a method counts as nothing", true, [null], { required: false }, "none", true],
    ["route required, the route covers it", true, ["observation"], { required: true, routeMethods: ["portfolio"] }, "direct", false],
    ["route required, the route leaves it out", true, ["observation"], { required: true }, "direct", true],
    ["route required, optional left out of the route", false, ["observation"], { required: true }, "direct", false],
    ["route required, covered by the route with soft evidence", true, [], { required: true, routeMethods: ["self_report"] }, "soft_only", false],
  ];
  it.each(cases)("%s", (_label, essential, methods, route, status, gap) => {
    const assessments = [
      ...methods.map((method, i) => assessment(`a${i}`, method)),
      ...(route.routeMethods ?? []).map((method, i) => assessment(`route${i}`, method, { assessmentOnlyRoute: true })),
    ];
    const report = computeCoverage({
      competencies: [competency("c1", essential)],
      assessments,
      cells: assessments.map((a) => [a.id, "c1"] as const),
      routeRequired: route.required,
    });
    const [entry] = report.competencies;
    expect(entry?.status).toBe(status);
    expect(entry?.gap).toBe(gap);
    expect(report.gaps).toBe(gap ? 1 : 0);
    expect(report.complete).toBe(!gap);
  });
});

describe("computeCoverage: a plan", () => {
  const competencies = [competency("a", true, "Safety"), competency("b", true, "Safety"), competency("c", false, "Safety"), competency("d", true, "Piping"), competency("e", true, null)];
  const assessments = [assessment("obs", "observation", { setting: "workplace" }), assessment("log", "logbook_signoff", { setting: "workplace" }), assessment("exam", "written_examination")];
  const report = computeCoverage({
    competencies,
    assessments,
    cells: [
      ["obs", "a"],
      ["exam", "a"],
      ["log", "b"],
      ["exam", "c"],
      ["ghost", "d"], // an assessment that no longer exists
      ["obs", "gone"], // a competency no longer in the specification
      ["exam", "a"], // a repeated cell counts once
    ],
    routeRequired: false,
  });

  it("tallies essential and optional competencies apart", () => {
    expect(report.essential).toEqual({ total: 4, direct: 1, softOnly: 1, none: 2 });
    expect(report.optional).toEqual({ total: 1, direct: 1, softOnly: 0, none: 0 });
    expect(report.gaps).toBe(2);
    expect(report.softOnly).toBe(1);
    expect(report.complete).toBe(false);
  });

  it("lists each competency's assessments in plan order and knows which are assessed at work", () => {
    expect(report.byId.get("a")).toMatchObject({ assessmentIds: ["obs", "exam"], atWorkplace: true, status: "direct" });
    expect(report.byId.get("b")).toMatchObject({ assessmentIds: ["log"], atWorkplace: true, status: "soft_only" });
    expect(report.byId.get("c")).toMatchObject({ atWorkplace: false });
    expect(report.byId.get("d")).toMatchObject({ assessmentIds: [], status: "none", gap: true });
    expect(report.byId.has("gone")).toBe(false);
  });

  it("groups by branch in order of first appearance", () => {
    expect(report.branches).toEqual([
      { branch: "Safety", total: 3, direct: 2, softOnly: 1, none: 0, gaps: 0 },
      { branch: "Piping", total: 1, direct: 0, softOnly: 0, none: 1, gaps: 1 },
      { branch: null, total: 1, direct: 0, softOnly: 0, none: 1, gaps: 1 },
    ]);
  });

  it("says it in words", () => {
    expect(headline(report)).toBe("1 of 4 essential competencies directly assessed");
    expect(gapMessage(report.gaps)).toBe("2 competencies have no direct assessment");
    expect(gapMessage(1)).toBe("1 competency has no direct assessment");
    expect(gapMessage(2987)).toBe("2,987 competencies have no direct assessment");
    expect(softOnlyMessage(1)).toMatch(/^1 essential competency is assessed by soft evidence only/);
  });

  it("counts a competency the specification lists twice once", () => {
    const twice = computeCoverage({ competencies: [competency("a"), competency("a")], assessments: [], cells: [], routeRequired: false });
    expect(twice.competencies).toHaveLength(1);
    expect(twice.gaps).toBe(1);
  });
});
