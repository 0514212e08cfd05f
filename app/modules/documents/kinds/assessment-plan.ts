import { computeCoverage, gapMessage, softOnlyMessage, type CoverageCompetency, type CoverageReport } from "~/modules/coverage/rules";
import { ASSESSMENT_METHODS, ASSESSMENT_SETTINGS, evidenceKindOf } from "~/modules/coverage/methods";
import { parseCoverageKey } from "~/modules/documents/model/coverage-cells";
import type { CanonicalDocument, CanonicalFields, JsonValue, KindDefinition, ModelContext, ProjectedCompetency, RuleIssue } from "~/modules/documents/model/types";
import { asBoolean, asString, rowsOf } from "~/modules/documents/model/values";

/**
 * Assessment plan (issue #14, ADR 0013): a handful of ASSESSMENTS (instruments: a site
 * observation, a written examination…) and a COVERAGE MATRIX saying which assessment assesses
 * which competency of the linked credential specification. The rules (modules/coverage/rules.ts):
 * every essential competency needs an assessment; soft evidence alone is flagged; gaps block
 * sign-off. Plans written as one row per competency are migrated once (assessment-migration.ts).
 */

export const ASSESSMENT_PLAN: KindDefinition = {
  kind: "assessment_plan",
  label: "Assessment plan",
  sections: [
    {
      key: "scope",
      title: "Credential and scope",
      items: [
        { key: "title", type: "text", label: "Plan title", required: true, maxLength: 200 },
        {
          key: "credentialSpecId",
          type: "document",
          documentKind: "credential_spec",
          competencySource: true,
          label: "Credential specification",
          required: true,
          help: "The specification whose competencies this plan assesses.",
        },
        {
          key: "version",
          type: "text",
          label: "Version",
          required: true,
          maxLength: 20,
          initial: "0.1",
          pattern: { source: "^\\d+(\\.\\d+){0,2}$", message: "Write the version as numbers with dots, e.g. 1.0 or 2.1.3." },
        },
        { key: "overview", type: "richtext", label: "Approach to assessment", required: true, placeholder: "How the assessments fit together, and why they show real job performance." },
      ],
    },
    {
      key: "assessments",
      title: "Assessments",
      intro: "The instruments of the plan: tens, not thousands. Which competencies each one assesses is ticked in the coverage matrix below.",
      items: [
        {
          key: "assessments",
          type: "rows",
          label: "Assessments",
          itemLabel: "assessment",
          required: true,
          titleFields: ["name"],
          evidenceKindFrom: "method",
          fields: [
            { key: "name", type: "text", label: "Assessment name", required: true, maxLength: 200 },
            {
              key: "method",
              type: "select",
              label: "Method",
              required: true,
              options: ASSESSMENT_METHODS.map(({ value, label }) => ({ value, label: `${label} (${evidenceKindOf(value)})` })),
              help: "Log-book sign-off, self-report and attendance are soft evidence: they never make a competency assessed on their own.",
            },
            { key: "setting", type: "select", label: "Where it happens", required: true, options: ASSESSMENT_SETTINGS },
            {
              key: "assessor",
              type: "select",
              label: "Assessor",
              required: true,
              options: [
                { value: "employer", label: "Employer" },
                { value: "institution", label: "Institution" },
                { value: "joint", label: "Employer and institution jointly" },
                { value: "third_party", label: "Third party" },
              ],
            },
            { key: "assessorQualification", type: "text", label: "Assessor's qualification", maxLength: 300 },
            {
              key: "identityVerification",
              type: "select",
              label: "Identity verification",
              required: true,
              options: [
                { value: "photo_id", label: "Photo ID checked in person" },
                { value: "online_id", label: "Online identity check" },
                { value: "known_to_assessor", label: "Known to the assessor at work" },
                { value: "none", label: "None" },
              ],
            },
            {
              key: "proctoring",
              type: "select",
              label: "Proctoring",
              options: [
                { value: "not_proctored", label: "Not proctored" },
                { value: "in_person", label: "In person" },
                { value: "remote_live", label: "Remote, live" },
                { value: "remote_recorded", label: "Remote, recorded" },
              ],
            },
            {
              key: "evidence",
              type: "multiselect",
              label: "Evidence kept",
              options: [
                { value: "video", label: "Video" },
                { value: "artefact", label: "Work artefact" },
                { value: "log", label: "Log" },
                { value: "observation_record", label: "Observation record" },
                { value: "test_result", label: "Test result" },
              ],
            },
            { key: "employerAccess", type: "text", label: "Where the employer can see the evidence" },
            { key: "rubric", type: "longtext", label: "Rubric levels", help: "The levels of the rubric, lowest first." },
            { key: "requiredLevel", type: "text", label: "Level required to pass", required: true },
            { key: "weight", type: "integer", label: "Weight", min: 0, max: 100, unit: "%" },
            {
              key: "validatedBy",
              type: "text",
              label: "Validated as real job performance by",
              required: true,
              help: "Who confirmed with the employer that this assessment reflects the job, e.g. their subject-matter expert.",
            },
            { key: "assessmentOnlyRoute", type: "boolean", label: "Part of the assessment-only route" },
          ],
        },
      ],
    },
    {
      key: "coverage",
      title: "Coverage",
      intro:
        "Rows are the specification's competencies, columns the assessments above; tick a cell when that assessment assesses that competency. Every essential competency needs a direct assessment before sign-off.",
      items: [
        {
          key: "coverage",
          type: "coverage",
          label: "Coverage matrix",
          columnsFrom: "assessments",
          alsoReads: ["assessmentOnlyOffered"],
        },
      ],
    },
    {
      key: "assessment_only",
      title: "Assessment-only route",
      items: [
        { key: "assessmentOnlyOffered", type: "boolean", label: "Assessment-only route offered", required: true },
        {
          key: "assessmentOnlySteps",
          type: "multiselect",
          label: "Steps of the route",
          required: true,
          showWhen: { field: "assessmentOnlyOffered", in: [true] },
          options: [
            { value: "pre_test", label: "Pre-test" },
            { value: "gap_analysis", label: "Gap analysis" },
            { value: "challenge_assessment", label: "Challenge assessment" },
            { value: "portfolio_review", label: "Portfolio review" },
            { value: "post_test", label: "Post-test" },
          ],
        },
        { key: "assessment_only", type: "richtext", label: "How the assessment-only route works" },
      ],
    },
    {
      key: "appeals",
      title: "Re-assessment and appeals",
      items: [
        { key: "reassessmentAttempts", type: "integer", label: "Re-assessment attempts allowed", required: true, min: 0, max: 5 },
        { key: "appealWindowDays", type: "integer", label: "Time to lodge an appeal", required: true, min: 1, max: 90, unit: "days" },
        { key: "appeals", type: "richtext", label: "Re-assessment and appeals", required: true },
      ],
    },
    {
      key: "transcript",
      title: "Results and transcript",
      items: [
        {
          key: "resultFormat",
          type: "select",
          label: "How results are reported",
          required: true,
          options: [
            { value: "pass_not_yet", label: "Pass / not yet" },
            { value: "competency_levels", label: "Level reached per competency" },
            { value: "graded", label: "Graded (percentage or letter)" },
          ],
        },
        { key: "openBadge", type: "boolean", label: "Issued as an Open Badges 3.0 credential" },
        { key: "transcriptNotation", type: "text", label: "Transcript notation" },
        { key: "transcript", type: "richtext", label: "How results reach the transcript", required: true },
      ],
    },
    {
      key: "evidence",
      title: "Evidence retention and privacy",
      items: [
        { key: "retentionMonths", type: "integer", label: "Keep evidence for", required: true, min: 1, max: 120, unit: "months" },
        { key: "storage", type: "text", label: "Where evidence is stored", required: true },
        { key: "privacy", type: "richtext", label: "Privacy and consent", required: true },
      ],
    },
  ],
  keyFields: ["credentialSpecId", "version", "resultFormat", "assessmentOnlyOffered", "reassessmentAttempts", "retentionMonths"],
  competencies: planCompetencies,
  rules: planRules,
  extraCompleteness: planCompleteness,
  coverage: planCoverage,
};


