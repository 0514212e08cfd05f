import type { CanonicalDocument, CanonicalFields, KindDefinition, ModelContext, ProjectedCompetency, RuleIssue } from "~/modules/documents/model/types";
import { asDate, asNumber, asString, cellPath, daysBetween, rowsOf } from "~/modules/documents/model/values";

/**
 * Work-based learning agreement between an employer and one or more institutions (and the learner
 * when one is named). Domain reference §3. Its competencies are the specification's (by id), chosen
 * among those the assessment plan assesses at the workplace, so the placement evidences what the
 * plan says will be assessed there.
 */
export const WBL_AGREEMENT: KindDefinition = {
  kind: "wbl_agreement",
  label: "Work-based learning agreement",
  sections: [
    {
      key: "parties",
      title: "Parties and contacts",
      items: [
        { key: "title", type: "text", label: "Agreement title", required: true, maxLength: 200 },
        {
          key: "assessmentPlanId",
          type: "document",
          documentKind: "assessment_plan",
          competencySource: true,
          label: "Assessment plan",
          required: true,
          help: "The plan whose competencies the learner evidences at work.",
        },
        {
          key: "parties",
          type: "rows",
          label: "Parties",
          itemLabel: "party",
          required: true,
          minRows: 2,
          help: "The employer, each institution, and the learner when one is named.",
          titleFields: ["organization"],
          fields: [
            { key: "organization", type: "text", label: "Organization or person", required: true },
            {
              key: "role",
              type: "select",
              label: "Role in the agreement",
              required: true,
              options: [
                { value: "employer", label: "Employer" },
                { value: "institution", label: "Institution" },
                { value: "learner", label: "Learner" },
              ],
            },
            { key: "contactName", type: "text", label: "Contact", required: true },
            { key: "contactTitle", type: "text", label: "Contact's position" },
            { key: "contactEmail", type: "email", label: "Email", required: true },
            { key: "contactPhone", type: "text", label: "Phone", maxLength: 40 },
          ],
        },
        { key: "learnerName", type: "text", label: "Learner", help: "Leave empty for an agreement that applies to each learner placed under it." },
      ],
    },
    {
      key: "placement",
      title: "Workplace role and site",
      items: [
        { key: "roleTitle", type: "text", label: "Workplace role", required: true },
        {
          key: "roleNoc",
          type: "text",
          label: "NOC 2021 code of the role",
          pattern: { source: "^\\d{5}$", message: "NOC 2021 codes have five digits, e.g. 41400." },
        },
        { key: "siteName", type: "text", label: "Site", required: true },
        { key: "siteAddress", type: "longtext", label: "Site address", required: true },
        {
          key: "workArrangement",
          type: "select",
          label: "Work arrangement",
          required: true,
          options: [
            { value: "on_site", label: "On site" },
            { value: "hybrid", label: "Hybrid (on site and remote)" },
            { value: "remote", label: "Remote" },
          ],
        },
        { key: "role_description", type: "richtext", label: "What the learner will do", required: true },
      ],
    },
    {
      key: "schedule",
      title: "Dates and hours",
      items: [
        { key: "startDate", type: "date", label: "Start date", required: true },
        { key: "endDate", type: "date", label: "End date", required: true },
        { key: "hoursPerWeek", type: "number", label: "Hours per week", required: true, min: 1, max: 60, unit: "hours" },
        { key: "totalHours", type: "integer", label: "Total hours of the placement", required: true, min: 1, max: 2000, unit: "hours" },
        { key: "workingPattern", type: "text", label: "Working pattern", help: "e.g. Tuesday to Thursday, 8:30 to 16:30." },
      ],
    },
    {
      key: "competencies",
      title: "Competencies evidenced at work",
      intro: "Chosen from the competencies that the assessment plan's workplace assessments assess; one that no workplace assessment covers (any more) is flagged.",
      items: [
        {
          key: "workCompetencies",
          type: "rows",
          label: "Competencies evidenced at work",
          itemLabel: "competency",
          required: true,
          titleFields: ["competencyCode", "competencyTitle"],
          fields: [
            { key: "competencyId", type: "competency", label: "Competency", required: true },
            { key: "competencyCode", type: "text", label: "Competency code", help: "Copied from the assessment plan." },
            { key: "competencyTitle", type: "text", label: "Competency title", help: "Copied from the assessment plan." },
            { key: "activities", type: "longtext", label: "Work activities that evidence it", required: true },
            { key: "evidence", type: "text", label: "Evidence collected at work", required: true },
            { key: "workplaceAssessor", type: "text", label: "Workplace assessor", required: true },
          ],
        },
      ],
    },
    {
      key: "training",
      title: "Training plan and milestones",
      items: [
        { key: "onTheJobHours", type: "integer", label: "On-the-job hours", required: true, min: 0, max: 2000, unit: "hours" },
        { key: "offTheJobHours", type: "integer", label: "Off-the-job hours", required: true, min: 0, max: 2000, unit: "hours", help: "Training away from the daily work: courses, labs, study time." },
        {
          key: "milestones",
          type: "rows",
          label: "Milestones",
          itemLabel: "milestone",
          required: true,
          titleFields: ["title"],
          fields: [
            { key: "title", type: "text", label: "Milestone", required: true },
            { key: "due", type: "date", label: "Due", required: true },
            {
              key: "setting",
              type: "select",
              label: "Where",
              required: true,
              options: [
                { value: "on_the_job", label: "On the job" },
                { value: "off_the_job", label: "Off the job" },
              ],
            },
            { key: "description", type: "longtext", label: "What is achieved" },
          ],
        },
        { key: "training_plan", type: "richtext", label: "Training plan", required: true },
      ],
    },
    {
      key: "supervision",
      title: "Supervision and mentoring",
      items: [
        { key: "supervisorName", type: "text", label: "Workplace supervisor", required: true },
        { key: "supervisorTitle", type: "text", label: "Supervisor's position" },
        { key: "mentorName", type: "text", label: "Mentor" },
        { key: "placementAdvisor", type: "text", label: "Institution's placement advisor", required: true },
        {
          key: "reviewFrequency",
          type: "select",
          label: "Progress reviews",
          required: true,
          options: [
            { value: "weekly", label: "Weekly" },
            { value: "biweekly", label: "Every two weeks" },
            { value: "monthly", label: "Monthly" },
            { value: "per_milestone", label: "At each milestone" },
          ],
        },
        { key: "supervision", type: "richtext", label: "How supervision and mentoring work" },
      ],
    },
    {
      key: "responsibilities",
      title: "Responsibilities of each party",
      items: [
        { key: "responsibilities_employer", type: "richtext", label: "The employer", required: true },
        { key: "responsibilities_institution", type: "richtext", label: "The institutions", required: true },
        { key: "responsibilities_learner", type: "richtext", label: "The learner", required: true },
      ],
    },
    {
      key: "recognition",
      title: "Recognition of learning",
      items: [
        {
          key: "recognitionType",
          type: "select",
          label: "Recognition",
          required: true,
          options: [
            { value: "credential_component", label: "Counts towards the micro-credential" },
            { value: "credit", label: "Academic credit" },
            { value: "non_credit", label: "Non-credit (recorded, no credit)" },
          ],
        },
        { key: "program", type: "text", label: "Program or credential", required: true },
        { key: "creditValue", type: "number", label: "Credit value", min: 0, max: 120, unit: "credits" },
        { key: "priorLearning", type: "longtext", label: "Prior learning recognised" },
        { key: "recognition", type: "richtext", label: "How the learning is recognised" },
      ],
    },
    {
      key: "safety",
      title: "Health, safety and insurance",
      items: [
        {
          key: "insurance",
          type: "select",
          label: "Workplace insurance",
          required: true,
          options: [
            { value: "wsib_employer", label: "WSIB — the employer's coverage (paid placement)" },
            { value: "ministry_student", label: "Ontario ministry coverage for students on unpaid placements" },
            { value: "provincial_other", label: "Workers' compensation in another province" },
            { value: "private", label: "Private insurance" },
          ],
        },
        { key: "insuranceReference", type: "text", label: "Policy or coverage reference" },
        { key: "safetyOrientation", type: "boolean", label: "Safety orientation before the first day on site", required: true },
        { key: "health_safety", type: "richtext", label: "Health and safety", required: true },
      ],
    },
    {
      key: "pay",
      title: "Pay",
      items: [
        { key: "paid", type: "boolean", label: "Paid placement", required: true },
        { key: "hourlyWageCad", type: "money_cad", label: "Hourly wage (CAD)", required: true, min: 0, max: 1000, showWhen: { field: "paid", in: [true] } },
        { key: "payNotes", type: "text", label: "Pay notes" },
      ],
    },
    {
      key: "confidentiality",
      title: "Confidentiality and intellectual property",
      items: [
        {
          key: "ipOwner",
          type: "select",
          label: "Who owns work products",
          required: true,
          options: [
            { value: "employer", label: "The employer" },
            { value: "learner", label: "The learner" },
            { value: "institution", label: "The institution" },
            { value: "shared", label: "Shared, as set out below" },
          ],
        },
        { key: "confidentiality", type: "richtext", label: "Confidentiality and intellectual property", required: true },
      ],
    },
    {
      key: "governance",
      title: "Disputes, variation and termination",
      items: [
        { key: "noticeDays", type: "integer", label: "Notice to end the agreement", required: true, min: 0, max: 90, unit: "days" },
        { key: "disputes", type: "richtext", label: "Dispute resolution", required: true },
        { key: "variation", type: "richtext", label: "Variation", required: true },
        { key: "termination", type: "richtext", label: "Termination", required: true },
      ],
    },
    {
      key: "review",
      title: "Review",
      items: [{ key: "reviewDate", type: "date", label: "Review date", required: true, help: "When the parties review how the placement is going." }],
    },
  ],
  keyFields: ["assessmentPlanId", "learnerName", "roleTitle", "siteName", "startDate", "endDate", "hoursPerWeek", "totalHours", "paid", "insurance", "reviewDate"],
  competencies: wblCompetencies,
  rules: wblRules,
  extraCompleteness: wblCompleteness,
};

