import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { fillDemoAssessmentPlan, fillDemoCredentialSpec, fillDemoWblAgreement } from "~/modules/documents/kinds/demo/index";
import { canonicalDocument } from "~/modules/documents/model/canonical";
import type { CanonicalDocument } from "~/modules/documents/model/types";
import { approvingParties, certificateSummary } from "~/modules/signoff/certificate-summary";

/** The demo seed's three documents (db/seed/demo.ts builds them the same way). */
function demo() {
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
  };
}

const { competencies, spec, plan, wbl } = demo();
const asMap = (terms: Array<{ label: string; value: string }>) => Object.fromEntries(terms.map((t) => [t.label, t.value]));

describe("certificate summary", () => {
  it("gives a specification's title, code, hours, level, cost, delivery modes and dates", () => {
    expect(asMap(certificateSummary(spec))).toEqual({
      "Credential title": "Climate Adaptation Practitioner",
      "Short code": expect.any(String),
      Version: "1.0",
      "Notional learning hours": "150 hours",
      Level: "Ontario Qualifications Framework (OQF), level 8",
      "Credit value": "3 credits",
      "Cost to the learner (CAD)": "$1,450.00",
      "Learning mode": "Hybrid (online and in person)",
      "Assessment mode": "Hybrid (online and in person)",
      Schedule: "Cohort — fixed start dates",
      "Cohort start dates": "11 January 2027, 13 September 2027",
      "Typical time to complete": "16 weeks",
      "Next review": "31 January 2030",
    });
    expect(certificateSummary(spec).find((t) => t.label === "Short code")?.value).toBe("CAP-101");
  });

  it("gives a plan's specification, number of assessments and coverage headline", () => {
    const terms = asMap(certificateSummary(plan, { linkedCompetencies: competencies, linkedTitle: "Climate Adaptation Practitioner" }));
    expect(terms).toMatchObject({
      "Plan title": "Climate Adaptation Practitioner — assessment plan",
      "Credential specification": "Climate Adaptation Practitioner",
      Assessments: "6 assessments",
      Coverage: "7 of 7 essential competencies directly assessed",
    });
    // Without the specification's competencies at hand there is no headline to give, and no guess.
    expect(asMap(certificateSummary(plan))).not.toHaveProperty("Coverage");
    expect(asMap(certificateSummary(plan))["Credential specification"]).toBe("demo-doc-spec");
  });

  it("gives an agreement's employer, institution, dates and hours", () => {
    expect(asMap(certificateSummary(wbl, { linkedTitle: "Climate Adaptation Practitioner — assessment plan" }))).toMatchObject({
      "Agreement title": "Northwind Energy and Lakeshore College — work-based learning agreement",
      Employer: "Northwind Energy",
      Institution: "Lakeshore College",
      "Assessment plan": "Climate Adaptation Practitioner — assessment plan",
      Dates: "3 February 2027 to 21 April 2027",
      "Total hours of the placement": "60 hours",
      "Hours per week": "6 hours",
    });
  });

  it("leaves out what the approved version left empty", () => {
    const blank: CanonicalDocument = { ...spec, fields: { ...spec.fields, costCad: null, cohortStarts: [], nextReviewDate: null } };
    const labels = certificateSummary(blank).map((t) => t.label);
    expect(labels).not.toContain("Cost to the learner (CAD)");
    expect(labels).not.toContain("Cohort start dates");
    expect(labels).toContain("Credential title");
  });

  it("names the parties whose approvals count, not outdated ones or other decisions", () => {
    const base = { stage: "Partners", decidedAt: "2026-12-01T07:40:00.000Z", versionHash: "a".repeat(64), comment: null };
    expect(
      approvingParties([
        { ...base, organization: "Northwind Energy", decision: "Approved", decidedBy: "Maya Okafor", outdated: true },
        { ...base, organization: "Northwind Energy", decision: "Approved", decidedBy: "Maya Okafor", outdated: false },
        { ...base, organization: "Lakeshore College", decision: "Changes requested", decidedBy: "Daniel Tremblay", outdated: false },
      ]),
    ).toEqual([{ organization: "Northwind Energy", stage: "Partners", decidedBy: "Maya Okafor", decidedAt: "2026-12-01T07:40:00.000Z" }]);
  });

  it("words the key terms in French for a French reader: the kinds' French labels and fr-CA money", () => {
    const terms = asMap(certificateSummary(spec, { locale: "fr" }));
    const cost = Object.entries(terms).find(([label]) => /^Coût/.test(label));
    expect(cost?.[1]).toMatch(/^[\d\s\u00a0\u202f]+(,\d\d)?\s\$$/);
    expect(terms.Niveau).toMatch(/niveau \d/);
    expect(asMap(certificateSummary(plan, { locale: "fr", linkedTitle: "Spec" }))["Spécification du microtitre"]).toBe("Spec");
    // English stays as it was.
    expect(certificateSummary(spec)).toEqual(certificateSummary(spec, { locale: "en" }));
  });
});
