import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { canonicalDocument, canonicalHash } from "~/modules/documents/model/canonical";
import { projectDocument } from "~/modules/documents/model/projection";
import { RICH_TEXT_HEADING_LEVELS } from "~/modules/documents/model/richtext";
import type { CanonicalDocument, ProseMirrorJSON } from "~/modules/documents/model/types";
import { validateFields } from "~/modules/documents/model/validate";
import { planCoverage } from "~/modules/documents/kinds/assessment-plan";
import { coveragePairs } from "~/modules/documents/model/coverage-cells";
import { fillDemoAssessmentPlan, fillDemoCredentialSpec, fillDemoWblAgreement } from "~/modules/documents/kinds/demo/index";

function build() {
  const spec = new Y.Doc();
  const competencies = fillDemoCredentialSpec(spec);
  const plan = new Y.Doc();
  fillDemoAssessmentPlan(plan, competencies);
  const wbl = new Y.Doc();
  fillDemoWblAgreement(wbl);
  return {
    competencies,
    spec: canonicalDocument(spec, "credential_spec"),
    plan: canonicalDocument(plan, "assessment_plan"),
    wbl: canonicalDocument(wbl, "wbl_agreement"),
    docs: { spec, plan, wbl },
  };
}

const TODAY = "2026-11-28";

function headingLevels(doc: ProseMirrorJSON): number[] {
  const own = doc.type === "heading" && typeof doc.attrs?.level === "number" ? [doc.attrs.level] : [];
  return [...own, ...(doc.content ?? []).flatMap(headingLevels)];
}

function allText(canonical: CanonicalDocument): string {
  return JSON.stringify(canonical.fields) + Object.values(canonical.text).map((t) => t.plain).join("\n");
}

describe("demo documents", () => {
  const demo = build();
  const planProjection = projectDocument(demo.plan, "assessment_plan", { linkedCompetencies: demo.competencies });

  it.each([
    ["credential_spec", () => demo.spec, {}],
    ["assessment_plan", () => demo.plan, { linkedCompetencies: demo.competencies }],
    ["wbl_agreement", () => demo.wbl, { linkedCompetencies: planProjection.competencies }],
  ] as const)("%s is complete, valid and current", (kind, canonical, context) => {
    const projection = projectDocument(canonical(), kind, context);
    expect(projection.completeness.missing).toEqual([]);
    expect(projection.completeness.percent).toBe(100);
    expect(validateFields(kind, canonical().fields, { ...context, today: TODAY })).toEqual([]);
    expect(projection.title.length).toBeGreaterThan(10);
  });

  it("has realistic content: eight framework competencies, NOC 2021 codes, hours and CAD costs", () => {
    expect(demo.competencies).toHaveLength(8);
    expect(demo.competencies.filter((c) => c.essential)).toHaveLength(7);
    const occupations = demo.spec.fields.occupations as { system: string; code: string }[];
    expect(occupations.every((o) => o.system === "noc_2021" && /^\d{5}$/.test(o.code))).toBe(true);
    expect(demo.spec.fields).toMatchObject({ learningHours: 150, costCad: 1450, jurisdiction: "ON" });
    const modules = demo.spec.fields.modules as { ownedBy: string; hours: number }[];
    expect(modules.reduce((sum, m) => sum + m.hours, 0)).toBe(150);
    expect(modules.map((m) => m.ownedBy)).toContain("Prairie University");
    for (const canonical of [demo.spec, demo.plan, demo.wbl]) expect(allText(canonical)).not.toMatch(/lorem|ipsum|TODO|TBD/i);
  });

  it("gives the plan a handful of assessments that assess every competency directly", () => {
    const rows = demo.plan.fields.assessments as { id: string; weight?: number }[];
    expect(rows.length).toBeGreaterThanOrEqual(5);
    expect(rows.length).toBeLessThanOrEqual(8);
    expect(rows.reduce((sum, row) => sum + (row.weight ?? 0), 0)).toBe(100);
    const coverage = planCoverage(demo.plan.fields, { linkedCompetencies: demo.competencies })!;
    expect(coverage.gaps).toBe(0);
    expect(coverage.softOnly).toBe(0);
    expect(coverage.complete).toBe(true);
    expect(coverage.competencies.map((c) => [c.competency.code, c.status])).toEqual(demo.competencies.map((c) => [c.code, "direct"]));
    expect(demo.plan.fields.credentialSpecId).toBe("demo-doc-spec");
  });

  it("assesses at least three competencies by the workplace observation, and adds log-book evidence to some", () => {
    const rows = demo.plan.fields.assessments as { id: string; method: string; setting: string }[];
    const cells = coveragePairs(demo.plan.fields.coverage);
    const assessedBy = (method: string) => {
      const ids = new Set(rows.filter((row) => row.method === method).map((row) => row.id));
      return new Set(cells.filter(([assessmentId]) => ids.has(assessmentId)).map(([, competencyId]) => competencyId));
    };
    expect(rows.find((row) => row.method === "observation")?.setting).toBe("workplace");
    expect(assessedBy("observation").size).toBeGreaterThanOrEqual(3);
    expect(assessedBy("logbook_signoff").size).toBeGreaterThan(0);
    // The WBL agreement's competencies are all assessed at work.
    const atWork = new Set(planProjection.competencies.filter((c) => c.assessedAtWorkplace).map((c) => c.id));
    for (const c of projectDocument(demo.wbl).competencies) expect(atWork.has(c.id), c.code ?? c.id).toBe(true);
  });

  it("links the WBL agreement's competencies to the plan, between Northwind Energy and Lakeshore College", () => {
    const planIds = new Set(planProjection.competencies.map((c) => c.id));
    const work = projectDocument(demo.wbl).competencies;
    expect(work.length).toBeGreaterThanOrEqual(4);
    expect(work.every((c) => planIds.has(c.id))).toBe(true);
    const parties = demo.wbl.fields.parties as { organization: string; role: string }[];
    expect(parties.map((p) => [p.organization, p.role])).toEqual([
      ["Northwind Energy", "employer"],
      ["Lakeshore College", "institution"],
    ]);
    expect(demo.wbl.fields.assessmentPlanId).toBe("demo-doc-assessment");
  });

  it("fills every rich-text block with prose, using only headings the editor offers", () => {
    for (const canonical of [demo.spec, demo.plan, demo.wbl]) {
      for (const [key, text] of Object.entries(canonical.text)) {
        expect(text.plain.length, `${canonical.kind}.${key}`).toBeGreaterThan(80);
        for (const level of headingLevels(text.doc)) expect(RICH_TEXT_HEADING_LEVELS).toContain(level);
      }
    }
  });

  it("is deterministic: the same content hashes the same on every build, and refilling changes nothing", async () => {
    const again = build();
    expect(await canonicalHash(again.spec)).toBe(await canonicalHash(demo.spec));
    expect(await canonicalHash(again.wbl)).toBe(await canonicalHash(demo.wbl));
    fillDemoCredentialSpec(again.docs.spec);
    expect(await canonicalHash(canonicalDocument(again.docs.spec, "credential_spec"))).toBe(await canonicalHash(demo.spec));
  });
});
