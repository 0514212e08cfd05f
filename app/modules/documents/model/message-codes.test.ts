import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { canonicalDocument } from "~/modules/documents/model/canonical";
import { completeness } from "~/modules/documents/model/completeness";
import { newDocumentFromTemplate } from "~/modules/documents/model/template";
import type { MessageCode } from "~/modules/documents/model/types";
import { validateFields } from "~/modules/documents/model/validate";
import { translator } from "~/modules/i18n/i18n";
import { rowNoun } from "~/modules/i18n/kind-text";
import type { Locale } from "~/modules/i18n/locales";

type Kind = "credential_spec" | "assessment_plan" | "wbl_agreement";

// What components/document/field-issues.tsx issueText does, without React.
function render(kind: Kind, locale: Locale, issue: { message: string } & MessageCode): string {
  if (!issue.code) return issue.message;
  const params: Record<string, string | number> = { ...issue.params };
  if (typeof params.rowField === "string") {
    const noun = rowNoun(kind, params.rowField, locale);
    if (!noun) return issue.message;
    params.noun = noun.singular;
    params.gender = noun.gender;
  }
  return translator(locale)(issue.code, params);
}

function blank(kind: Kind) {
  const ydoc = new Y.Doc();
  Y.applyUpdate(ydoc, newDocumentFromTemplate(kind));
  return canonicalDocument(ydoc, kind);
}

const specFields = {
  occupations: [{ id: "o1", system: "noc_2021", code: "123" }],
  bilingual: true,
  competencies: [{ id: "c1", outcome: "Plans a site survey." }],
  framework: "oqf",
  frameworkLevel: 20,
  creditValue: 3,
  creditSystem: "not_for_credit",
  demandSignals: [{ id: "d1", competencyId: "gone", date: "2026-05-01", reviewBy: "2026-01-01" }],
  evidenceReviewDate: "2026-01-01",
  learningHours: 10,
  credentialKind: "module",
  modules: [{ id: "m1", hours: 1200 }],
  laddersInto: [{ id: "l1", transcriptable: true }],
};
const wblFields = { startDate: "2027-02-03", endDate: "2027-04-21", hoursPerWeek: 6, totalHours: 120, onTheJobHours: 100, offTheJobHours: 30, reviewDate: "2027-06-01", milestones: [{ id: "m1", due: "2027-05-01" }] };

describe("the model's messages in the reader's language (issue #20)", () => {
  const cases: [Kind, ({ message: string } & MessageCode)[]][] = [
    ["credential_spec", [...validateFields("credential_spec", specFields as never, { today: "2026-06-01" }), ...completeness("credential_spec", blank("credential_spec")).missing]],
    ["wbl_agreement", [...validateFields("wbl_agreement", wblFields as never), ...completeness("wbl_agreement", blank("wbl_agreement")).missing]],
    ["assessment_plan", completeness("assessment_plan", blank("assessment_plan")).missing],
  ];

  it.each(cases)("%s: each coded message says in English exactly its English, and has French", (kind, issues) => {
    const coded = issues.filter((issue) => issue.code);
    expect(coded.length).toBeGreaterThan(0);
    for (const issue of coded) {
      expect(render(kind, "en", issue)).toBe(issue.message);
      const french = render(kind, "fr", issue);
      expect(french).not.toBe(issue.code);
      expect(french).not.toBe(issue.message);
    }
  });

  it("covers the rules it was written for", () => {
    const codes = new Set(cases.flatMap(([, issues]) => issues.map((issue) => issue.code)));
    for (const code of ["occupationCode", "outcomeFrench", "frameworkLevels", "creditSystem", "competencyGone", "reviewBeforeEvidence", "labourMarketPastReview", "moduleHours", "transcriptNote"]) {
      expect(codes).toContain(`documents.rules.spec.${code}`);
    }
    for (const code of ["reviewOutside", "hoursSplit", "hoursPerWeek", "milestoneOutside", "addEmployer", "addInstitution"]) expect(codes).toContain(`documents.rules.wbl.${code}`);
    for (const code of ["writeSection", "fillIn", "chooseOne", "addOne"]) expect(codes).toContain(`documents.rules.${code}`);
  });

  it("puts the French row noun with its gender", () => {
    const [, issues] = cases[0]!;
    const add = issues.find((issue) => issue.code === "documents.rules.addOne" && issue.params?.rowField === "competencies");
    expect(add ? render("credential_spec", "fr", add) : null).toBe("Ajoutez une compétence.");
  });
});
