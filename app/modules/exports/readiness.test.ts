import { describe, expect, it } from "vitest";
import type { CanonicalDocument } from "~/modules/documents/model/types";
import { blankSpecification, demoContent } from "~/modules/exports/demo-fixture";
import { readinessHref, readyCount, standardsReadiness, type ReadinessTarget } from "~/modules/exports/readiness";

const { spec, plan } = demoContent();
const PLAN = { id: "demo-doc-assessment", canonical: plan };

/** "target/item" → what is missing (null when ready). */
function missingByItem(targets: ReadinessTarget[]): Record<string, string | null> {
  return Object.fromEntries(targets.flatMap((t) => t.items.map((i) => [`${t.key}/${i.key}`, i.missing])));
}

function withFields(document: CanonicalDocument, fields: Record<string, unknown>): CanonicalDocument {
  return { ...document, fields: { ...document.fields, ...fields } as CanonicalDocument["fields"] };
}

describe("standards readiness", () => {
  it("lists the four targets with the elements each standard names", () => {
    const targets = standardsReadiness(spec, { documentId: "demo-doc-spec", plan: PLAN });
    expect(targets.map((t) => t.title)).toEqual(["EU micro-credential standard", "Open Badges 3.0", "CTDL publishing", "eCampusOntario"]);
    expect(targets[0]!.items.map((i) => i.label)).toEqual([
      "Learner",
      "Title",
      "Issuer's country",
      "Awarding body",
      "Issue date",
      "Learning outcomes",
      "Notional workload",
      "Level",
      "Type of assessment",
      "Form of participation",
      "Type of quality assurance",
    ]);
    expect(targets[3]!.items.map((i) => i.label)).toEqual([
      "Established issuing body",
      "Competencies aligned to a framework",
      "Performance outcomes",
      "Summative assessment with evidence",
      "Employer endorsement",
    ]);
  });

  it("finds the demo specification with its plan ready for every target", () => {
    const targets = standardsReadiness(spec, { documentId: "demo-doc-spec", plan: PLAN });
    expect(Object.entries(missingByItem(targets)).filter(([, missing]) => missing !== null)).toEqual([]);
    for (const target of targets) expect(readyCount(target).ready).toBe(target.items.length);
  });

  // Table: a specification, its plan, and what each checklist must then say is missing.
  const blank = blankSpecification();
  const firstCompetency = (spec.fields.competencies as Array<{ id: string }>)[0]!.id;
  it.each<[string, CanonicalDocument, typeof PLAN | null, Record<string, string | null>]>([
    [
      "the demo specification without an assessment plan",
      spec,
      null,
      {
        "eu/assessmentType": "an assessment plan linked to this specification",
        "openbadges/criteria": "an assessment plan linked to this specification",
        "openbadges/resultDescription": "an assessment plan linked to this specification",
        "ecampusontario/summativeAssessment": "an assessment plan linked to this specification",
        "eu/title": null,
        "ctdl/ownedBy": null,
      },
    ],
    [
      "a blank specification",
      blank,
      null,
      {
        "eu/learner": null,
        "eu/issueDate": null,
        "eu/title": "the credential title",
        "eu/issuerCountry": "the province of the issuing body (or the jurisdiction)",
        "eu/awardingBody": "an awarding body among the issuing and awarding bodies",
        "eu/learningOutcomes": "competencies with learning outcomes",
        "eu/learningHours": "the notional learning hours",
        "eu/level": "the qualification framework and its level",
        "eu/learningMode": "the learning mode",
        "eu/qaType": "the type of quality assurance",
        "openbadges/summary": "the short description",
        "openbadges/alignment": "competencies",
        "openbadges/creator": "the issuing and awarding bodies",
        "openbadges/languages": "the languages of instruction and assessment",
        "ctdl/name": "the credential title",
        "ctdl/description": "a short description of at least 15 characters",
        "ctdl/ownedBy": "the issuing and awarding bodies",
        "ctdl/inLanguage": "the languages of instruction and assessment",
        // A new specification starts "in development": it has a status.
        "ctdl/credentialStatusType": null,
        "ctdl/estimatedDuration": "the typical time to complete",
        "ctdl/estimatedCost": "the cost to the learner",
        "ctdl/occupationType": "the target occupations",
        "ecampusontario/frameworkAligned": "competencies from a competency framework",
        "ecampusontario/employerEndorsement": "an employer letter of support or endorsement",
      },
    ],
    [
      "a description under 15 characters, a custom competency and a competency without an outcome",
      withFields(spec, {
        summary: "Too short",
        competencies: (spec.fields.competencies as Array<Record<string, unknown>>).map((row, i) => (i === 0 ? { ...row, source: "custom", outcome: null } : row)),
      }),
      PLAN,
      {
        "ctdl/description": "a short description of at least 15 characters",
        "openbadges/summary": null,
        "eu/learningOutcomes": "a learning outcome for 1 competency",
        "ecampusontario/performanceOutcomes": "a learning outcome for 1 competency",
        "ecampusontario/frameworkAligned": "a framework for 1 custom competency",
      },
    ],
  ])("%s", (_, document, linkedPlan, expected) => {
    const missing = missingByItem(standardsReadiness(document, { documentId: "doc-1", plan: linkedPlan }));
    for (const [key, value] of Object.entries(expected)) {
      expect(missing[key], key).toBe(value);
    }
  });

  it("links each missing item to its field (the specification's, or the plan's)", () => {
    const spec2 = withFields(spec, { learningHours: null, competencies: (spec.fields.competencies as Array<Record<string, unknown>>).map((row, i) => (i === 0 ? { ...row, outcome: null } : row)) });
    const plan2 = { ...plan, fields: { ...plan.fields, assessments: (plan.fields.assessments as Array<Record<string, unknown>>).map((row, i) => (i === 1 ? { ...row, requiredLevel: null } : row)) } } as CanonicalDocument;
    const targets = standardsReadiness(spec2, { documentId: "doc-1", plan: { id: "plan-1", canonical: plan2 } });
    const find = (target: string, key: string) => targets.find((t) => t.key === target)!.items.find((i) => i.key === key)!;
    expect(readinessHref(find("eu", "learningHours").link!)).toBe("/documents/doc-1?edit#field-learningHours");
    expect(readinessHref(find("eu", "learningOutcomes").link!)).toBe(`/documents/doc-1?edit#field-competencies-${firstCompetency}-outcome`);
    const passLevel = find("openbadges", "resultDescription");
    expect(passLevel.missing).toBe("the level required to pass 1 assessment");
    expect(readinessHref(passLevel.link!)).toBe(`/documents/plan-1?edit#field-assessments-${(plan.fields.assessments as Array<{ id: string }>)[1]!.id}-requiredLevel`);
    expect(find("eu", "title").link).toBeNull();
  });
});
