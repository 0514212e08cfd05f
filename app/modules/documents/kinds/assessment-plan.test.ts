import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { ASSESSMENT_PLAN, planCoverage } from "~/modules/documents/kinds/assessment-plan";
import { buildTemplate } from "~/modules/documents/model/template";
import { canonicalDocument } from "~/modules/documents/model/canonical";
import { completeness } from "~/modules/documents/model/completeness";
import { projectDocument } from "~/modules/documents/model/projection";
import { validateFields } from "~/modules/documents/model/validate";
import { addRow, coverageMap, moveRow, removeRow, removeRows, setCoverage, setValue } from "~/modules/documents/model/ydoc";
import type { ProjectedCompetency } from "~/modules/documents/model/types";

const competency = (id: string, essential: boolean | null = true): ProjectedCompetency => ({ id, code: id.toUpperCase(), title: `Competency ${id}`, framework: "F (1)", level: null, essential, branch: "Core" });
const SPEC = [competency("c1"), competency("c2"), competency("c3", false), competency("c4", null)];

function plan(): Y.Doc {
  const ydoc = new Y.Doc();
  buildTemplate(ydoc, ASSESSMENT_PLAN);
  return ydoc;
}

function assessment(ydoc: Y.Doc, name: string, method: string, extra: Record<string, string | boolean> = {}): string {
  return addRow(ydoc, ASSESSMENT_PLAN, "assessments", { name, method, setting: "institution", ...extra });
}

const coverageOf = (ydoc: Y.Doc, context = { linkedCompetencies: SPEC }) => planCoverage(canonicalDocument(ydoc, ASSESSMENT_PLAN).fields, context);