function wblCompetencies(fields: CanonicalFields): ProjectedCompetency[] {
  const seen = new Set<string>();
  const out: ProjectedCompetency[] = [];
  for (const row of rowsOf(fields, "workCompetencies")) {
    const id = asString(row.competencyId);
    if (!id || seen.has(id)) continue;
    seen.add(id);
    out.push({ id, code: asString(row.competencyCode), title: asString(row.competencyTitle), framework: null, level: null, essential: null });
  }
  return out;
}

function wblRules(fields: CanonicalFields, context: ModelContext): RuleIssue[] {
  const issues: RuleIssue[] = [];
  const start = asDate(fields.startDate);
  const end = asDate(fields.endDate);
  if (start && end && end <= start) issues.push({ path: "endDate", severity: "error", message: "The end date must be after the start date.", code: "documents.rules.wbl.endAfterStart" });

  const review = asDate(fields.reviewDate);
  if (review && start && end && end > start && (review < start || review > end)) {
    issues.push({ path: "reviewDate", severity: "warning", message: "The review date is outside the placement dates.", code: "documents.rules.wbl.reviewOutside" });
  }

  const total = asNumber(fields.totalHours);
  const onJob = asNumber(fields.onTheJobHours);
  const offJob = asNumber(fields.offTheJobHours);
  if (total !== null && onJob !== null && offJob !== null && onJob + offJob !== total) {
    issues.push({ path: "offTheJobHours", severity: "warning", message: `On-the-job and off-the-job hours add up to ${onJob + offJob}, not the ${total} hours of the placement.`, code: "documents.rules.wbl.hoursSplit", params: { sum: onJob + offJob, total } });
  }
  const perWeek = asNumber(fields.hoursPerWeek);
  if (total !== null && perWeek !== null && start && end && end > start) {
    const weeks = (daysBetween(start, end) + 1) / 7;
    const available = Math.floor(perWeek * weeks);
    if (available < total) {
      issues.push({ path: "totalHours", severity: "warning", message: `${perWeek} hours a week between these dates gives about ${available} hours, fewer than ${total}.`, code: "documents.rules.wbl.hoursPerWeek", params: { perWeek, available, total } });
    }
  }

  for (const row of rowsOf(fields, "milestones")) {
    const due = asDate(row.due);
    if (row.id && due && start && end && (due < start || due > end)) {
      issues.push({ path: cellPath("milestones", row.id, "due"), severity: "warning", message: "This milestone falls outside the placement dates.", code: "documents.rules.wbl.milestoneOutside" });
    }
  }

  const linked = context.linkedCompetencies ? new Map(context.linkedCompetencies.map((c) => [c.id, c])) : null;
  const seen = new Set<string>();
  for (const row of rowsOf(fields, "workCompetencies")) {
    const id = asString(row.competencyId);
    if (!row.id || !id) continue;
    if (seen.has(id)) issues.push({ path: cellPath("workCompetencies", row.id, "competencyId"), severity: "error", message: "This competency is already listed.", code: "documents.rules.wbl.competencyListed" });
    seen.add(id);
    const inPlan = linked?.get(id);
    if (linked && !inPlan) {
      issues.push({ path: cellPath("workCompetencies", row.id, "competencyId"), severity: "warning", message: "This competency is not in the linked assessment plan.", code: "documents.rules.wbl.competencyNotInPlan" });
    } else if (inPlan?.assessedAtWorkplace === false) {
      issues.push({ path: cellPath("workCompetencies", row.id, "competencyId"), severity: "warning", message: "No workplace assessment in the assessment plan assesses this competency yet.", code: "documents.rules.wbl.noWorkplaceAssessment" });
    }
  }
  return issues;
}

function wblCompleteness(canonical: CanonicalDocument): { required: number; missing: RuleIssue[] } {
  // An agreement is between an employer and at least one institution: both must be parties.
  const roles = new Set(rowsOf(canonical.fields, "parties").map((row) => row.role));
  const missing: RuleIssue[] = [];
  if (!roles.has("employer")) missing.push({ path: "parties", severity: "error", message: "Add the employer as a party.", code: "documents.rules.wbl.addEmployer" });
  if (!roles.has("institution")) missing.push({ path: "parties", severity: "error", message: "Add at least one institution as a party.", code: "documents.rules.wbl.addInstitution" });
  return { required: 2, missing };
}
