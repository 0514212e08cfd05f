import type * as Y from "yjs";
import { markdownToDoc } from "~/modules/documents/model/richtext";
import { buildTemplate } from "~/modules/documents/model/template";
import type { JsonValue, ProjectedCompetency } from "~/modules/documents/model/types";
import { replaceRows, setValues, writeText } from "~/modules/documents/model/ydoc";
import { CREDENTIAL_SPEC } from "~/modules/documents/kinds/credential-spec";

/**
 * The demo project's credential specification, "Climate Adaptation Practitioner": Lakeshore
 * College (ON) leads, Prairie University (SK) contributes the flood-risk modelling module,
 * Northwind Energy (an Ontario electricity utility) hosts the work-integrated capstone, the
 * Canadian Climate Practitioners Association aligns it with its competency profile, and the
 * Postsecondary Quality Assessment Board reviews it. Organizations and web addresses are fictional
 * (.example); occupation codes are real NOC 2021 unit groups.
 *
 * Row ids are fixed so that the assessment plan and the WBL agreement can link to competencies.
 */

// The demo framework (db/seed/frameworks/climate-adaptation-practitioner.csv): the seed imports it
// first, and the specification's projection links these rows to it (competency-references.ts).
const FRAMEWORK = "Climate Adaptation Practitioner Competency Framework (1.0)";
const uri = (code: string) => `https://frameworks.concord.example/climate-adaptation-practitioner/${code}`;
const BRANCHES: Record<string, string> = {
  "CAP.1": "CAP.1 Climate information and projections",
  "CAP.2": "CAP.2 Climate risk and vulnerability assessment",
  "CAP.3": "CAP.3 Hazard and impact analysis",
  "CAP.4": "CAP.4 Adaptation planning and integration",
  "CAP.5": "CAP.5 Communication, engagement and evaluation",
};
const branchOf = (code: string) => BRANCHES[code.split(".").slice(0, 2).join(".")] ?? null;

export const DEMO_COMPETENCIES = [
  {
    id: "cap-c01",
    code: "CAP.1.1",
    title: "Interpret climate projections and downscaled climate data for a site or asset",
    outcome:
      "Selects emissions scenarios and time horizons suited to an asset's service life, retrieves downscaled projections for the site, and explains the range and limits of the projections to a non-specialist.",
    level: "Level 3 — Proficient",
    essential: true,
  },
  {
    id: "cap-c02",
    code: "CAP.2.1",
    title: "Scope a climate risk and vulnerability assessment with the asset owner",
    outcome:
      "Scopes an assessment, identifies climate hazards and asset components, rates likelihood and consequence with operations staff, and documents the risk register following ISO 14091 or the PIEVC Protocol.",
    level: "Level 3 — Proficient",
    essential: true,
  },
  {
    id: "cap-c03",
    code: "CAP.3.1",
    title: "Model riverine and pluvial flood hazard for a reach or catchment",
    outcome:
      "Builds a hydraulic model of a reach or catchment from public elevation and flow data, runs present and future design storms, and maps which assets are exposed at which return periods.",
    level: "Level 3 — Proficient",
    essential: true,
  },
  {
    id: "cap-c04",
    code: "CAP.3.3",
    title: "Assess climate impacts on electricity transmission and distribution assets",
    outcome:
      "Explains how extreme heat, freezing rain, high winds, wildfire and flooding affect lines, transformers and substations, and estimates the change in failure risk under projected conditions.",
    level: "Level 3 — Proficient",
    essential: true,
  },
  {
    id: "cap-c05",
    code: "CAP.4.1",
    title: "Identify and appraise adaptation options",
    outcome:
      "Generates structural, operational and nature-based options, appraises them with cost-benefit and multi-criteria analysis that include community and Indigenous perspectives, and recommends a sequenced set of actions.",
    level: "Level 3 — Proficient",
    essential: true,
  },
  {
    id: "cap-c06",
    code: "CAP.4.3",
    title: "Integrate adaptation into asset management and capital planning",
    outcome:
      "Translates risk ratings and chosen options into asset-management levels of service, lifecycle strategies and capital-plan entries with triggers for re-assessment.",
    level: "Level 3 — Proficient",
    essential: true,
  },
  {
    id: "cap-c07",
    code: "CAP.5.1",
    title: "Communicate climate risk and uncertainty to decision-makers",
    outcome: "Presents risks, uncertainty and recommended actions to an executive or council audience in plain language, and answers challenge questions accurately.",
    level: "Level 3 — Proficient",
    essential: true,
  },
  {
    id: "cap-c08",
    code: "CAP.5.3",
    title: "Monitor and evaluate adaptation outcomes",
    outcome: "Defines indicators and a monitoring schedule for adaptation actions and uses the results to adjust the plan.",
    level: "Level 2 — Developing",
    essential: false,
  },
] as const;

