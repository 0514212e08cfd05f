import type * as Y from "yjs";
import { markdownToDoc } from "~/modules/documents/model/richtext";
import { buildTemplate } from "~/modules/documents/model/template";
import type { JsonValue, ProjectedCompetency } from "~/modules/documents/model/types";
import { coverageMap, replaceRows, setCoverage, setValues, writeText } from "~/modules/documents/model/ydoc";
import { ASSESSMENT_PLAN } from "~/modules/documents/kinds/assessment-plan";

const RUBRIC = "1 Not yet — needs substantial guidance. 2 Developing — completes the task with guidance. 3 Proficient — completes the task independently to workplace standard. 4 Advanced — adapts the method to new situations and coaches others.";

const PORTFOLIO = "Learner's e-portfolio, shared with the host employer's supervisor";
const VALIDATED_BY = "Samuel Kwan, P.Eng., Senior Resilience Engineer, Northwind Energy";
const PASS = "Level 3 — Proficient on every competency it assesses";

/**
 * The plan's assessments, and the competencies (by code) each one assesses. Weights add up to 100
 * over the graded assessments; the log-book is soft evidence and ungraded.
 */
const ASSESSMENTS: readonly { row: Record<string, JsonValue> & { id: string }; assesses: readonly string[] }[] = [
  {
    row: {
      id: "cap-as01",
      name: "Written examination: climate projections and impacts on grid assets",
      method: "written_examination",
      setting: "online",
      assessor: "institution",
      assessorQualification: "Lakeshore College faculty member with a graduate degree in climate science",
      identityVerification: "online_id",
      proctoring: "remote_live",
      evidence: ["test_result"],
      employerAccess: "Results summary in the learner's e-portfolio",
      rubric: "Marking scheme mapped to the rubric: under 50% Not yet, 50–69% Developing, 70–84% Proficient, 85% and over Advanced.",
      requiredLevel: "70% overall (Level 3 — Proficient)",
      weight: 15,
      validatedBy: VALIDATED_BY,
      assessmentOnlyRoute: true,
    },
    assesses: ["CAP.1.1", "CAP.3.3"],
  },
  {
    row: {
      id: "cap-as02",
      name: "Oral examination: defence of the capstone",
      method: "oral_examination",
      setting: "institution",
      assessor: "joint",
      assessorQualification: "Panel of a Lakeshore College faculty member and the workplace assessor, both trained on the rubric",
      identityVerification: "photo_id",
      proctoring: "in_person",
      evidence: ["observation_record", "video"],
      employerAccess: PORTFOLIO,
      rubric: RUBRIC,
      requiredLevel: PASS,
      weight: 15,
      validatedBy: VALIDATED_BY,
      assessmentOnlyRoute: true,
    },
    assesses: ["CAP.1.1", "CAP.2.1", "CAP.4.1", "CAP.5.1"],
  },
  {
    row: {
      id: "cap-as03",
      name: "Flood-exposure modelling simulation",
      method: "simulation",
      setting: "institution",
      assessor: "institution",
      assessorQualification: "Prairie University hydraulic-modelling instructor (P.Eng.)",
      identityVerification: "photo_id",
      proctoring: "in_person",
      evidence: ["artefact", "test_result"],
      employerAccess: "Model files and exposure maps in the e-portfolio",
      rubric: RUBRIC,
      requiredLevel: PASS,
      weight: 20,
      validatedBy: VALIDATED_BY,
      assessmentOnlyRoute: true,
    },
    assesses: ["CAP.3.1"],
  },
  {
    row: {
      id: "cap-as04",
      name: "Site observation at Northwind Energy",
      method: "observation",
      setting: "workplace",
      assessor: "employer",
      assessorQualification: "Workplace supervisor trained on the rubric by Lakeshore College; moderated by the placement advisor",
      identityVerification: "known_to_assessor",
      proctoring: "not_proctored",
      evidence: ["observation_record", "video"],
      employerAccess: "Observation record signed by the workplace assessor, kept by Northwind Energy and in the e-portfolio",
      rubric: RUBRIC,
      requiredLevel: PASS,
      weight: 20,
      validatedBy: VALIDATED_BY,
      assessmentOnlyRoute: true,
    },
    assesses: ["CAP.2.1", "CAP.3.3", "CAP.4.3", "CAP.5.1"],
  },
  {
    row: {
      id: "cap-as05",
      name: "Adaptation plan for three substations (work product)",
      method: "work_product",
      setting: "workplace",
      assessor: "joint",
      assessorQualification: "Workplace assessor and a Lakeshore College faculty member, marking independently and reconciling",
      identityVerification: "known_to_assessor",
      proctoring: "not_proctored",
      evidence: ["artefact"],
      employerAccess: PORTFOLIO,
      rubric: RUBRIC,
      requiredLevel: PASS,
      weight: 30,
      validatedBy: VALIDATED_BY,
      assessmentOnlyRoute: true,
    },
    assesses: ["CAP.4.1", "CAP.4.3", "CAP.5.3"],
  },
  {
    row: {
      id: "cap-as06",
      name: "Log-book sign-off of field visits",
      method: "logbook_signoff",
      setting: "workplace",
      assessor: "employer",
      assessorQualification: "Workplace supervisor",
      identityVerification: "known_to_assessor",
      proctoring: "not_proctored",
      evidence: ["log"],
      employerAccess: "Shared log-book in the e-portfolio",
      requiredLevel: "Every field visit signed off by the workplace supervisor",
      validatedBy: VALIDATED_BY,
      assessmentOnlyRoute: false,
    },
    assesses: ["CAP.2.1", "CAP.3.3", "CAP.5.3"],
  },
];

