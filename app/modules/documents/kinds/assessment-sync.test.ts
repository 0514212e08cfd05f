import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { canonicalDocument } from "~/modules/documents/model/canonical";
import { completeness } from "~/modules/documents/model/completeness";
import { newDocumentFromTemplate } from "~/modules/documents/model/template";
import type { ProjectedCompetency } from "~/modules/documents/model/types";
import { validateFields } from "~/modules/documents/model/validate";
import { readFields, removeRow, setValue } from "~/modules/documents/model/ydoc";
import { syncAssessmentRows } from "~/modules/documents/kinds/assessment-sync";

const kind = "assessment_plan" as const;
const competency = (id: string, title = `Competency ${id}`): ProjectedCompetency => ({ id, code: id.toUpperCase(), title, framework: null, level: null, essential: true });

function plan(): Y.Doc {
  const ydoc = new Y.Doc();
  Y.applyUpdate(ydoc, newDocumentFromTemplate(kind));
  return ydoc;
}
const rows = (ydoc: Y.Doc) => readFields(ydoc).assessments as Record<string, unknown>[];

describe("syncAssessmentRows", () => {
  it("adds a row per competency as competencies are added, keeping what people wrote", () => {
    const ydoc = plan();
    expect(syncAssessmentRows(ydoc, [competency("a"), competency("b")]).added).toEqual(["a", "b"]);
    const first = rows(ydoc)[0]!.id as string;
    setValue(ydoc, kind, `assessments.${first}.methods`, ["observation"]);
    const result = syncAssessmentRows(ydoc, [competency("a"), competency("b"), competency("c")]);
    expect(result.added).toEqual(["c"]);
    expect(rows(ydoc).map((r) => [r.competencyId, r.competencyCode])).toEqual([
      ["a", "A"],
      ["b", "B"],
      ["c", "C"],
    ]);
    expect(rows(ydoc)[0]!.methods).toEqual(["observation"]);
  });

  it("is idempotent and writes no update when nothing changed", () => {
    const ydoc = plan();
    syncAssessmentRows(ydoc, [competency("a")]);
    let updates = 0;
    ydoc.on("update", () => (updates += 1));
    expect(syncAssessmentRows(ydoc, [competency("a")])).toEqual({ added: [], refreshed: 0, orphaned: [], duplicates: [] });
    expect(updates).toBe(0);
  });

  it("refreshes copied titles and never deletes a row whose competency left", () => {
    const ydoc = plan();
    syncAssessmentRows(ydoc, [competency("a"), competency("b")]);
    const result = syncAssessmentRows(ydoc, [competency("a", "Renamed")]);
    expect(result.refreshed).toBe(1);
    expect(result.orphaned).toHaveLength(1);
    expect(rows(ydoc)).toHaveLength(2);
    expect(rows(ydoc)[0]!.competencyTitle).toBe("Renamed");

    // The checklist and validation flag the orphan when the specification is known.
    const canonical = canonicalDocument(ydoc, kind);
    const orphanId = rows(ydoc)[1]!.id as string;
    const missing = completeness(kind, canonical, { linkedCompetencies: [competency("a", "Renamed")] }).missing;
    expect(missing.find((m) => m.path === `assessments.${orphanId}`)?.message).toMatch(/removed from the specification/);
    expect(validateFields(kind, canonical.fields, { linkedCompetencies: [competency("a")] }).map((i) => [i.path, i.severity])).toEqual([[`assessments.${orphanId}`, "warning"]]);
  });

  it("shows, not hides, the duplicate rows two concurrent syncs create", () => {
    const template = newDocumentFromTemplate(kind);
    const a = new Y.Doc();
    const b = new Y.Doc();
    Y.applyUpdate(a, template);
    Y.applyUpdate(b, template);
    syncAssessmentRows(a, [competency("x")]);
    syncAssessmentRows(b, [competency("x")]);
    Y.applyUpdate(a, Y.encodeStateAsUpdate(b));
    expect(rows(a)).toHaveLength(2);
    const result = syncAssessmentRows(a, [competency("x")]);
    expect(result.duplicates).toHaveLength(1);
    const issues = validateFields(kind, canonicalDocument(a, kind).fields);
    expect(issues.map((i) => i.message)).toEqual(["This competency already has a row in the plan: merge the two rows."]);
  });

  it("reports competencies without rows and soft-only rows on the checklist", () => {
    const ydoc = plan();
    syncAssessmentRows(ydoc, [competency("a"), competency("b")]);
    const [ra, rb] = rows(ydoc).map((r) => r.id as string);
    setValue(ydoc, kind, `assessments.${ra}.methods`, ["logbook_signoff"]);
    removeRow(ydoc, kind, "assessments", rb!);
    const missing = completeness(kind, canonicalDocument(ydoc, kind), { linkedCompetencies: [competency("a"), competency("b")] }).missing;
    expect(missing.filter((m) => m.fieldKey === "assessments" && !m.cellKey?.match(/evidence|assessor|identityVerification|requiredLevel|validatedBy/)).map((m) => [m.path, m.message])).toEqual([
      [`assessments.${ra}.methods`, "Add a direct method: log-book sign-off or self-report alone is soft evidence."],
      ["assessments", "B Competency b has no assessment row yet."],
    ]);
  });

  it("syncs 3,000 competencies into a plan and covers them all", () => {
    const ydoc = plan();
    const spec = Array.from({ length: 3000 }, (_, i) => competency(`c${i}`));
    expect(syncAssessmentRows(ydoc, spec.slice(0, 2000)).added).toHaveLength(2000);
    expect(syncAssessmentRows(ydoc, spec).added).toHaveLength(1000);
    const all = rows(ydoc);
    expect(all).toHaveLength(3000);
    expect(all.map((r) => r.competencyId)).toEqual(spec.map((c) => c.id));
    expect(new Set(all.map((r) => r.id)).size).toBe(3000);
  });
});
