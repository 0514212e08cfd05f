import { asBoolean, asDate, asNumber, asString, cellPath, rowsOf } from "~/modules/documents/model/values";
import type { CanonicalFields, CanonicalRow, KindDefinition, ModelContext, ProjectedCompetency, RuleIssue } from "~/modules/documents/model/types";
import {
  DELIVERY_MODES,
  FRAMEWORK_LEVEL_RANGES,
  JURISDICTIONS,
  LANGUAGES,
  OCCUPATION_CODE_PATTERNS,
  OCCUPATION_SYSTEMS,
  QUALIFICATION_FRAMEWORKS,
} from "~/modules/documents/kinds/options";
import { demandFlags, reviewMonths, type DemandSubject } from "~/modules/demand/staleness";

/** Cells a framework reference has and a custom competency does not. */
const FROM_FRAMEWORK = { field: "source", in: ["framework"] } as const;
/** Written in English and French side by side (issue #20): the French fields are then required. */
const BILINGUAL = { field: "bilingual", in: [true] } as const;

/**
 * Credential specification: what the micro-credential is, for whom, what it certifies, how it is
 * delivered, how it stacks, who assures its quality. Field list from the domain reference (§1),
 * covering what Open Badges 3.0, CTDL and the EU micro-credential elements ask for.
 */