/** The demo competencies as projectDocument() reports them (what the other demo documents link to). */
export function demoSpecCompetencies(): ProjectedCompetency[] {
  return DEMO_COMPETENCIES.map((c) => ({ id: c.id, code: c.code, title: c.title, framework: FRAMEWORK, level: c.level, essential: c.essential }));
}

const TEXTS: Record<string, string> = {
  purpose: `
The Climate Adaptation Practitioner micro-credential is for people who already look after infrastructure — engineers, technologists, planners and asset managers in electricity utilities, municipalities and the consultancies that serve them — and who are now asked to account for a changing climate in their decisions.

Holders can:
- read and explain climate projections for a specific site and asset, including their uncertainty;
- run a climate risk and vulnerability assessment with the people who operate the asset;
- model flood hazard and the exposure of infrastructure under present and future storms;
- appraise and prioritise adaptation options, and write them into asset-management and capital plans;
- brief executives and councils on climate risk in plain language.

The credential is designed for working professionals: most learning is online in the evening, with two in-person lab days and a work-integrated capstone hosted by an employer.
`,
  employer_need: `
Utilities and municipalities in Ontario and Saskatchewan are replacing assets that will still be in service in the 2070s, and their regulators, insurers and councils now ask how climate change was considered. Employers on the program advisory committee told us the same thing: they have engineers who can design to today's codes, but few staff who can turn climate projections into a defensible risk assessment and a capital plan.

Northwind Energy alone plans to fill fourteen climate-risk and adaptation roles by 2030 and prefers to upskill current staff rather than compete for the few experienced specialists. The Canadian Climate Practitioners Association reports that most of its members' employers have nobody trained in flood-hazard modelling, the skill Prairie University's module brings to the credential.
`,
  labour_market_summary: `
Demand is rising and specific. Job postings asking for climate risk or vulnerability assessment grew by about sixty per cent in a year in Ontario; the host employer has a funded workforce plan; and Ontario's asset-management regulation requires municipalities to address climate change in their asset-management policies. The evidence will be reviewed before the second cohort starts.
`,
  delivery: `
Each module runs for four weeks, one after the other, over sixteen weeks in total.

- **Online, evenings:** two live 90-minute sessions a week (recorded) and guided self-study with weekly practice tasks.
- **In person, two lab days:** flood modelling at Prairie University's Saskatoon water lab or, for Ontario learners, the same lab streamed to Lakeshore College's Toronto campus with a local facilitator.
- **At work:** the capstone is done on an asset of the learner's employer or, for learners without one, at Northwind Energy.

All materials meet WCAG 2.1 AA; live sessions are captioned.
`,
  prerequisites: `
- A diploma or degree in engineering, engineering technology, planning, environmental science or geography, **or** five years of work on infrastructure assets;
- working knowledge of spreadsheets and of a GIS (QGIS or ArcGIS);
- access to a computer that can run the flood-modelling software (a licence is included).
`,
  prior_learning: `
Learners who already hold a competency can have it recognised through a portfolio reviewed by a Lakeshore College assessor and a practitioner named by the Canadian Climate Practitioners Association. Recognised competencies are not assessed again; the fee is reduced by the share of the modules waived.
`,
  assessment_only: `
Experienced practitioners can earn the credential without taking the modules:

1. an online **pre-test** and a gap analysis with an advisor;
2. a **challenge assessment** of the same standard as the course assessments — the flood model and the risk assessment are submitted as work products, and an oral defence covers the other competencies;
3. the **post-test**; on passing, the credential is issued.

Candidates who do not pass a competency may take just the matching module.
`,
  appeals: `
A learner may appeal an assessment decision within ten working days of receiving it. The appeal goes first to the module lead; if it is not resolved within ten working days, a panel of the program chair, an assessor from the other institution and an employer representative reviews the evidence and decides within a further fifteen working days. The panel's decision is final within the college; learners may then use Lakeshore College's academic appeals process.
`,
};

