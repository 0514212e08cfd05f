/**
 * What a document's one-page Summary shows (issue #15, "Summary first"), per kind: a few key
 * facts, the opening paragraphs of its main text, and short tables. Pure: it reads the live fields
 * (the same JSON every input shows) and the main text block, and leaves formatting to the view, so
 * the Summary updates as people type, like the rest of the page.
 */
import { kindIndex, rowsField, rowsOf, type CanonicalRow, type DocumentKind, type FieldDef, type JsonValue, type KindRef, type ProseMirrorJSON, type RowFieldDef } from "~/modules/documents/model";
import { evidenceKindOf, type EvidenceKind } from "~/modules/coverage/methods";
import enDocuments from "~/locales/en/documents";

/** One labelled value; the view formats it with its field's rules (options, units, dates). */
export type SummaryFact = { key: string; label: string; field: FieldDef | RowFieldDef; value: JsonValue };

export type SummaryTable = {
  key: string;
  heading: string;
  /** The cells shown, in order. */
  columns: { key: string; label: string; field: RowFieldDef }[];
  rows: { id: string | null; cells: Record<string, JsonValue>; evidence?: EvidenceKind | null }[];
  /** Says so when empty ("No occupations yet."). */
  emptyText: string;
};

export type CompetencyGroup = {
  /** The framework branch ("CAP.1 Climate information and projections"), the framework, or "Custom competencies". */
  name: string;
  essential: number;
  competencies: { id: string | null; code: string | null; title: string | null; essential: boolean }[];
};

export type SummaryBlock =
  | { type: "facts"; heading: string; facts: SummaryFact[] }
  | { type: "table"; table: SummaryTable }
  | { type: "competencies"; heading: string; total: number; groups: CompetencyGroup[] }
  /** The coverage of the plan(s): the view brings the numbers the page already has. */
  | { type: "coverage"; heading: string };

export type DocumentSummary = {
  kind: DocumentKind;
  /** Label of the text block the opening paragraphs come from ("Purpose"). */
  introLabel: string;
  intro: string[];
  blocks: SummaryBlock[];
};

/** Where the opening paragraphs come from, per kind. */
export const SUMMARY_TEXT: Record<DocumentKind, { key: string; label: string }> = {
  credential_spec: { key: "purpose", label: "Purpose" },
  assessment_plan: { key: "overview", label: "Approach to assessment" },
  wbl_agreement: { key: "role_description", label: "What the learner will do" },
};

/**
 * The Summary's own words (headings, the labels it chooses over a field's label, a table's empty
 * text). English by default; the page passes the reader's language (documents.summary.words.*).
 */
export type SummaryWords = {
  word: (key: SummaryWordKey) => string;
  /** "No competency yet.": the rows field's key and its item label (already in the reader's language). */
  nothingYet: (rowsKey: string, itemLabel: string) => string;
};
export const SUMMARY_WORD_KEYS = [
  "purpose",
  "approachToAssessment",
  "whatTheLearnerWillDo",
  "atAGlance",
  "learningHours",
  "costToTheLearner",
  "targetOccupations",
  "dates",
  "competencies",
  "coverageByPlans",
  "labourMarketEvidence",
  "specification",
  "coverage",
  "roleAndSite",
  "datesAndHours",
  "supervision",
] as const;
export type SummaryWordKey = (typeof SUMMARY_WORD_KEYS)[number];
export const ENGLISH_SUMMARY_WORDS: Record<SummaryWordKey, string> = enDocuments.summary.words;
const ENGLISH: SummaryWords = { word: (key) => ENGLISH_SUMMARY_WORDS[key], nothingYet: (_rowsKey, itemLabel) => `No ${itemLabel} yet.` };
const INTRO_WORD: Record<DocumentKind, SummaryWordKey> = { credential_spec: "purpose", assessment_plan: "approachToAssessment", wbl_agreement: "whatTheLearnerWillDo" };

/** Paragraphs shown from the main text: enough to say what the document is for. */
export const INTRO_PARAGRAPHS = 2;

function fact(kind: KindRef, fields: Record<string, JsonValue>, key: string, label?: string): SummaryFact {
  const entry = kindIndex(kind).fieldByKey.get(key);
  if (!entry) throw new Error(`${kind}: no field "${key}" for the summary`);
  return { key, label: label ?? entry.field.label, field: entry.field, value: fields[key] ?? null };
}

function facts(kind: KindRef, fields: Record<string, JsonValue>, keys: readonly (string | [string, string])[]): SummaryFact[] {
  return keys.map((key) => (typeof key === "string" ? fact(kind, fields, key) : fact(kind, fields, key[0], key[1])));
}

function table(kind: KindRef, fields: Record<string, JsonValue>, key: string, cellKeys: readonly string[], heading?: string, words: SummaryWords = ENGLISH): SummaryTable {
  const def = rowsField(kind, key);
  const columns = cellKeys.map((cellKey) => {
    const cell = def.fields.find((f) => f.key === cellKey);
    if (!cell) throw new Error(`${kind}: no cell "${cellKey}" in "${key}" for the summary`);
    return { key: cellKey, label: cell.label, field: cell };
  });
  const rows = rowsOf(fields, key).map((row) => ({
    id: row.id,
    cells: Object.fromEntries(cellKeys.map((cellKey) => [cellKey, row[cellKey] ?? null])),
    ...(def.evidenceKindFrom ? { evidence: evidenceKindOf(row[def.evidenceKindFrom]) } : {}),
  }));
  return { key, heading: heading ?? def.label, columns, rows, emptyText: def.emptyText ?? words.nothingYet(key, def.itemLabel) };
}

function text(value: JsonValue | undefined): string | null {
  return typeof value === "string" && value.trim() !== "" ? value.trim() : null;
}

