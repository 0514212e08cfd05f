import type * as Y from "yjs";
import { markdownToDoc } from "~/modules/documents/model/richtext";
import { buildTemplate } from "~/modules/documents/model/template";
import type { JsonValue } from "~/modules/documents/model/types";
import { replaceRows, setValues, writeText } from "~/modules/documents/model/ydoc";
import { WBL_AGREEMENT } from "~/modules/documents/kinds/wbl-agreement";
import { DEMO_COMPETENCIES } from "~/modules/documents/kinds/demo/credential-spec";

const competency = (id: string) => {
  const found = DEMO_COMPETENCIES.find((c) => c.id === id);
  if (!found) throw new Error(`Unknown demo competency ${id}`);
  return { competencyId: found.id, competencyCode: found.code, competencyTitle: found.title };
};

const ASSESSOR = "Samuel Kwan, P.Eng., Senior Resilience Engineer";

const TEXTS: Record<string, string> = {
  role_description: `
The learner joins Northwind Energy's Grid Resilience team as a climate adaptation analyst for the placement. Working on the distribution network that serves Barrie, Orillia and the surrounding townships, they will build a climate hazard profile for the service area, assess the climate risk to three substations and their feeders, and propose adaptation options that the resilience committee can take into the next capital plan.

The learner works with the team's engineers and with the operations crews who know how the assets behave in ice storms, heat waves and spring floods. They do not operate equipment or enter energized areas.
`,
  training_plan: `
The placement is the capstone of the credential (module LC-CAP4). Twelve Wednesdays at Northwind Energy carry the on-the-job work; the off-the-job hours are the flood-modelling lab at Prairie University and the college's capstone seminars.

- **Weeks 1–2:** orientation, safety induction, asset data and the existing risk register.
- **Weeks 3–5:** climate hazard profile and downscaled projections for the service area.
- **Weeks 6–7:** flood-exposure model of the three substations, with support from the Prairie University lab.
- **Weeks 8–9:** risk assessment workshop with operations staff; risk register updated.
- **Weeks 10–12:** adaptation options, capital-plan entries, and a briefing to the resilience committee.
`,
  supervision: `
The workplace supervisor meets the learner at the start and end of each placement day and holds a progress review every two weeks, with the college's placement advisor joining every second review by video. The mentor, from the asset-management team, is available for questions on capital planning. The supervisor is also the workplace assessor and records observations on the shared observation record.
`,
  responsibilities_employer: `
Northwind Energy will:
- provide a safe workplace, a safety orientation before the first day on site, and the protective equipment a site visit needs;
- name a supervisor and a mentor and give them time for the placement;
- give the learner access to the asset, outage and weather data needed for the work, under the confidentiality terms below;
- observe and assess the competencies listed in this agreement against the assessment plan's rubric;
- pay the learner as agreed and report the placement hours for WSIB purposes.
`,
  responsibilities_institution: `
Lakeshore College will:
- prepare the learner before the placement and confirm they meet the prerequisites;
- name a placement advisor who stays in contact with the supervisor and the learner;
- train the workplace assessor on the rubric and moderate the assessments;
- record the results and issue the credential.

Prairie University will host the flood-modelling lab day and assess the flood model (competency CAP.3.1) as set out in the assessment plan.
`,
  responsibilities_learner: `
The learner will:
- follow Northwind Energy's safety rules, policies and confidentiality terms;
- attend each placement day and tell the supervisor and the placement advisor in advance of any absence;
- keep their e-portfolio up to date after each placement day;
- raise concerns early with the supervisor or the placement advisor.
`,
  recognition: `
Completing the placement and its assessments completes module LC-CAP4 (1 institutional credit) of the Climate Adaptation Practitioner micro-credential. The competencies assessed here are recorded individually on the credential, so an employer reading it can see which were demonstrated at work.
`,
  health_safety: `
The learner is a paid temporary employee of Northwind Energy for the placement and is covered by Northwind Energy's WSIB coverage. Before the first day the learner completes Northwind Energy's contractor and visitor safety orientation and the Ontario worker health and safety awareness training. Site visits to substations are made only with the supervisor, in full protective equipment, and never inside energized areas. Incidents are reported to the supervisor at once and to the college's placement office within 24 hours.
`,
  confidentiality: `
Asset data, outage records and security information about Northwind Energy's network are confidential. The learner may use them for the placement and its assessment only.

Work products made during the placement belong to Northwind Energy. Northwind Energy grants the learner and the college a licence to use redacted versions for assessment, moderation and quality-assurance sampling, and grants the learner the right to show a redacted summary in their portfolio. The redaction is agreed with the supervisor before anything leaves Northwind Energy's systems.
`,
  disputes: `
The parties first try to resolve a concern at the lowest level: learner and supervisor, then the supervisor and the placement advisor. If that fails, Northwind Energy's Director, Grid Resilience and Lakeshore College's Chair, School of Environment and Applied Science meet within ten working days to agree a resolution. Disputes about an assessment decision follow the appeal process of the assessment plan.
`,
  variation: `
Any change to the dates, hours, role, competencies or pay is agreed in writing by the employer and the college, and by the learner when one is named, and recorded as a new version of this agreement before it takes effect.
`,
  termination: `
Either party may end the agreement with ten days' written notice. Northwind Energy or the college may end a placement at once for a serious safety or conduct breach, after informing the other party. When a placement ends early, the college and the learner agree how the remaining competencies will be assessed, for example with another host employer.
`,
};