/**
 * Fills (or refills) a credential specification with the demo content. Overwrites the demo's
 * fields, rows and rich text; leaves fields it does not set as they are. Returns the competencies.
 */
export function fillDemoCredentialSpec(ydoc: Y.Doc): ProjectedCompetency[] {
  const kind = CREDENTIAL_SPEC;
  ydoc.transact(() => {
    buildTemplate(ydoc, kind);
    const values: Record<string, JsonValue> = {
      title: "Climate Adaptation Practitioner",
      shortCode: "CAP-101",
      version: "1.0",
      credentialStatus: "in_development",
      summary:
        "A 150-hour micro-credential for engineers, technologists, planners and asset managers who assess climate risk to infrastructure and plan adaptation. Learners project climate hazards for a real asset, model flood exposure, run a risk assessment with operations staff and write the resulting actions into an asset-management plan.",
      languages: ["en"],
      jurisdiction: "ON",
      webpage: "https://lakeshorecollege.example/micro-credentials/climate-adaptation-practitioner",
      evidenceReviewDate: "2027-06-30",
      learningHours: 150,
      creditValue: 3,
      creditSystem: "institutional",
      framework: "oqf",
      frameworkLevel: 8,
      learningMode: "hybrid",
      assessmentMode: "hybrid",
      schedule: "cohort",
      timeToCompleteWeeks: 16,
      costCad: 1450,
      costIncludes: "Tuition, the flood-modelling software licence for the term, assessment fees and the digital credential",
      rplAvailable: true,
      assessmentOnlyRoute: true,
      assessmentOnlyFeeCad: 395,
      qaBody: "Postsecondary Quality Assessment Board",
      qaType: "external_review",
      reviewCycleYears: 3,
      nextReviewDate: "2030-01-31",
    };
    setValues(ydoc, kind, values);

    replaceRows(ydoc, kind, "owners", [
      { id: "cap-own1", organization: "Lakeshore College", role: "issuer_awarder", province: "ON" },
      { id: "cap-own2", organization: "Prairie University", role: "issuer", province: "SK" },
    ]);
    replaceRows(ydoc, kind, "occupations", [
      { id: "cap-occ1", system: "noc_2021", code: "41400", title: "Natural and applied science policy researchers, consultants and program officers", exampleRoles: "Climate adaptation specialist, resilience program officer" },
      { id: "cap-occ2", system: "noc_2021", code: "21202", title: "Urban and land use planners", exampleRoles: "Climate resilience planner, environmental planner" },
      { id: "cap-occ3", system: "noc_2021", code: "21300", title: "Civil engineers", exampleRoles: "Infrastructure resilience engineer, stormwater engineer" },
      { id: "cap-occ4", system: "noc_2021", code: "21310", title: "Electrical and electronics engineers", exampleRoles: "Distribution planning engineer (utility)" },
      { id: "cap-occ5", system: "noc_2021", code: "22300", title: "Civil engineering technologists and technicians", exampleRoles: "Asset management technologist" },
    ]);
    replaceRows(ydoc, kind, "demandSignals", [
      {
        id: "cap-ds1",
        competencyId: null,
        source: "Northwind Energy workforce plan 2026–2030",
        figure: "14 climate-risk and adaptation roles to fill in Ontario by 2030, 9 of them new positions",
        date: "2026-03-31",
        reviewBy: "2027-03-31",
      },
      {
        id: "cap-ds2",
        competencyId: "cap-c02",
        source: "Lakeshore College Career Services scan of Ontario job postings, January–June 2026",
        figure: "212 postings asked for climate risk or vulnerability assessment skills, up from 131 in the same months of 2025",
        date: "2026-07-15",
        reviewBy: "2027-01-15",
      },
      {
        id: "cap-ds3",
        competencyId: "cap-c03",
        source: "Canadian Climate Practitioners Association member survey 2026",
        figure: "71% of 418 responding members say their employer has nobody trained in flood-hazard modelling",
        date: "2026-05-20",
        reviewBy: "2027-05-20",
      },
      {
        id: "cap-ds4",
        competencyId: "cap-c06",
        source: "Ontario Regulation 588/17, Asset Management Planning for Municipal Infrastructure",
        figure: "Every Ontario municipality's strategic asset management policy must address climate change",
        date: "2026-02-01",
        url: "https://www.ontario.ca/laws/regulation/170588",
        reviewBy: "2027-06-30",
      },
    ]);
    replaceRows(ydoc, kind, "endorsements", [
      { id: "cap-end1", organization: "Northwind Energy", kind: "letter_of_support", signedBy: "Maya Okafor, Director, Grid Resilience", date: "2026-04-14" },
      { id: "cap-end2", organization: "Canadian Climate Practitioners Association", kind: "endorsement", signedBy: "Jordan Lefebvre, Director of Professional Standards", date: "2026-09-02" },
      { id: "cap-end3", organization: "Lakeshore College Environment and Climate Program Advisory Committee", kind: "advisory_minute", signedBy: "Committee chair", date: "2026-05-06" },
    ]);
    replaceRows(
      ydoc,
      kind,
      "competencies",
      DEMO_COMPETENCIES.map((c) => ({
        id: c.id,
        source: "framework",
        framework: FRAMEWORK,
        branch: branchOf(c.code),
        code: c.code,
        uri: uri(c.code),
        title: c.title,
        outcome: c.outcome,
        level: c.level,
        essential: c.essential,
      })),
    );
    replaceRows(ydoc, kind, "cohortStarts", [
      { id: "cap-coh1", startDate: "2027-01-11", seats: 30, location: "Online, with lab days in Saskatoon and Toronto" },
      { id: "cap-coh2", startDate: "2027-09-13", seats: 30, location: "Online, with lab days in Saskatoon and Toronto" },
    ]);
    replaceRows(ydoc, kind, "modules", [
      {
        id: "cap-m1",
        code: "LC-CAP1",
        title: "Climate science and projections for practitioners",
        ownedBy: "Lakeshore College",
        hours: 25,
        credits: 0.5,
        summary: "Climate drivers, scenarios, downscaled data sets for Canada, and how to choose and explain projections for an asset.",
      },
      {
        id: "cap-m2",
        code: "PU-FRM2",
        title: "Flood-risk modelling for infrastructure",
        ownedBy: "Prairie University",
        hours: 35,
        credits: 1,
        summary: "Hydrology and hydraulics for practitioners: building a flood model, future design storms, and exposure maps of assets.",
      },
      {
        id: "cap-m3",
        code: "LC-CAP3",
        title: "Climate risk assessment and adaptation planning",
        ownedBy: "Lakeshore College",
        hours: 30,
        credits: 0.5,
        summary: "Risk and vulnerability assessment methods, adaptation options and their appraisal, and asset-management integration.",
      },
      {
        id: "cap-m4",
        code: "LC-CAP4",
        title: "Work-integrated capstone",
        ownedBy: "Lakeshore College",
        hours: 60,
        credits: 1,
        summary: "A risk assessment and adaptation plan for a real asset, hosted by an employer and assessed jointly.",
      },
    ]);
    replaceRows(ydoc, kind, "stacksInto", [
      {
        id: "cap-st1",
        credential: "Climate Resilience Professional (CRP) designation",
        issuer: "Canadian Climate Practitioners Association",
        how: "Meets the education requirement of the designation; candidates still need two years of supervised practice.",
      },
    ]);
    replaceRows(ydoc, kind, "laddersInto", [
      {
        id: "cap-lad1",
        program: "Environmental Management and Assessment (Ontario College Graduate Certificate)",
        institution: "Lakeshore College",
        creditGranted: 3,
        transcriptable: true,
        transcriptNote: "Transfer credit for ENV 8120 Climate Change Adaptation",
      },
      {
        id: "cap-lad2",
        program: "Master of Sustainability (course-based)",
        institution: "Prairie University",
        creditGranted: 3,
        transcriptable: true,
        transcriptNote: "Advanced standing for SUST 812 Climate Risk and Adaptation",
      },
    ]);
    for (const [key, markdown] of Object.entries(TEXTS)) writeText(ydoc, key, markdownToDoc(markdown));
  });
  return demoSpecCompetencies();
}