/** A competency the demo does not know (someone added it) is still assessed directly, by these. */
const FALLBACK_ASSESSMENTS = ["cap-as02", "cap-as05"];

const TEXTS: Record<string, string> = {
  overview: `
Every competency is assessed directly, on work that looks like the job: a flood model that runs, a risk register built with operations staff, an adaptation options paper and a briefing to real decision-makers. Most evidence comes from the work-integrated capstone, so one piece of work can evidence several competencies; each is still judged separately against its own criteria.

Assessors from Lakeshore College, Prairie University and the host employer mark against one shared four-level rubric. Level 3 (Proficient) is required to pass an essential competency. Before each cohort, assessors from the three organizations mark the same two anonymised samples and compare results, and Northwind Energy's subject-matter experts have confirmed that each task reflects what the job requires.
`,
  assessment_only: `
The route is for practitioners with at least three years of relevant work. An advisor reviews the pre-test and the candidate's CV with them and agrees which evidence they will submit. The challenge assessment uses the same tasks, rubric and pass level as the taught route, so both routes lead to the same credential; only the learning is skipped.
`,
  appeals: `
A learner who does not reach the required level may be re-assessed once per competency, on a new task, within eight weeks; re-assessment is free. Appeals follow the process in the credential specification: first to the module lead, then to a joint panel that includes an assessor from the other institution and an employer representative. Evidence under appeal is kept until the appeal is closed.
`,
  transcript: `
Lakeshore College records the result of each competency (level reached) and issues the credential as an Open Badges 3.0 credential that lists the competencies, their framework codes and the required level. The micro-credential appears on the Lakeshore College transcript as a completed credential with its 3 institutional credits; Prairie University records module PU-FRM2 on its own transcript for learners registered there. Results are sent to the registrar within ten working days of the final assessment.
`,
  privacy: `
Evidence may contain information about the employer's assets and staff. Learners sign a consent before the capstone that explains who sees their evidence: assessors, the host employer's supervisor, and QA reviewers who sample it. Recordings of briefings stay on the employer's systems; only the observation record travels to the college. Personal information is handled under Ontario's Freedom of Information and Protection of Privacy Act and deleted at the end of the retention period.
`,
};

/**
 * Fills an assessment plan with the demo content: six assessments, a coverage matrix that assesses
 * every competency of `specCompetencies` (the specification's projection) directly, and the
 * plan-wide sections. Competencies are matched by code.
 */
export function fillDemoAssessmentPlan(ydoc: Y.Doc, specCompetencies: readonly ProjectedCompetency[], options: { credentialSpecId?: string } = {}): void {
  const kind = ASSESSMENT_PLAN;
  ydoc.transact(() => {
    buildTemplate(ydoc, kind);
    const values: Record<string, JsonValue> = {
      title: "Climate Adaptation Practitioner — assessment plan",
      credentialSpecId: options.credentialSpecId ?? "demo-doc-spec",
      version: "1.0",
      assessmentOnlyOffered: true,
      assessmentOnlySteps: ["pre_test", "gap_analysis", "challenge_assessment", "portfolio_review", "post_test"],
      reassessmentAttempts: 1,
      appealWindowDays: 10,
      resultFormat: "competency_levels",
      openBadge: true,
      transcriptNotation: "CAP-101 Climate Adaptation Practitioner (micro-credential, 150 hours)",
      retentionMonths: 24,
      storage: "Lakeshore College e-portfolio platform, hosted in Canada",
    };
    setValues(ydoc, kind, values);
    replaceRows(ydoc, kind, "assessments", ASSESSMENTS.map(({ row }) => row));
    // The rows were replaced: cells of an earlier fill would point at what they no longer mean.
    const cells = coverageMap(ydoc, "coverage");
    if (cells) for (const key of [...cells.keys()]) cells.delete(key);
    const known = new Set(ASSESSMENTS.flatMap(({ assesses }) => assesses));
    for (const { row, assesses } of ASSESSMENTS) {
      const codes = new Set(assesses);
      const ids = specCompetencies.filter((c) => (c.code && known.has(c.code) ? codes.has(c.code) : FALLBACK_ASSESSMENTS.includes(row.id))).map((c) => c.id);
      setCoverage(ydoc, kind, "coverage", row.id, ids, true);
    }
    for (const [key, markdown] of Object.entries(TEXTS)) writeText(ydoc, key, markdownToDoc(markdown));
  });
}