/** The specification's competency as the rules see it: unset "essential" counts as essential. */
export function asCoverageCompetency(competency: ProjectedCompetency): CoverageCompetency {
  return { id: competency.id, code: competency.code, title: competency.title, branch: competency.branch ?? null, essential: competency.essential !== false };
}

/** The route must cover every essential competency when the plan or its specification offers it. */
export function coverageRouteRequired(fields: Readonly<Record<string, JsonValue>>, context: Pick<ModelContext, "linkedKeyFields">): boolean {
  return asBoolean(fields.assessmentOnlyOffered) === true || context.linkedKeyFields?.assessmentOnlyRoute === true;
}

const reports = new WeakMap<object, { rows: unknown; linked: unknown; route: boolean; report: CoverageReport }>();

/**
 * The plan's coverage of its specification's competencies; null without the specification at
 * hand. Cached on the (referentially stable) matrix value, so a keystroke elsewhere in a
 * 3,000 × 60 plan does not recount it.
 */
export function planCoverage(fields: CanonicalFields, context: ModelContext): CoverageReport | null {
  const linked = context.linkedCompetencies;
  if (!linked) return null;
  if (context.coverage) return context.coverage;
  const rows = rowsOf(fields, "assessments");
  const matrix = Array.isArray(fields.coverage) ? fields.coverage : [];
  const route = coverageRouteRequired(fields, context);
  const cached = reports.get(matrix);
  if (cached && cached.rows === fields.assessments && cached.linked === linked && cached.route === route) return cached.report;
  const report = computeCoverage({
    competencies: linked.map(asCoverageCompetency),
    assessments: rows.flatMap((row) =>
      row.id
        ? [{ id: row.id, name: asString(row.name), method: asString(row.method), setting: asString(row.setting), assessmentOnlyRoute: asBoolean(row.assessmentOnlyRoute) === true }]
        : [],
    ),
    cells: tickedPairs(matrix),
    routeRequired: route,
  });
  reports.set(matrix, { rows: fields.assessments, linked, route, report });
  return report;
}