describe("the coverage matrix in the plan's Y.Doc", () => {
  it("stores ticks as keys of one map and reads them back as sorted canonical keys", () => {
    const ydoc = plan();
    const exam = assessment(ydoc, "Exam", "written_examination");
    expect(setCoverage(ydoc, ASSESSMENT_PLAN, "coverage", exam, ["c2", "c1"], true)).toBe(2);
    expect(setCoverage(ydoc, ASSESSMENT_PLAN, "coverage", exam, ["c1"], true)).toBe(0); // already ticked: no update
    expect(canonicalDocument(ydoc, ASSESSMENT_PLAN).fields.coverage).toEqual([`${exam}|c1`, `${exam}|c2`]);
    expect(setCoverage(ydoc, ASSESSMENT_PLAN, "coverage", exam, ["c1"], false)).toBe(1);
    expect(canonicalDocument(ydoc, ASSESSMENT_PLAN).fields.coverage).toEqual([`${exam}|c2`]);
  });

  it("merges two people ticking different cells of the same assessment at once", () => {
    const alice = plan();
    const exam = assessment(alice, "Exam", "written_examination");
    const bob = new Y.Doc();
    Y.applyUpdate(bob, Y.encodeStateAsUpdate(alice));
    setCoverage(alice, ASSESSMENT_PLAN, "coverage", exam, ["c1"], true);
    setCoverage(bob, ASSESSMENT_PLAN, "coverage", exam, ["c2"], true);
    Y.applyUpdate(alice, Y.encodeStateAsUpdate(bob));
    Y.applyUpdate(bob, Y.encodeStateAsUpdate(alice));
    for (const ydoc of [alice, bob]) expect(canonicalDocument(ydoc, ASSESSMENT_PLAN).fields.coverage).toEqual([`${exam}|c1`, `${exam}|c2`]);
  });

  it("ticks nothing for an assessment someone removed meanwhile", () => {
    const ydoc = plan();
    const exam = assessment(ydoc, "Exam", "written_examination");
    removeRow(ydoc, ASSESSMENT_PLAN, "assessments", exam);
    expect(setCoverage(ydoc, ASSESSMENT_PLAN, "coverage", exam, ["c1"], true)).toBe(0);
    expect(coverageMap(ydoc, "coverage")?.size).toBe(0);
  });

  it("clears a removed assessment's cells with it, and keeps them when it moves", () => {
    const ydoc = plan();
    const [exam, visit, log] = [assessment(ydoc, "Exam", "written_examination"), assessment(ydoc, "Visit", "observation"), assessment(ydoc, "Log", "logbook_signoff")];
    setCoverage(ydoc, ASSESSMENT_PLAN, "coverage", exam, ["c1", "c2"], true);
    setCoverage(ydoc, ASSESSMENT_PLAN, "coverage", visit, ["c1"], true);
    setCoverage(ydoc, ASSESSMENT_PLAN, "coverage", log, ["c2"], true);
    moveRow(ydoc, ASSESSMENT_PLAN, "assessments", log, 0);
    removeRow(ydoc, ASSESSMENT_PLAN, "assessments", exam);
    expect(canonicalDocument(ydoc, ASSESSMENT_PLAN).fields.coverage).toEqual([`${log}|c2`, `${visit}|c1`].sort());
    removeRows(ydoc, ASSESSMENT_PLAN, "assessments", [visit, log]);
    expect(canonicalDocument(ydoc, ASSESSMENT_PLAN).fields.coverage).toEqual([]);
  });

  it("a removal undone under its own origin brings the assessment and its cells back, for a colleague too", () => {
    const alice = plan();
    const exam = assessment(alice, "Exam", "written_examination");
    setCoverage(alice, ASSESSMENT_PLAN, "coverage", exam, ["c1", "c2"], true);
    const bob = new Y.Doc();
    Y.applyUpdate(bob, Y.encodeStateAsUpdate(alice));
    alice.on("update", (update: Uint8Array) => Y.applyUpdate(bob, update));
    // What components/document/use-undoable-removal.ts does: track only the removal's origin.
    const removal = { removal: true };
    const undo = new Y.UndoManager(alice.getMap("fields"), { trackedOrigins: new Set([removal]), captureTimeout: 0 });
    setValue(alice, ASSESSMENT_PLAN, "title", "Plan"); // not tracked: stays
    removeRow(alice, ASSESSMENT_PLAN, "assessments", exam, removal);
    expect(canonicalDocument(bob, ASSESSMENT_PLAN).fields.coverage).toEqual([]);
    undo.undo();
    const restored = canonicalDocument(bob, ASSESSMENT_PLAN).fields;
    expect(restored.assessments).toMatchObject([{ id: exam, name: "Exam" }]);
    expect(restored.coverage).toEqual([`${exam}|c1`, `${exam}|c2`]);
    expect(restored.title).toBe("Plan");
  });

  it("refuses setValue on the matrix (cells go through setCoverage)", () => {
    expect(() => setValue(plan(), ASSESSMENT_PLAN, "coverage", ["x|y"])).toThrow(/setCoverage/);
  });
});