export const CREDENTIAL_SPEC: KindDefinition = {
  kind: "credential_spec",
  label: "Credential specification",
  sections: [
    {
      key: "identity",
      title: "Identity",
      items: [
        { key: "title", type: "text", label: "Credential title", required: true, maxLength: 200 },
        {
          key: "bilingual",
          type: "boolean",
          label: "Published in English and French",
          initial: false,
          help: "The title, the short description and every learning outcome are then written in both languages; the catalog shows each visitor their language and the exports carry both.",
        },
        { key: "titleFr", type: "text", label: "Credential title in French", required: true, maxLength: 200, showWhen: BILINGUAL },
        {
          key: "shortCode",
          type: "text",
          label: "Short code",
          required: true,
          maxLength: 20,
          help: "Capital letters, digits and hyphens, e.g. CAP-101. Shown on transcripts and badges.",
          pattern: { source: "^[A-Z0-9][A-Z0-9-]*$", message: "Use capital letters, digits and hyphens only, e.g. CAP-101." },
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
        {
          key: "credentialStatus",
          type: "select",
          label: "Credential status",
          required: true,
          initial: "in_development",
          help: "The credential's life cycle, not the approval of this document.",
          options: [
            { value: "in_development", label: "In development" },
            { value: "active", label: "Active — open for enrolment" },
            { value: "suspended", label: "Suspended" },
            { value: "retired", label: "Retired" },
          ],
        },
        {
          key: "credentialKind",
          type: "select",
          label: "Credential kind",
          initial: "standalone",
          help: "A module counts toward stacks; a stack is made of approved modules (consortia, issue #18).",
          options: [
            { value: "standalone", label: "Stand-alone credential" },
            { value: "module", label: "Module" },
            { value: "stack", label: "Stack" },
          ],
        },
        {
          key: "summary",
          type: "longtext",
          label: "Short description",
          required: true,
          maxLength: 600,
          help: "Two or three sentences for badges, catalogues and transcripts.",
        },
        { key: "summaryFr", type: "longtext", label: "Short description in French", required: true, maxLength: 600, showWhen: BILINGUAL },
        { key: "languages", type: "multiselect", label: "Languages of instruction and assessment", required: true, options: LANGUAGES },
        { key: "jurisdiction", type: "select", label: "Jurisdiction", required: true, options: JURISDICTIONS },
        {
          key: "owners",
          type: "rows",
          label: "Issuing and awarding bodies",
          itemLabel: "body",
          required: true,
          help: "For a consortium, list every co-owner.",
          titleFields: ["organization"],
          fields: [
            { key: "organization", type: "text", label: "Organization", required: true },
            {
              key: "role",
              type: "select",
              label: "Role",
              required: true,
              options: [
                { value: "issuer_awarder", label: "Issues and awards" },
                { value: "issuer", label: "Issues (delivers the learning)" },
                { value: "awarder", label: "Awards (confers the credential)" },
              ],
            },
            { key: "province", type: "select", label: "Province or territory", options: JURISDICTIONS },
          ],
        },
        { key: "webpage", type: "url", label: "Public web page" },
      ],
    },
    {
      key: "purpose",
      title: "Purpose and occupations",
      items: [
        {
          key: "purpose",
          type: "richtext",
          label: "Who it is for and what holders can do",
          required: true,
          placeholder: "Describe the learners this credential is for and what they will be able to do at work.",
        },
        {
          key: "occupations",
          type: "rows",
          label: "Target occupations",
          itemLabel: "occupation",
          required: true,
          help: "NOC 2021 or OaSIS codes; ESCO and O*NET codes are optional extras.",
          titleFields: ["code", "title"],
          fields: [
            { key: "system", type: "select", label: "Classification", required: true, initial: "noc_2021", options: OCCUPATION_SYSTEMS },
            { key: "code", type: "text", label: "Code", required: true, maxLength: 80 },
            { key: "title", type: "text", label: "Occupation title", required: true },
            { key: "exampleRoles", type: "text", label: "Example job titles" },
          ],
        },
        {
          key: "employer_need",
          type: "richtext",
          label: "Why employers need it",
          required: true,
          placeholder: "What gap in the workforce does this credential close? Quote employers where you can.",
        },
      ],
    },
    {
      key: "labour_market",
      title: "Labour-market evidence",
      intro: "Evidence goes stale: each signal and the evidence as a whole carry a date to review them by.",
      items: [
        {
          key: "demandSignals",
          type: "rows",
          label: "Demand signals",
          itemLabel: "demand signal",
          required: true,
          titleFields: ["source", "figure"],
          fields: [
            { key: "competencyId", type: "competency", label: "Competency", help: "Leave empty when the signal concerns the whole credential." },
            { key: "source", type: "text", label: "Source", required: true },
            { key: "figure", type: "text", label: "Figure", required: true, help: "What the source says, with its number, e.g. “18 planner roles to fill by 2030”." },
            { key: "date", type: "date", label: "Date of the evidence", required: true },
            { key: "url", type: "url", label: "Link to the source" },
            { key: "reviewBy", type: "date", label: "Review by" },
          ],
        },
        {
          key: "endorsements",
          type: "rows",
          label: "Employer letters of support and endorsements",
          itemLabel: "endorsement",
          titleFields: ["organization"],
          fields: [
            { key: "organization", type: "text", label: "Organization", required: true },
            {
              key: "kind",
              type: "select",
              label: "Kind",
              required: true,
              options: [
                { value: "letter_of_support", label: "Letter of support" },
                { value: "endorsement", label: "Formal endorsement" },
                { value: "advisory_minute", label: "Advisory committee minute" },
              ],
            },
            { key: "signedBy", type: "text", label: "Signed by" },
            { key: "date", type: "date", label: "Date", required: true },
            { key: "url", type: "url", label: "Link to the document" },
          ],
        },
        {
          key: "evidenceReviewDate",
          type: "date",
          label: "Review the evidence by",
          required: true,
          help: "After this date the evidence is flagged as stale until someone reviews it.",
        },
        {
          key: "evidenceReviewMonths",
          type: "integer",
          label: "Evidence-review period",
          min: 1,
          max: 120,
          unit: "months",
          initial: 12,
          help: "Imported demand data older than this is flagged in the Demand section and the checklist. 12 months when empty.",
        },
        { key: "labour_market_summary", type: "richtext", label: "Summary of the evidence", placeholder: "What the evidence shows, in a few sentences." },
      ],
    },
    {
      key: "competencies",
      title: "Competencies and learning outcomes",
      intro: "Each competency is a node of a competency framework. The assessment plan gets one row per competency.",
      items: [
        {
          key: "competencies",
          type: "rows",
          label: "Competencies",
          itemLabel: "competency",
          required: true,
          titleFields: ["code", "title"],
          // A row is a reference to a framework competency (source "framework": frameworkId and
          // competencyId name the library's version and node; framework, branch, code, uri and
          // title are the library's words, copied when picked so that the signed content says what
          // was agreed) or a custom competency people type themselves. See ADR 0012.
          competencyTable: true,
          fields: [
            {
              key: "source",
              type: "select",
              label: "Source",
              required: true,
              initial: "custom",
              options: [
                { value: "framework", label: "From a framework" },
                { value: "custom", label: "Custom (no framework has it)" },
              ],
            },
            { key: "frameworkId", type: "text", label: "Framework version", showWhen: FROM_FRAMEWORK },
            { key: "competencyId", type: "text", label: "Framework competency", showWhen: FROM_FRAMEWORK },
            { key: "framework", type: "text", label: "Framework", required: true, showWhen: FROM_FRAMEWORK },
            { key: "branch", type: "text", label: "Framework branch", showWhen: FROM_FRAMEWORK },
            { key: "code", type: "text", label: "Code", required: true, maxLength: 40 },
            { key: "uri", type: "url", label: "Framework URI" },
            { key: "title", type: "text", label: "Competency", required: true, maxLength: 300 },
            { key: "outcome", type: "longtext", label: "Learning outcome", help: "What the learner can do, in observable and assessable terms." },
            { key: "outcomeFr", type: "longtext", label: "Learning outcome in French", help: "Required when the credential is published in English and French." },
            { key: "level", type: "text", label: "Proficiency level", required: true, help: "As the framework names it, e.g. “Level 3 — Proficient”." },
            { key: "essential", type: "boolean", label: "Essential", required: true, initial: true, help: "Clear it for an optional competency." },
          ],
        },
      ],
    },
    {
      key: "size_level",
      title: "Size and level",
      items: [
        {
          key: "learningHours",
          type: "integer",
          label: "Notional learning hours",
          required: true,
          min: 1,
          max: 2000,
          unit: "hours",
          help: "All learning time: teaching, self-study, work-based learning and assessment.",
        },
        { key: "creditValue", type: "number", label: "Credit value", min: 0, max: 120, unit: "credits" },
        {
          key: "creditSystem",
          type: "select",
          label: "Credit system",
          required: true,
          options: [
            { value: "not_for_credit", label: "Not for credit" },
            { value: "institutional", label: "Institutional credits" },
            { value: "ects", label: "ECTS credits" },
            { value: "ceu", label: "Continuing education units (CEU)" },
          ],
        },
        { key: "framework", type: "select", label: "Qualification framework", required: true, options: QUALIFICATION_FRAMEWORKS },
        { key: "frameworkLevel", type: "integer", label: "Framework level", required: true, min: 1, max: 13 },
      ],
    },
    {
      key: "delivery",
      title: "Delivery",
      items: [
        { key: "learningMode", type: "select", label: "Learning mode", required: true, options: DELIVERY_MODES },
        {
          key: "assessmentMode",
          type: "select",
          label: "Assessment mode",
          required: true,
          options: DELIVERY_MODES,
          help: "Where assessment takes place; it can differ from how learning is delivered.",
        },
        {
          key: "schedule",
          type: "select",
          label: "Schedule",
          required: true,
          options: [
            { value: "on_demand", label: "On demand — start any time" },
            { value: "cohort", label: "Cohort — fixed start dates" },
          ],
        },
        {
          key: "cohortStarts",
          type: "rows",
          label: "Cohort start dates",
          itemLabel: "start date",
          required: true,
          showWhen: { field: "schedule", in: ["cohort"] },
          titleFields: ["startDate"],
          fields: [
            { key: "startDate", type: "date", label: "Start date", required: true },
            { key: "seats", type: "integer", label: "Seats", min: 1, max: 1000 },
            { key: "location", type: "text", label: "Campus or platform" },
          ],
        },
        { key: "timeToCompleteWeeks", type: "integer", label: "Typical time to complete", required: true, min: 1, max: 260, unit: "weeks" },
        { key: "costCad", type: "money_cad", label: "Cost to the learner (CAD)", required: true, min: 0, max: 100_000 },
        { key: "costIncludes", type: "text", label: "What the cost includes" },
        { key: "delivery", type: "richtext", label: "How learning is delivered", placeholder: "Weekly rhythm, live sessions, labs, accessibility." },
      ],
    },
    {
      key: "entry",
      title: "Entry and recognition",
      items: [
        { key: "prerequisites", type: "richtext", label: "Prerequisites", required: true, placeholder: "Education, experience or tools a learner needs before starting." },
        { key: "rplAvailable", type: "boolean", label: "Recognition of prior learning is available", required: true },
        { key: "prior_learning", type: "richtext", label: "How prior learning is recognised" },
        {
          key: "assessmentOnlyRoute",
          type: "boolean",
          label: "Assessment-only route offered",
          required: true,
          help: "Experienced people take a pre-test, then a post-test, and earn the credential without tuition.",
        },
        {
          key: "assessmentOnlyFeeCad",
          type: "money_cad",
          label: "Fee for the assessment-only route (CAD)",
          required: true,
          min: 0,
          max: 100_000,
          showWhen: { field: "assessmentOnlyRoute", in: [true] },
        },
        { key: "assessment_only", type: "richtext", label: "The assessment-only route" },
      ],
    },
    {
      key: "stacking",
      title: "Stacking and laddering",
      items: [
        // A stack's modules: each row references one approved version of a module specification
        // (document id + version hash), with the title and owner copied at that version; the
        // Stack section's picker writes them (app/modules/stacks).
        {
          key: "stackRule",
          type: "select",
          label: "Which modules a learner takes",
          initial: "all",
          showWhen: { field: "credentialKind", in: ["stack"] },
          options: [
            { value: "all", label: "All modules are required" },
            { value: "k_of_n", label: "A number of these modules" },
          ],
        },
        { key: "stackK", type: "integer", label: "How many of the modules", min: 1, max: 100, showWhen: { field: "stackRule", in: ["k_of_n"] } },
        {
          key: "stackModules",
          type: "rows",
          label: "Modules of the stack",
          itemLabel: "module",
          showWhen: { field: "credentialKind", in: ["stack"] },
          help: "Add modules with “Add a module” in the Stack section: each is a specific approved version.",
          titleFields: ["title"],
          fields: [
            { key: "moduleDocumentId", type: "text", label: "Module specification" },
            { key: "versionHash", type: "text", label: "Approved version" },
            { key: "title", type: "text", label: "Module title" },
            { key: "owner", type: "text", label: "Owned by" },
            { key: "prerequisites", type: "text", label: "Prerequisites (modules of this stack)", help: "The module specifications to complete first." },
          ],
        },
        {
          key: "modules",
          type: "rows",
          label: "Modules",
          itemLabel: "module",
          required: true,
          // A stack's parts are approved module specifications ("Modules of the stack"), not free text.
          showWhen: { field: "credentialKind", in: ["standalone", "module", null] },
          help: "The parts a learner completes within this credential, each owned by one participating institution. A stack lists approved module specifications under “Modules of the stack” instead.",
          titleFields: ["code", "title"],
          fields: [
            { key: "code", type: "text", label: "Code", required: true, maxLength: 40 },
            { key: "title", type: "text", label: "Module title", required: true },
            { key: "ownedBy", type: "text", label: "Owned by (institution)", required: true },
            { key: "hours", type: "integer", label: "Hours", required: true, min: 1, max: 2000, unit: "hours" },
            { key: "credits", type: "number", label: "Credits", min: 0, max: 120, unit: "credits" },
            { key: "summary", type: "longtext", label: "What it covers" },
          ],
        },
        {
          key: "stacksInto",
          type: "rows",
          label: "Credentials it stacks into",
          itemLabel: "credential",
          titleFields: ["credential"],
          fields: [
            { key: "credential", type: "text", label: "Credential", required: true },
            { key: "issuer", type: "text", label: "Issued by", required: true },
            { key: "how", type: "longtext", label: "How it counts" },
          ],
        },
        {
          key: "laddersInto",
          type: "rows",
          label: "Programs it ladders into",
          itemLabel: "program",
          titleFields: ["program", "institution"],
          fields: [
            { key: "program", type: "text", label: "Program", required: true },
            { key: "institution", type: "text", label: "Institution", required: true },
            { key: "creditGranted", type: "number", label: "Credit granted", required: true, min: 0, max: 120, unit: "credits" },
            { key: "transcriptable", type: "boolean", label: "Appears on the transcript", required: true },
            { key: "transcriptNote", type: "text", label: "How it appears on the transcript", showWhen: { field: "transcriptable", in: [true] } },
            // Recognition (issue #18): the receiving institution (its exact name on Concord) signs it.
            { key: "province", type: "text", label: "Province", maxLength: 40 },
            {
              key: "standing",
              type: "select",
              label: "What it grants",
              options: [
                { value: "credits", label: "Transfer credits" },
                { value: "advanced_standing", label: "Advanced standing" },
                { value: "preparation", label: "Preparation (admission)" },
              ],
            },
            { key: "conditions", type: "longtext", label: "Conditions" },
            { key: "validFrom", type: "date", label: "Valid from" },
            { key: "validTo", type: "date", label: "Valid to" },
          ],
        },
      ],
    },
    {
      key: "quality",
      title: "Quality assurance",
      items: [
        { key: "qaBody", type: "text", label: "Quality-assurance body", required: true },
        {
          key: "qaType",
          type: "select",
          label: "Type of quality assurance",
          required: true,
          options: [
            { value: "institutional_review", label: "Institutional quality-assurance review" },
            { value: "external_review", label: "External program review" },
            { value: "accreditation", label: "Accreditation" },
            { value: "professional_recognition", label: "Recognition by a professional body" },
          ],
        },
        {
          key: "reviewCycleYears",
          type: "integer",
          label: "Review cycle",
          required: true,
          min: 1,
          max: 7,
          unit: "years",
          help: "How often the credential is reviewed, e.g. every 3 years.",
        },
        { key: "nextReviewDate", type: "date", label: "Next review" },
        { key: "appeals", type: "richtext", label: "Appeal process", required: true, placeholder: "How a learner appeals a decision, to whom, and how fast they get an answer." },
      ],
    },
  ],
  keyFields: [
    "shortCode",
    "version",
    "credentialStatus",
    "languages",
    "jurisdiction",
    "occupations",
    "learningHours",
    "creditValue",
    "creditSystem",
    "framework",
    "frameworkLevel",
    "learningMode",
    "assessmentMode",
    "schedule",
    "timeToCompleteWeeks",
    "costCad",
    "qaBody",
    "qaType",
    "reviewCycleYears",
    "evidenceReviewDate",
    // Review dates remind the lead institution 30 days ahead (notifications/reminders.ts, issue #19).
    "nextReviewDate",
    // Its assessment plan must then cover every essential competency by the route too (issue #14).
    "assessmentOnlyRoute",
    // The consortium library lists modules, and a stack's sign-off reads its modules (issue #18).
    "credentialKind",
    "stackModules",
  ],
  competencies: specCompetencies,
  rules: specRules,
};

function specCompetencies(fields: CanonicalFields): ProjectedCompetency[] {
  const out: ProjectedCompetency[] = [];
  for (const row of rowsOf(fields, "competencies")) {
    if (!row.id) continue;
    out.push({
      id: row.id,
      code: asString(row.code),
      title: asString(row.title),
      framework: asString(row.framework),
      level: asString(row.level),
      essential: asBoolean(row.essential),
      branch: asString(row.branch),
      ...libraryReference(row),
    });
  }
  return out;
}

/** The library ids of a framework row that has them (what "which specifications use it" reads). */
function libraryReference(row: CanonicalRow): Pick<ProjectedCompetency, "frameworkId" | "competencyId"> {
  const frameworkId = asString(row.frameworkId);
  const competencyId = asString(row.competencyId);
  return row.source === "framework" && frameworkId && competencyId ? { frameworkId, competencyId } : {};
}

function specRules(fields: CanonicalFields, context: ModelContext): RuleIssue[] {
  const issues: RuleIssue[] = [];

  // Demand flags, when the page brought the imported demand data (app/modules/demand).
  if (context.demand && context.today) {
    for (const flag of demandFlags(specDemandSubjects(fields), context.demand, context.today, reviewMonths(fields.evidenceReviewMonths))) {
      const path = cellPath(flag.subject.kind === "occupation" ? "occupations" : "competencies", flag.subject.rowId, "code");
      issues.push({ path, severity: "warning", message: flag.message });
    }
  }

  for (const row of rowsOf(fields, "occupations")) {
    const code = asString(row.code);
    const system = asString(row.system);
    const shape = system ? OCCUPATION_CODE_PATTERNS[system] : undefined;
    if (row.id && code && shape && !shape.regex.test(code)) {
      issues.push({ path: cellPath("occupations", row.id, "code"), severity: "error", message: `This is not a code of that classification; codes look like ${shape.example}.`, code: "documents.rules.spec.occupationCode", params: { example: shape.example } });
    }
  }

  // Published in both languages: each learning outcome written in English needs its French.
  if (fields.bilingual === true) {
    for (const row of rowsOf(fields, "competencies")) {
      if (row.id && asString(row.outcome)?.trim() && !asString(row.outcomeFr)?.trim()) {
        issues.push({ path: cellPath("competencies", row.id, "outcomeFr"), severity: "error", message: "Write this learning outcome in French too: the credential is published in English and French.", code: "documents.rules.spec.outcomeFrench" });
      }
    }
  }

  const framework = asString(fields.framework);
  const level = asNumber(fields.frameworkLevel);
  const range = framework ? FRAMEWORK_LEVEL_RANGES[framework] : undefined;
  if (range && level !== null && (level < range.min || level > range.max)) {
    issues.push({ path: "frameworkLevel", severity: "error", message: `${range.name} has levels ${range.min} to ${range.max}.`, code: "documents.rules.spec.frameworkLevels", params: { framework: framework ?? "", name: range.name, min: range.min, max: range.max } });
  }

  const credits = asNumber(fields.creditValue);
  if (credits !== null && credits > 0 && fields.creditSystem === "not_for_credit") {
    issues.push({ path: "creditSystem", severity: "error", message: "A credential with a credit value needs a credit system.", code: "documents.rules.spec.creditSystem" });
  }

  const competencyIds = new Set(rowsOf(fields, "competencies").map((row) => row.id));
  for (const row of rowsOf(fields, "demandSignals")) {
    if (!row.id) continue;
    const competencyId = asString(row.competencyId);
    if (competencyId && !competencyIds.has(competencyId)) {
      issues.push({ path: cellPath("demandSignals", row.id, "competencyId"), severity: "error", message: "This competency is no longer in the specification.", code: "documents.rules.spec.competencyGone" });
    }
    const date = asDate(row.date);
    const reviewBy = asDate(row.reviewBy);
    if (date && reviewBy && reviewBy < date) {
      issues.push({ path: cellPath("demandSignals", row.id, "reviewBy"), severity: "error", message: "The review date is before the date of the evidence.", code: "documents.rules.spec.reviewBeforeEvidence" });
    }
    if (context.today && reviewBy && reviewBy < context.today) {
      issues.push({ path: cellPath("demandSignals", row.id, "reviewBy"), severity: "warning", message: "This evidence is past its review date: check it is still current.", code: "documents.rules.spec.evidencePastReview" });
    }
  }
  const evidenceReview = asDate(fields.evidenceReviewDate);
  if (context.today && evidenceReview && evidenceReview < context.today) {
    issues.push({ path: "evidenceReviewDate", severity: "warning", message: "The labour-market evidence is past its review date.", code: "documents.rules.spec.labourMarketPastReview" });
  }

  const hours = asNumber(fields.learningHours);
  const moduleHours = (fields.credentialKind === "stack" ? [] : rowsOf(fields, "modules")).reduce((sum, row) => sum + (asNumber(row.hours) ?? 0), 0);
  if (hours !== null && moduleHours > hours) {
    issues.push({ path: "learningHours", severity: "warning", message: `The modules add up to ${moduleHours} hours, more than the notional learning hours.`, code: "documents.rules.spec.moduleHours", params: { hours: moduleHours } });
  }

  if (fields.credentialKind === "stack" && fields.stackRule === "k_of_n") {
    const k = asNumber(fields.stackK);
    const n = rowsOf(fields, "stackModules").length;
    if (k !== null && n > 0 && k > n) issues.push({ path: "stackK", severity: "error", message: `The stack has ${n} modules: a learner cannot take ${k} of them.`, code: "documents.rules.spec.stackK", params: { n, k } });
  }

  for (const row of rowsOf(fields, "laddersInto")) {
    if (row.id && asBoolean(row.transcriptable) === true && !asString(row.transcriptNote)) {
      issues.push({ path: cellPath("laddersInto", row.id, "transcriptNote"), severity: "warning", message: "Say how the credit appears on the transcript.", code: "documents.rules.spec.transcriptNote" });
    }
  }
  return issues;
}

/** A specification's target occupations and competencies, as the demand data names them. */
export function specDemandSubjects(fields: CanonicalFields): DemandSubject[] {
  const subjects: DemandSubject[] = [];
  for (const row of rowsOf(fields, "occupations")) {
    const code = asString(row.code);
    if (row.id && code) subjects.push({ kind: "occupation", rowId: row.id, label: `${code} ${asString(row.title) ?? ""}`.trim(), keys: [code] });
  }
  for (const row of rowsOf(fields, "competencies")) {
    const code = asString(row.code);
    const uri = asString(row.uri);
    const keys = [code, uri].filter((key): key is string => Boolean(key));
    if (row.id && keys.length > 0) subjects.push({ kind: "competency", rowId: row.id, label: `${code ?? ""} ${asString(row.title) ?? ""}`.trim(), keys });
  }
  return subjects;
}