/** A specification's competencies by framework branch, in document order; custom ones last. */
export function competencyGroups(rows: readonly CanonicalRow[]): CompetencyGroup[] {
  const groups = new Map<string, CompetencyGroup>();
  const custom: CompetencyGroup = { name: "Custom competencies", essential: 0, competencies: [] };
  for (const row of rows) {
    const fromFramework = row.source === "framework";
    const name = fromFramework ? (text(row.branch) ?? text(row.framework) ?? "Framework competencies") : null;
    let group = custom;
    if (name !== null) {
      group = groups.get(name) ?? { name, essential: 0, competencies: [] };
      groups.set(name, group);
    }
    // Essential unless cleared: the field's initial value is true.
    const essential = row.essential !== false;
    if (essential) group.essential += 1;
    group.competencies.push({ id: row.id, code: text(row.code), title: text(row.title), essential });
  }
  return [...groups.values(), ...(custom.competencies.length > 0 ? [custom] : [])];
}

/** Inline text of a node. */
function inline(node: ProseMirrorJSON): string {
  if (node.type === "text") return node.text ?? "";
  if (node.type === "hardBreak") return " ";
  return (node.content ?? []).map(inline).join("");
}

/** The first non-empty paragraphs of a rich-text block (headings and lists are left for the full text). */
export function openingParagraphs(doc: ProseMirrorJSON, count = INTRO_PARAGRAPHS): string[] {
  const out: string[] = [];
  for (const node of doc.content ?? []) {
    if (out.length >= count) break;
    if (node.type !== "paragraph") continue;
    const line = inline(node).replace(/\s+/g, " ").trim();
    if (line) out.push(line);
  }
  return out;
}

const ENTITIES: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'", nbsp: " ", "#39": "'" };

/**
 * The same paragraphs from the server's first-paint HTML (before the browser has the Y.Doc): top-
 * level `<p>` elements only, as the editor renders them.
 */
export function openingParagraphsFromHtml(html: string, count = INTRO_PARAGRAPHS): string[] {
  const out: string[] = [];
  // Paragraphs inside lists or quotes are not top-level: drop those containers first.
  const topLevel = html.replace(/<(ul|ol|blockquote)[\s>][\s\S]*?<\/\1>/g, "");
  for (const match of topLevel.matchAll(/<p(?:\s[^>]*)?>([\s\S]*?)<\/p>/g)) {
    if (out.length >= count) break;
    const line = (match[1] ?? "")
      .replace(/<br\s*\/?>/g, " ")
      .replace(/<[^>]+>/g, "")
      .replace(/&(#?\w+);/g, (entity, name: string) => ENTITIES[name] ?? (name.startsWith("#") ? String.fromCodePoint(Number(name.slice(1))) : entity))
      .replace(/\s+/g, " ")
      .trim();
    if (line) out.push(line);
  }
  return out;
}

/**
 * The Summary of a document of this kind, from its live fields and the opening paragraphs of its main
 * text; `definition` and `words` give it in the reader's language (default: English).
 */
export function documentSummary(
  kind: DocumentKind,
  fields: Record<string, JsonValue>,
  intro: readonly string[],
  definition: KindRef = kind,
  words: SummaryWords = ENGLISH,
): DocumentSummary {
  const w = words.word;
  const base = { kind, introLabel: w(INTRO_WORD[kind]), intro: [...intro] };
  const d = definition;
  switch (kind) {
    case "credential_spec": {
      const rows = rowsOf(fields, "competencies");
      return {
        ...base,
        blocks: [
          {
            type: "facts",
            heading: w("atAGlance"),
            facts: facts(d, fields, [
              ["learningHours", w("learningHours")],
              "creditValue",
              "framework",
              "frameworkLevel",
              ["costCad", w("costToTheLearner")],
              "learningMode",
              "assessmentMode",
              "schedule",
              "timeToCompleteWeeks",
              "jurisdiction",
              "languages",
            ]),
          },
          { type: "table", table: table(d, fields, "occupations", ["code", "title"], w("targetOccupations"), words) },
          { type: "table", table: table(d, fields, "cohortStarts", ["startDate", "seats", "location"], w("dates"), words) },
          { type: "competencies", heading: w("competencies"), total: rows.length, groups: competencyGroups(rows) },
          { type: "coverage", heading: w("coverageByPlans") },
          { type: "table", table: table(d, fields, "demandSignals", ["source", "figure", "date"], w("labourMarketEvidence"), words) },
        ],
      };
    }
    case "assessment_plan":
      return {
        ...base,
        blocks: [
          { type: "facts", heading: w("atAGlance"), facts: facts(d, fields, [["credentialSpecId", w("specification")], "version", "assessmentOnlyOffered", "reassessmentAttempts", "appealWindowDays"]) },
          { type: "table", table: table(d, fields, "assessments", ["name", "method", "setting"], undefined, words) },
          { type: "coverage", heading: w("coverage") },
        ],
      };
    case "wbl_agreement":
      return {
        ...base,
        blocks: [
          { type: "table", table: table(d, fields, "parties", ["organization", "role", "contactName"], undefined, words) },
          { type: "facts", heading: w("roleAndSite"), facts: facts(d, fields, ["learnerName", "roleTitle", "siteName", "workArrangement"]) },
          { type: "facts", heading: w("datesAndHours"), facts: facts(d, fields, ["startDate", "endDate", "hoursPerWeek", "totalHours", "workingPattern"]) },
          { type: "table", table: table(d, fields, "workCompetencies", ["competencyCode", "competencyTitle", "evidence"], undefined, words) },
          { type: "facts", heading: w("supervision"), facts: facts(d, fields, ["supervisorName", "supervisorTitle", "mentorName", "placementAdvisor", "reviewFrequency"]) },
        ],
      };
  }
}
