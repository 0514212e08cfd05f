import type { CanonicalDocument, CanonicalFields, CanonicalRow, JsonValue, KindDefinition, ModelContext, Option, ProjectedCompetency, RuleIssue } from "~/modules/documents/model/types";
import { asString, cellPath, rowPath, rowsOf } from "~/modules/documents/model/values";

/**
 * Assessment plan: one row per competency of the linked credential specification, never fewer.
 * The coverage rule (domain reference §2): every competency needs at least one DIRECT assessment;
 * log-book sign-off or self-report alone is "soft" and flagged. The plan cannot go to QA with gaps.
 */

export const DIRECT_METHODS: readonly Option[] = [
  { value: "observation", label: "Observation of performance" },
  { value: "work_product", label: "Work product" },
  { value: "simulation", label: "Simulation" },
  { value: "oral", label: "Oral assessment" },
  { value: "written_test", label: "Written test" },
  { value: "e_portfolio", label: "E-portfolio" },
];
export const SOFT_METHODS: readonly Option[] = [
  { value: "logbook_signoff", label: "Log-book sign-off (soft)" },
  { value: "self_report", label: "Self-report (soft)" },
];
const DIRECT = new Set(DIRECT_METHODS.map((o) => o.value));

export function isDirectMethod(method: string): boolean {
  return DIRECT.has(method);
}

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
      key: "matrix",
      title: "Assessment by competency",
      intro:
        "One row per competency of the specification. Rows appear when competencies are added there; a row whose competency was removed is flagged, never deleted for you.",
      items: [
        {
          key: "assessments",
          type: "rows",
          label: "Assessments",
          itemLabel: "assessment",
          required: true,
          titleFields: ["competencyCode", "competencyTitle"],
          rowPerLinkedCompetency: true,
          showsAssessmentCoverage: true,
          emptyText: "Rows appear here as competencies are added to the linked credential specification.",
          fields: [
            { key: "competencyId", type: "competency", label: "Competency", required: true },
            { key: "competencyCode", type: "text", label: "Competency code", help: "Copied from the specification." },
            { key: "competencyTitle", type: "text", label: "Competency title", help: "Copied from the specification." },
            {
              key: "methods",
              type: "multiselect",
              label: "Methods",
              required: true,
              options: [...DIRECT_METHODS, ...SOFT_METHODS],
              help: "At least one direct method. Log-book sign-off or self-report alone is soft evidence and is flagged.",
            },
            {
              key: "evidence",
              type: "multiselect",
              label: "Evidence kept",
              required: true,
              options: [
                { value: "video", label: "Video" },
                { value: "artefact", label: "Work artefact" },
                { value: "log", label: "Log" },
                { value: "observation_record", label: "Observation record" },
                { value: "test_result", label: "Test result" },
              ],
            },
            { key: "employerAccess", type: "text", label: "Where the employer can see the evidence" },
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
            { key: "rubric", type: "longtext", label: "Rubric levels", help: "The levels of the rubric, lowest first." },
            { key: "requiredLevel", type: "text", label: "Level required to pass", required: true },
            {
              key: "validatedBy",
              type: "text",
              label: "Validated as real job performance by",
              required: true,
              help: "Who confirmed that this assessment reflects the job, e.g. the employer's subject-matter expert.",
            },
          ],
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
};

function planCompetencies(fields: CanonicalFields): ProjectedCompetency[] {
  const seen = new Set<string>();
  const out: ProjectedCompetency[] = [];
  for (const row of rowsOf(fields, "assessments")) {
    const id = asString(row.competencyId);
    if (!id || seen.has(id)) continue;
    seen.add(id);
    out.push({ id, code: asString(row.competencyCode), title: asString(row.competencyTitle), framework: null, level: asString(row.requiredLevel), essential: null });
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// The matrix: spec competencies × plan rows. Linear in both (maps, no nested scans), so it stays
// instant at the ~3,000 competencies of a Red Seal trade.
// ---------------------------------------------------------------------------------------------

/** The cells of a plan row this module reads; canonical rows and plain objects both fit. */
export type AssessmentRowLike = { id: string | null; competencyId?: JsonValue; methods?: JsonValue };

export type MatrixEntry<Row extends AssessmentRowLike = CanonicalRow> =
  /** The competency has its row. */
  | { status: "linked"; competency: ProjectedCompetency; row: Row }
  /** The competency has no row yet: one is to be added. */
  | { status: "new"; competency: ProjectedCompetency; row: null }
  /** The row's competency is not (or no longer) in the specification: flagged, kept. */
  | { status: "orphaned"; competency: null; row: Row }
  /** A second row for a competency that already has one (two people synced at once): flagged, kept. */
  | { status: "duplicate"; competency: ProjectedCompetency | null; row: Row };

/**
 * One entry per competency of the specification, in the specification's order, with its row or
 * "new"; then the rows that match no competency ("orphaned") and extra rows for the same
 * competency ("duplicate"), in plan order. Nothing is deleted: people decide what to do with them.
 */
export function assessmentRowsFor<Row extends AssessmentRowLike>(specCompetencies: readonly ProjectedCompetency[], existingRows: readonly Row[]): MatrixEntry<Row>[] {
  const byCompetency = new Map<string, Row>();
  const leftovers: MatrixEntry<Row>[] = [];
  const specById = new Map(specCompetencies.map((c) => [c.id, c]));
  for (const row of existingRows) {
    const competencyId = typeof row.competencyId === "string" && row.competencyId !== "" ? row.competencyId : null;
    if (competencyId !== null && byCompetency.has(competencyId)) {
      leftovers.push({ status: "duplicate", competency: specById.get(competencyId) ?? null, row });
    } else if (competencyId !== null && specById.has(competencyId)) {
      byCompetency.set(competencyId, row);
    } else {
      if (competencyId !== null) byCompetency.set(competencyId, row);
      leftovers.push({ status: "orphaned", competency: null, row });
    }
  }
  const entries: MatrixEntry<Row>[] = [];
  const placed = new Set<string>();
  for (const competency of specCompetencies) {
    if (placed.has(competency.id)) continue; // a spec listing one id twice still gets one row
    placed.add(competency.id);
    const row = byCompetency.get(competency.id);
    entries.push(row ? { status: "linked", competency, row } : { status: "new", competency, row: null });
  }
  return [...entries, ...leftovers];
}

export type CoverageStatus = "direct" | "soft_only" | "no_method" | "no_row";

export type CoverageEntry = {
  competency: ProjectedCompetency;
  rowId: string | null;
  methods: string[];
  status: CoverageStatus;
};

export type CoverageReport = {
  entries: CoverageEntry[];
  counts: Record<CoverageStatus, number>;
  /** Row ids whose competency is not in the specification. */
  orphanedRowIds: string[];
  duplicateRowIds: string[];
  /** Every competency has a direct assessment: nothing stops the plan going to QA on coverage. */
  complete: boolean;
};

function methodsOf(row: AssessmentRowLike): string[] {
  return Array.isArray(row.methods) ? row.methods.filter((m): m is string => typeof m === "string") : [];
}

export function coverageOfRow(row: AssessmentRowLike): Exclude<CoverageStatus, "no_row"> {
  const methods = methodsOf(row);
  if (methods.length === 0) return "no_method";
  return methods.some(isDirectMethod) ? "direct" : "soft_only";
}

export function assessmentCoverage(specCompetencies: readonly ProjectedCompetency[], rows: readonly AssessmentRowLike[]): CoverageReport {
  const counts: Record<CoverageStatus, number> = { direct: 0, soft_only: 0, no_method: 0, no_row: 0 };
  const entries: CoverageEntry[] = [];
  const orphanedRowIds: string[] = [];
  const duplicateRowIds: string[] = [];
  for (const entry of assessmentRowsFor(specCompetencies, rows)) {
    if (entry.status === "orphaned") {
      if (entry.row.id) orphanedRowIds.push(entry.row.id);
      continue;
    }
    if (entry.status === "duplicate") {
      if (entry.row.id) duplicateRowIds.push(entry.row.id);
      continue;
    }
    const status: CoverageStatus = entry.row ? coverageOfRow(entry.row) : "no_row";
    counts[status] += 1;
    entries.push({ competency: entry.competency, rowId: entry.row?.id ?? null, methods: entry.row ? methodsOf(entry.row) : [], status });
  }
  return { entries, counts, orphanedRowIds, duplicateRowIds, complete: counts.soft_only + counts.no_method + counts.no_row === 0 };
}

function planRules(fields: CanonicalFields, context: ModelContext): RuleIssue[] {
  const issues: RuleIssue[] = [];
  const rows = rowsOf(fields, "assessments");
  const entries = context.linkedCompetencies ? assessmentRowsFor(context.linkedCompetencies, rows) : assessmentRowsFor(rowsAsOwnCompetencies(rows), rows);
  for (const entry of entries) {
    if (!entry.row?.id) continue;
    if (entry.status === "duplicate") {
      issues.push({ path: cellPath("assessments", entry.row.id, "competencyId"), severity: "error", message: "This competency already has a row in the plan: merge the two rows." });
    } else if (entry.status === "orphaned" && context.linkedCompetencies && asString(entry.row.competencyId)) {
      issues.push({ path: rowPath("assessments", entry.row.id), severity: "warning", message: "This competency is no longer in the credential specification." });
    }
  }
  return issues;
}

/** Without the specification at hand, each row's own competency stands in for it (duplicates still show). */
function rowsAsOwnCompetencies(rows: readonly CanonicalRow[]): ProjectedCompetency[] {
  const out: ProjectedCompetency[] = [];
  for (const row of rows) {
    const id = asString(row.competencyId);
    if (id) out.push({ id, code: null, title: null, framework: null, level: null, essential: null });
  }
  return out;
}

function planCompleteness(canonical: CanonicalDocument, context: ModelContext): { required: number; missing: RuleIssue[] } {
  const missing: RuleIssue[] = [];
  let required = 0;
  const rows = rowsOf(canonical.fields, "assessments");
  for (const row of rows) {
    // An empty methods cell is already a missing required cell; here only "soft evidence only".
    if (!row.id || methodsOf(row).length === 0) continue;
    required += 1;
    if (coverageOfRow(row) === "soft_only") {
      missing.push({ path: cellPath("assessments", row.id, "methods"), severity: "error", message: "Add a direct method: log-book sign-off or self-report alone is soft evidence." });
    }
  }
  if (context.linkedCompetencies) {
    for (const entry of assessmentRowsFor(context.linkedCompetencies, rows)) {
      if (entry.status === "new") {
        required += 1;
        const name = [entry.competency.code, entry.competency.title].filter(Boolean).join(" ");
        missing.push({ path: "assessments", severity: "error", message: `${name || "A competency"} has no assessment row yet.` });
      } else if (entry.status === "orphaned" && entry.row.id) {
        required += 1;
        missing.push({ path: rowPath("assessments", entry.row.id), severity: "error", message: "Its competency was removed from the specification: delete the row or link it to a competency." });
      }
    }
  }
  return { required, missing };
}
