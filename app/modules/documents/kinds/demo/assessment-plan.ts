import type * as Y from "yjs";
import { markdownToDoc } from "~/modules/documents/model/richtext";
import { buildTemplate } from "~/modules/documents/model/template";
import type { JsonValue, ProjectedCompetency } from "~/modules/documents/model/types";
import { replaceRows, setValues, writeText } from "~/modules/documents/model/ydoc";
import { ASSESSMENT_PLAN } from "~/modules/documents/kinds/assessment-plan";

/** How each demo competency is assessed, by competency code. */
type Design = {
  methods: string[];
  evidence: string[];
  employerAccess: string;
  assessor: string;
  identityVerification: string;
  proctoring: string;
  rubric: string;
};

const RUBRIC = "1 Not yet — needs substantial guidance. 2 Developing — completes the task with guidance. 3 Proficient — completes the task independently to workplace standard. 4 Advanced — adapts the method to new situations and coaches others.";

const PORTFOLIO = "Learner's e-portfolio, shared with the host employer's supervisor";

const DESIGNS: Record<string, Design> = {
  "CAP.1.1": {
    methods: ["written_test", "oral"],
    evidence: ["test_result", "observation_record"],
    employerAccess: "Results summary in the learner's e-portfolio",
    assessor: "institution",
    identityVerification: "online_id",
    proctoring: "remote_live",
    rubric: RUBRIC,
  },
  "CAP.2.1": {
    methods: ["work_product", "oral"],
    evidence: ["artefact", "observation_record"],
    employerAccess: PORTFOLIO,
    assessor: "joint",
    identityVerification: "known_to_assessor",
    proctoring: "not_proctored",
    rubric: RUBRIC,
  },
  "CAP.3.1": {
    methods: ["simulation", "work_product"],
    evidence: ["artefact", "test_result"],
    employerAccess: "Model files and exposure maps in the e-portfolio",
    assessor: "institution",
    identityVerification: "photo_id",
    proctoring: "in_person",
    rubric: RUBRIC,
  },
  "CAP.3.3": {
    methods: ["observation", "work_product"],
    evidence: ["observation_record", "artefact"],
    employerAccess: "Observation record signed by the workplace assessor, kept by Northwind Energy and in the e-portfolio",
    assessor: "employer",
    identityVerification: "known_to_assessor",
    proctoring: "not_proctored",
    rubric: RUBRIC,
  },
  "CAP.4.1": {
    methods: ["work_product", "oral"],
    evidence: ["artefact", "observation_record"],
    employerAccess: PORTFOLIO,
    assessor: "joint",
    identityVerification: "known_to_assessor",
    proctoring: "not_proctored",
    rubric: RUBRIC,
  },
  "CAP.4.3": {
    methods: ["work_product", "e_portfolio", "logbook_signoff"],
    evidence: ["artefact", "log"],
    employerAccess: PORTFOLIO,
    assessor: "employer",
    identityVerification: "known_to_assessor",
    proctoring: "not_proctored",
    rubric: RUBRIC,
  },
  "CAP.5.1": {
    methods: ["observation"],
    evidence: ["video", "observation_record"],
    employerAccess: "Recording of the briefing, held by Northwind Energy; observation record in the e-portfolio",
    assessor: "joint",
    identityVerification: "known_to_assessor",
    proctoring: "not_proctored",
    rubric: RUBRIC,
  },
  "CAP.5.3": {
    methods: ["e_portfolio", "self_report"],
    evidence: ["artefact", "log"],
    employerAccess: PORTFOLIO,
    assessor: "institution",
    identityVerification: "online_id",
    proctoring: "not_proctored",
    rubric: RUBRIC,
  },
};

/** A competency the demo does not know (someone added it) still gets a direct, realistic design. */
const FALLBACK: Design = {
  methods: ["work_product", "oral"],
  evidence: ["artefact"],
  employerAccess: PORTFOLIO,
  assessor: "joint",
  identityVerification: "known_to_assessor",
  proctoring: "not_proctored",
  rubric: RUBRIC,
};

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
 * Fills an assessment plan with the demo content: one row per competency of `specCompetencies`
 * (the specification's projection), each with a direct method, plus the plan-wide sections.
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
    replaceRows(
      ydoc,
      kind,
      "assessments",
      specCompetencies.map((competency, position) => {
        const design = (competency.code ? DESIGNS[competency.code] : undefined) ?? FALLBACK;
        return {
          id: `cap-as${String(position + 1).padStart(2, "0")}`,
          competencyId: competency.id,
          competencyCode: competency.code,
          competencyTitle: competency.title,
          methods: design.methods,
          evidence: design.evidence,
          employerAccess: design.employerAccess,
          assessor: design.assessor,
          identityVerification: design.identityVerification,
          proctoring: design.proctoring,
          rubric: design.rubric,
          requiredLevel: competency.essential === false ? "Level 2 — Developing" : "Level 3 — Proficient",
          validatedBy: "Samuel Kwan, P.Eng., Senior Resilience Engineer, Northwind Energy",
        };
      }),
    );
    for (const [key, markdown] of Object.entries(TEXTS)) writeText(ydoc, key, markdownToDoc(markdown));
  });
}
