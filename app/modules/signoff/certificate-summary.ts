/**
 * What a certificate says was approved (issue #15, "A certificate people can use"): the parties
 * who decided, and the document's key terms by kind, read from the approved version's canonical
 * content — never from the live document, which may have moved on after a reopen.
 *
 * Pure: the caller passes the linked document's title and competencies when it has them (a plan's
 * coverage headline needs its specification's competencies).
 */
import { headline } from "~/modules/coverage/rules";
import { DECISION_LABELS } from "~/modules/signoff/format";
import { planCoverage } from "~/modules/documents/kinds/assessment-plan";
import { kindIndex } from "~/modules/documents/kinds/registry";
import type { CanonicalDocument, FieldDef, JsonValue, ModelContext } from "~/modules/documents/model/types";
import { asNumber, asString, rowsOf } from "~/modules/documents/model/values";
import { formatCalendarDate, isIsoDate } from "~/utils/dates";
import { formatValue } from "~/modules/documents/format";
import { translator } from "~/modules/i18n/i18n";
import { formatDate } from "~/modules/i18n/format";
import { localizedKindDefinition } from "~/modules/i18n/kind-text";
import type { Locale } from "~/modules/i18n/locales";

/** The language the terms are written in: set per call by certificateSummary (pure, synchronous). */
let current: Locale = "en";
const say = (key: string, options?: Record<string, unknown>) => translator(current)(`signoff.summaryTerms.${key}`, options ?? {});
const calendarDate = (date: string) => (current === "en" ? formatCalendarDate(date) : formatDate(current, date));

export type SummaryTerm = { label: string; value: string };

export type SummaryContext = Pick<ModelContext, "linkedCompetencies" | "linkedKeyFields"> & {
  /** The title of the document this one links to (a plan's specification, an agreement's plan). */
  linkedTitle?: string | null;
  /** The reader's language (issue #20); English, as before, when absent. */
  locale?: Locale;
};

const MONEY = new Intl.NumberFormat("en-CA", { style: "currency", currency: "CAD" });

function fieldOf(document: CanonicalDocument, key: string): FieldDef | undefined {
  if (current !== "en") {
    const items = localizedKindDefinition(document.kind, current).sections.flatMap((section) => section.items);
    const item = items.find((candidate) => candidate.key === key && candidate.type !== "richtext");
    return item && item.type !== "richtext" ? item : undefined;
  }
  return kindIndex(document.kind).fieldByKey.get(key)?.field;
}

function labelOf(document: CanonicalDocument, key: string, fallback: string): string {
  return fieldOf(document, key)?.label ?? fallback;
}

/** One value as the form would say it; null when empty. */
function display(field: FieldDef | undefined, value: JsonValue | undefined): string | null {
  if (value === null || value === undefined || value === "" || (Array.isArray(value) && value.length === 0)) return null;
  if (Array.isArray(value)) return value.map((item) => display(field, item) ?? "").filter(Boolean).join(", ") || null;
  if (typeof value === "object") return null;
  if (current !== "en" && field) return formatValue(field, value, { locale: current }) || null;
  if (typeof value === "boolean") return value ? "Yes" : "No";
  if (typeof value === "number") {
    if (field?.type === "money_cad") return MONEY.format(value);
    const unit = field && "unit" in field && field.unit ? ` ${field.unit}` : "";
    return `${value.toLocaleString("en-CA")}${unit}`;
  }
  if (field && (field.type === "select" || field.type === "multiselect")) return field.options.find((option) => option.value === value)?.label ?? value;
  if (field?.type === "date" && isIsoDate(value)) return calendarDate(value);
  return value;
}

/** Adds "label: value" for a top-level field when it holds something. */
function term(document: CanonicalDocument, terms: SummaryTerm[], key: string, label?: string): void {
  const field = fieldOf(document, key);
  const value = display(field, document.fields[key]);
  if (value !== null) terms.push({ label: label ?? field?.label ?? key, value });
}

function dateRange(start: string | null, end: string | null): string | null {
  const from = start && isIsoDate(start) ? calendarDate(start) : start;
  const to = end && isIsoDate(end) ? calendarDate(end) : end;
  if (from && to) return say("range", { from, to });
  return from ? say("from", { from }) : to ? say("until", { to }) : null;
}