/** The canonical matrix's keys as pairs (already normalised: no re-sorting 30,000 keys). */
function* tickedPairs(matrix: readonly JsonValue[]): Generator<[string, string]> {
  for (const key of matrix) {
    const pair = typeof key === "string" ? parseCoverageKey(key) : null;
    if (pair) yield pair;
  }
}

/**
 * What a plan offers a work-based learning agreement: every competency of its specification, each
 * saying whether a workplace assessment assesses it. Without the specification, none.
 */
function planCompetencies(fields: CanonicalFields, context: ModelContext = {}): ProjectedCompetency[] {
  const report = planCoverage(fields, context);
  if (!report || !context.linkedCompetencies) return [];
  const byId = new Map(context.linkedCompetencies.map((c) => [c.id, c]));
  return report.competencies.map(({ competency, atWorkplace }) => ({ ...byId.get(competency.id)!, assessedAtWorkplace: atWorkplace }));
}

function planRules(fields: CanonicalFields, context: ModelContext): RuleIssue[] {
  const report = planCoverage(fields, context);
  if (!report || report.softOnly === 0) return [];
  return [{ path: "coverage", severity: "warning", message: `${softOnlyMessage(report.softOnly)}.`, code: "documents.rules.softOnly", params: { count: report.softOnly } }];
}

function planCompleteness(canonical: CanonicalDocument, context: ModelContext): { required: number; missing: RuleIssue[] } {
  const report = planCoverage(canonical.fields, context);
  if (!report) return { required: 0, missing: [] };
  return { required: 1, missing: report.gaps > 0 ? [{ path: "coverage", severity: "error", message: `${gapMessage(report.gaps)}.`, code: "documents.rules.gaps", params: { count: report.gaps } }] : [] };
}