describe("the plan's coverage rules", () => {
  it("needs the specification: without it there is no report and no coverage check", () => {
    const ydoc = plan();
    expect(planCoverage(canonicalDocument(ydoc, ASSESSMENT_PLAN).fields, {})).toBeNull();
    expect(completeness(ASSESSMENT_PLAN, canonicalDocument(ydoc, ASSESSMENT_PLAN)).missing.some((m) => m.path === "coverage")).toBe(false);
  });

  it("counts an unset 'essential' as essential and an optional competency as never blocking", () => {
    const ydoc = plan();
    const visit = assessment(ydoc, "Visit", "observation");
    setCoverage(ydoc, ASSESSMENT_PLAN, "coverage", visit, ["c1"], true);
    const report = coverageOf(ydoc)!;
    expect(report.essential).toEqual({ total: 3, direct: 1, softOnly: 0, none: 2 });
    expect(report.gaps).toBe(2);
    const missing = completeness(ASSESSMENT_PLAN, canonicalDocument(ydoc, ASSESSMENT_PLAN), { linkedCompetencies: SPEC }).missing.filter((m) => m.path === "coverage");
    expect(missing.map((m) => m.message)).toEqual(["2 competencies have no direct assessment."]);
  });

  it("warns (does not block) on soft evidence only, and is complete once every essential competency is covered", () => {
    const ydoc = plan();
    const visit = assessment(ydoc, "Visit", "observation");
    const log = assessment(ydoc, "Log", "logbook_signoff");
    setCoverage(ydoc, ASSESSMENT_PLAN, "coverage", visit, ["c1", "c4"], true);
    setCoverage(ydoc, ASSESSMENT_PLAN, "coverage", log, ["c2"], true);
    const fields = canonicalDocument(ydoc, ASSESSMENT_PLAN).fields;
    const warnings = validateFields(ASSESSMENT_PLAN, fields, { linkedCompetencies: SPEC }).filter((i) => i.path === "coverage");
    expect(warnings).toMatchObject([{ severity: "warning", message: expect.stringMatching(/^1 essential competency is assessed by soft evidence only/) }]);
    expect(coverageOf(ydoc)?.complete).toBe(true);
    expect(completeness(ASSESSMENT_PLAN, canonicalDocument(ydoc, ASSESSMENT_PLAN), { linkedCompetencies: SPEC }).missing.some((m) => m.path === "coverage")).toBe(false);
  });

  it("requires the assessment-only route to cover every essential competency when the plan or the specification offers it", () => {
    const ydoc = plan();
    const visit = assessment(ydoc, "Visit", "observation");
    const challenge = assessment(ydoc, "Challenge", "practical_demonstration", { assessmentOnlyRoute: true });
    setCoverage(ydoc, ASSESSMENT_PLAN, "coverage", visit, ["c1", "c2", "c4"], true);
    setCoverage(ydoc, ASSESSMENT_PLAN, "coverage", challenge, ["c1"], true);
    expect(coverageOf(ydoc)?.gaps).toBe(0);
    const offered = { linkedCompetencies: SPEC, linkedKeyFields: { assessmentOnlyRoute: true } };
    expect(coverageOf(ydoc, offered)).toMatchObject({ gaps: 2, routeGaps: 2 });
    setValue(ydoc, ASSESSMENT_PLAN, "assessmentOnlyOffered", true);
    expect(coverageOf(ydoc)).toMatchObject({ gaps: 2, routeGaps: 2 });
    setCoverage(ydoc, ASSESSMENT_PLAN, "coverage", challenge, ["c2", "c4"], true);
    expect(coverageOf(ydoc)?.gaps).toBe(0);
  });

  it("projects every competency of the specification with whether a workplace assessment assesses it, and the coverage summary", () => {
    const ydoc = plan();
    const visit = assessment(ydoc, "Visit", "observation", { setting: "workplace" });
    const exam = assessment(ydoc, "Exam", "written_examination");
    setCoverage(ydoc, ASSESSMENT_PLAN, "coverage", visit, ["c2"], true);
    setCoverage(ydoc, ASSESSMENT_PLAN, "coverage", exam, ["c1"], true);
    const projection = projectDocument(canonicalDocument(ydoc, ASSESSMENT_PLAN), ASSESSMENT_PLAN, { linkedCompetencies: SPEC });
    expect(projection.competencies.map((c) => [c.id, c.assessedAtWorkplace])).toEqual([
      ["c1", false],
      ["c2", true],
      ["c3", false],
      ["c4", false],
    ]);
    expect(projection.coverage).toMatchObject({ gaps: 1, essential: { total: 3, direct: 2 }, branches: [{ branch: "Core", total: 4 }] });
    expect(projectDocument(canonicalDocument(ydoc, ASSESSMENT_PLAN), ASSESSMENT_PLAN).coverage).toBeNull();
  });
});