function specificationTerms(document: CanonicalDocument): SummaryTerm[] {
  const terms: SummaryTerm[] = [];
  term(document, terms, "title");
  term(document, terms, "shortCode");
  term(document, terms, "version");
  term(document, terms, "learningHours");
  const framework = display(fieldOf(document, "framework"), document.fields.framework);
  const level = asNumber(document.fields.frameworkLevel);
  if (framework || level !== null) terms.push({ label: say("level"), value: [framework, level !== null ? say("levelNumber", { level: String(level) }) : null].filter(Boolean).join(", ") });
  term(document, terms, "creditValue");
  term(document, terms, "costCad");
  term(document, terms, "learningMode");
  term(document, terms, "assessmentMode");
  term(document, terms, "schedule");
  const starts = rowsOf(document.fields, "cohortStarts")
    .map((row) => asString(row.startDate))
    .filter((date): date is string => date !== null)
    .map((date) => (isIsoDate(date) ? calendarDate(date) : date));
  if (starts.length > 0) terms.push({ label: labelOf(document, "cohortStarts", "Cohort start dates"), value: starts.join(", ") });
  term(document, terms, "timeToCompleteWeeks");
  term(document, terms, "nextReviewDate");
  return terms;
}

function planTerms(document: CanonicalDocument, context: SummaryContext): SummaryTerm[] {
  const terms: SummaryTerm[] = [];
  term(document, terms, "title");
  const specId = asString(document.fields.credentialSpecId);
  if (specId || context.linkedTitle) terms.push({ label: say("credentialSpecification"), value: context.linkedTitle ?? specId ?? "" });
  term(document, terms, "version");
  const assessments = rowsOf(document.fields, "assessments").length;
  terms.push({ label: say("assessments"), value: say("assessmentCount", { count: assessments }) });
  const report = context.linkedCompetencies ? planCoverage(document.fields, { linkedCompetencies: context.linkedCompetencies, linkedKeyFields: context.linkedKeyFields }) : null;
  if (report) terms.push({ label: say("coverage"), value: headline(report) });
  return terms;
}

function agreementTerms(document: CanonicalDocument, context: SummaryContext): SummaryTerm[] {
  const terms: SummaryTerm[] = [];
  term(document, terms, "title");
  const parties = rowsOf(document.fields, "parties");
  const named = (role: string) =>
    parties
      .filter((row) => row.role === role)
      .map((row) => asString(row.organization))
      .filter((name): name is string => name !== null);
  const employers = named("employer");
  const institutions = named("institution");
  if (employers.length > 0) terms.push({ label: say("employers", { count: employers.length }), value: employers.join(", ") });
  if (institutions.length > 0) terms.push({ label: say("institutions", { count: institutions.length }), value: institutions.join(", ") });
  term(document, terms, "learnerName");
  if (context.linkedTitle) terms.push({ label: say("assessmentPlan"), value: context.linkedTitle });
  term(document, terms, "roleTitle");
  term(document, terms, "siteName");
  const dates = dateRange(asString(document.fields.startDate), asString(document.fields.endDate));
  if (dates) terms.push({ label: say("dates"), value: dates });
  term(document, terms, "totalHours");
  term(document, terms, "hoursPerWeek");
  term(document, terms, "onTheJobHours");
  term(document, terms, "offTheJobHours");
  return terms;
}

/** The key terms of the approved version, in the order a reader looks for them. */
export function certificateSummary(document: CanonicalDocument, context: SummaryContext = {}): SummaryTerm[] {
  const previous = current;
  current = context.locale ?? "en";
  try {
    switch (document.kind) {
      case "credential_spec":
        return specificationTerms(document);
      case "assessment_plan":
        return planTerms(document, context);
      case "wbl_agreement":
        return agreementTerms(document, context);
    }
  } finally {
    current = previous;
  }
}

export type ApprovingParty = { organization: string; stage: string; decidedBy: string; decidedAt: string };

/**
 * Who approved, and when: the live approvals of the round (an approval outdated by a later edit
 * was replaced by the one that counts). One line per organization and stage, in decision order.
 */
export function approvingParties(decisions: ReadonlyArray<{ stage: string; organization: string; decision: string; decidedBy: string; decidedAt: string; outdated: boolean }>): ApprovingParty[] {
  return decisions
    .filter((d) => !d.outdated && d.decision === DECISION_LABELS.approved)
    .map(({ organization, stage, decidedBy, decidedAt }) => ({ organization, stage, decidedBy, decidedAt }));
}