/** Fills a WBL agreement between Northwind Energy and Lakeshore College with the demo content. */
export function fillDemoWblAgreement(ydoc: Y.Doc, options: { assessmentPlanId?: string } = {}): void {
  const kind = WBL_AGREEMENT;
  ydoc.transact(() => {
    buildTemplate(ydoc, kind);
    const values: Record<string, JsonValue> = {
      title: "Northwind Energy and Lakeshore College — work-based learning agreement",
      assessmentPlanId: options.assessmentPlanId ?? "demo-doc-assessment",
      learnerName: null,
      roleTitle: "Climate adaptation analyst (placement)",
      roleNoc: "41400",
      siteName: "Northwind Energy — Grid Resilience Office, Barrie Service Centre",
      siteAddress: "75 Northwind Way\nBarrie, Ontario L4M 0J2",
      workArrangement: "hybrid",
      startDate: "2027-02-03",
      endDate: "2027-04-21",
      hoursPerWeek: 6,
      totalHours: 60,
      workingPattern: "Wednesdays, 8:30 to 15:30, with an hour for lunch; two Wednesdays include a site visit",
      onTheJobHours: 48,
      offTheJobHours: 12,
      supervisorName: "Samuel Kwan, P.Eng.",
      supervisorTitle: "Senior Resilience Engineer, Grid Resilience",
      mentorName: "Aisha Bello, Asset Management Lead",
      placementAdvisor: "Daniel Tremblay, Lakeshore College",
      reviewFrequency: "biweekly",
      recognitionType: "credential_component",
      program: "Climate Adaptation Practitioner micro-credential — LC-CAP4 Work-integrated capstone",
      creditValue: 1,
      priorLearning: "None recognised for this placement: every competency listed is assessed at work.",
      insurance: "wsib_employer",
      insuranceReference: "Northwind Energy WSIB account; firm number on file with the Lakeshore College placement office",
      safetyOrientation: true,
      paid: true,
      hourlyWageCad: 28.5,
      payNotes: "Paid every two weeks for hours worked, including the Prairie University lab day",
      ipOwner: "employer",
      noticeDays: 10,
      reviewDate: "2027-03-10",
    };
    setValues(ydoc, kind, values);
    replaceRows(ydoc, kind, "parties", [
      {
        id: "wbl-p1",
        organization: "Northwind Energy",
        role: "employer",
        contactName: "Maya Okafor",
        contactTitle: "Director, Grid Resilience",
        contactEmail: "maya.okafor@northwind-energy.example",
        contactPhone: "705-555-0142",
      },
      {
        id: "wbl-p2",
        organization: "Lakeshore College",
        role: "institution",
        contactName: "Daniel Tremblay",
        contactTitle: "Chair, School of Environment and Applied Science",
        contactEmail: "daniel.tremblay@lakeshorecollege.example",
        contactPhone: "416-555-0187",
      },
    ]);
    replaceRows(ydoc, kind, "workCompetencies", [
      {
        id: "wbl-c1",
        ...competency("cap-c02"),
        activities: "Leads the risk assessment workshop with operations staff for three substations and their feeders, and updates the risk register.",
        evidence: "Risk register, workshop notes and the supervisor's observation record",
        workplaceAssessor: ASSESSOR,
      },
      {
        id: "wbl-c2",
        ...competency("cap-c04"),
        activities: "Analyses outage records from past ice storms and heat waves and estimates how projected conditions change the failure risk of transformers and lines.",
        evidence: "Analysis workbook and a two-page technical note",
        workplaceAssessor: ASSESSOR,
      },
      {
        id: "wbl-c3",
        ...competency("cap-c05"),
        activities: "Develops and appraises adaptation options, from raising substation equipment to vegetation management, with a cost-benefit comparison.",
        evidence: "Adaptation options paper",
        workplaceAssessor: ASSESSOR,
      },
      {
        id: "wbl-c4",
        ...competency("cap-c06"),
        activities: "Drafts the capital-plan entries and re-assessment triggers for the recommended options with the asset-management team.",
        evidence: "Draft capital-plan entries reviewed by the mentor",
        workplaceAssessor: ASSESSOR,
      },
      {
        id: "wbl-c5",
        ...competency("cap-c07"),
        activities: "Briefs Northwind Energy's resilience committee on the risks and recommended actions, and answers questions.",
        evidence: "Recording of the briefing and the observation record",
        workplaceAssessor: "Maya Okafor, Director, Grid Resilience",
      },
    ]);
    replaceRows(ydoc, kind, "milestones", [
      { id: "wbl-m1", title: "Orientation, safety induction and asset briefing", due: "2027-02-10", setting: "on_the_job", description: "Safety orientation done; asset data and the existing risk register reviewed with the supervisor." },
      { id: "wbl-m2", title: "Climate hazard profile of the service area", due: "2027-03-03", setting: "on_the_job", description: "Projections for heat, freezing rain, wind and extreme rainfall for the 2050s and 2080s." },
      { id: "wbl-m3", title: "Flood-exposure model of three substations", due: "2027-03-17", setting: "off_the_job", description: "Built in the Prairie University lab with the learner's own data." },
      { id: "wbl-m4", title: "Risk assessment workshop with operations staff", due: "2027-03-31", setting: "on_the_job", description: "Risk register updated and reviewed by the supervisor." },
      { id: "wbl-m5", title: "Adaptation options and briefing to the resilience committee", due: "2027-04-21", setting: "on_the_job", description: "Options paper, capital-plan entries and the briefing." },
    ]);
    for (const [key, markdown] of Object.entries(TEXTS)) writeText(ydoc, key, markdownToDoc(markdown));
  });
}
