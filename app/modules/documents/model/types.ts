import type { CoverageReport } from "~/modules/coverage/rules";
import type { DocumentKind } from "~/modules/permissions/roles";

export type { DocumentKind };

/** A JSON value as it is stored in the Y.Doc and in canonical form. */
export type JsonScalar = string | number | boolean | null;
export type JsonValue = JsonScalar | JsonValue[] | { [key: string]: JsonValue };

// ---------------------------------------------------------------------------------------------
// Kind definitions: plain data the UI renders from (labels are what people read).
// ---------------------------------------------------------------------------------------------

export type Option = { readonly value: string; readonly label: string };

/**
 * Show (and require) a field only when a sibling field has one of the given values. Siblings are
 * the document's top-level fields, or the other cells of the same row for a field inside a row.
 * A hidden field keeps whatever value it holds (nothing is dropped); it is just not required.
 */
export type Condition = { readonly field: string; readonly in: readonly JsonScalar[] };

type FieldBase = {
  readonly key: string;
  readonly label: string;
  readonly help?: string;
  readonly required?: boolean;
  readonly showWhen?: Condition;
  /** Value a blank document (top-level field) or a new row (cell) starts with. */
  readonly initial?: JsonScalar;
};

export type TextFieldDef = FieldBase & {
  readonly type: "text" | "longtext";
  readonly maxLength?: number;
  readonly placeholder?: string;
  /** A regular expression (source, anchored by the author) and what to tell people when it fails. */
  readonly pattern?: { readonly source: string; readonly message: string };
};
export type NumberFieldDef = FieldBase & {
  readonly type: "number" | "integer" | "money_cad";
  readonly min?: number;
  readonly max?: number;
  /** Shown after the input, e.g. "hours". Money is always CAD and needs no unit. */
  readonly unit?: string;
};
export type DateFieldDef = FieldBase & { readonly type: "date" };
export type SelectFieldDef = FieldBase & { readonly type: "select"; readonly options: readonly Option[] };
export type MultiselectFieldDef = FieldBase & { readonly type: "multiselect"; readonly options: readonly Option[] };
export type BooleanFieldDef = FieldBase & { readonly type: "boolean" };
export type UrlFieldDef = FieldBase & { readonly type: "url" | "email" };
/** The id of another document of the same project, of the given kind (options come from the project). */
export type DocumentRefFieldDef = FieldBase & {
  readonly type: "document";
  readonly documentKind: DocumentKind;
  /**
   * The linked document's competencies are this document's `linkedCompetencies` (rows to fill,
   * checks to run). At most one such field per kind, and a key field: dependents are found by it.
   */
  readonly competencySource?: boolean;
};
/** The id of a competency of the linked credential specification (options come from that document). */
export type CompetencyRefFieldDef = FieldBase & { readonly type: "competency" };

/** A cell of a row: any field type except nested rows (rows are one level deep by design). */
export type RowFieldDef =
  | TextFieldDef
  | NumberFieldDef
  | DateFieldDef
  | SelectFieldDef
  | MultiselectFieldDef
  | BooleanFieldDef
  | UrlFieldDef
  | DocumentRefFieldDef
  | CompetencyRefFieldDef;

export type RowsFieldDef = FieldBase & {
  readonly type: "rows";
  /** Singular noun for buttons and messages: "Add a competency". */
  readonly itemLabel: string;
  readonly fields: readonly RowFieldDef[];
  /** Cells whose values, joined, name a row for people (diff, checklist): e.g. ["code", "title"]. */
  readonly titleFields: readonly string[];
  /** At least this many rows; a required rows field without minRows needs one. */
  readonly minRows?: number;
  readonly maxRows?: number;
  /**
   * The specification's competencies: shown as a virtualized table grouped by framework branch,
   * filled from the framework library's picker (components/document/competencies).
   */
  readonly competencyTable?: boolean;
  /** Each row shows the evidence kind (direct / soft) its method in this cell yields. */
  readonly evidenceKindFrom?: string;
  /** What the field says while it has no rows, instead of "No <itemLabel> yet.". */
  readonly emptyText?: string;
};

/**
 * Which rows of `columnsFrom` (the plan's assessments) assess which competencies of the linked
 * document: a Y.Map keyed `<rowId>|<competencyId>` → true (model/coverage-cells.ts), so two people
 * ticking different cells at once both keep theirs. Canonical form: the sorted keys that are ticked.
 */
export type CoverageFieldDef = FieldBase & {
  readonly type: "coverage";
  /** The rows field whose rows are the matrix's columns; removing one of its rows clears its cells. */
  readonly columnsFrom: string;
  /** Other top-level fields its rules read (the plan's "assessment-only route offered"): the matrix re-renders with them. */
  readonly alsoReads?: readonly string[];
};

export type FieldDef = RowFieldDef | RowsFieldDef | CoverageFieldDef;
export type FieldType = FieldDef["type"];

/** A rich-text block: a Tiptap editor bound to the Y.XmlFragment named `text:<key>`. */
export type RichTextDef = {
  readonly type: "richtext";
  readonly key: string;
  readonly label: string;
  readonly help?: string;
  readonly placeholder?: string;
  readonly required?: boolean;
};

export type SectionItem = FieldDef | RichTextDef;

/** A section of the document and an entry of its table of contents, in display order. */
export type SectionDef = {
  readonly key: string;
  readonly title: string;
  readonly intro?: string;
  readonly items: readonly SectionItem[];
};

// ---------------------------------------------------------------------------------------------
// Canonical form: the one deterministic JSON of a document (hash, diff, projection, exports).
// ---------------------------------------------------------------------------------------------

export type CanonicalRow = { id: string | null; [cell: string]: JsonValue };
export type CanonicalFields = Record<string, JsonValue>;
export type ProseMirrorJSON = { type: string; attrs?: Record<string, JsonValue>; content?: ProseMirrorJSON[]; marks?: ProseMirrorJSON[]; text?: string };
export type CanonicalText = { doc: ProseMirrorJSON; plain: string };

export type CanonicalDocument = {
  format: typeof CANONICAL_FORMAT;
  kind: DocumentKind;
  /** Every field of the kind, null when empty; rows fields are arrays of rows in document order. */
  fields: CanonicalFields;
  /** Every rich-text block of the kind, by key. */
  text: Record<string, CanonicalText>;
};

export const CANONICAL_FORMAT = "concord.document/1" as const;

// ---------------------------------------------------------------------------------------------
// Results for people: issues, checklist items, projections.
// ---------------------------------------------------------------------------------------------

/** Where a value lives. Paths: `title`, `competencies.<rowId>.level`, `text:purpose`. */
export type Location = {
  path: string;
  sectionKey: string;
  fieldKey: string;
  rowId?: string;
  cellKey?: string;
  /** Human label with its context, e.g. "Competencies › CAP-1.1 › Proficiency level". */
  label: string;
  /** Element id to link to (`#field-…`), see anchorFor(). */
  anchor: string;
};

/**
 * A message's translation key and values (issue #20): `message` stays the English the model and
 * its tests read; a component shows `t(code, params)` when there is a code. A `rowField` param
 * names a rows field whose noun the component puts in the reader's language (kind-text rowNoun).
 */
export type MessageCode = { code?: string; params?: Readonly<Record<string, string | number>> };

export type FieldIssue = Location & { severity: "error" | "warning"; message: string } & MessageCode;

export type MissingItem = Location & { message: string } & MessageCode;

export type CompletenessReport = {
  /** Required items counted (fields, cells of rows, rich-text blocks, kind-specific checks). */
  required: number;
  /** Required items that are filled in. */
  filled: number;
  missing: MissingItem[];
  /** 0–100, rounded down so that 100 means nothing is missing. */
  percent: number;
};

/** A competency as the projection and the other kinds see it. */
export type ProjectedCompetency = {
  id: string;
  code: string | null;
  title: string | null;
  framework: string | null;
  level: string | null;
  essential: boolean | null;
  /** The framework version and competency of the library it references; absent for a custom one. */
  frameworkId?: string;
  competencyId?: string;
  /** Framework branch ("Safety › Hazards"), for grouping; absent for a custom one. */
  branch?: string | null;
  /** From an assessment plan: a workplace assessment assesses it (what an agreement can evidence). */
  assessedAtWorkplace?: boolean;
};

/** What kind-specific checks may know beyond the document itself. */
export type ModelContext = {
  /** Today as YYYY-MM-DD: enables "past its review date" warnings. Omit for a time-independent result. */
  today?: string;
  /**
   * The competencies of the linked document: for an assessment plan, those of its credential
   * specification; for a WBL agreement, those of its assessment plan (projectDocument().competencies).
   * Omit when the linked document is not at hand: the checks that need it are skipped.
   */
  linkedCompetencies?: readonly ProjectedCompetency[];
  /** The linked document's key fields (projection.keyFields), e.g. a specification's assessmentOnlyRoute. */
  linkedKeyFields?: Readonly<Record<string, JsonValue>>;
  /**
   * A plan's coverage as its page keeps it live (components/document/coverage/use-coverage.ts),
   * computed from the same cells: the kind's checks use it instead of recounting the matrix.
   */
  coverage?: CoverageReport;
  /**
   * A specification's imported demand data: the end of the latest period per subject key
   * (app/modules/demand). With `today`, enables the "No demand evidence" / stale warnings.
   */
  demand?: Readonly<Record<string, string>>;
};

export type KindDefinition = {
  readonly kind: DocumentKind;
  readonly label: string;
  readonly sections: readonly SectionDef[];
  /** Fields copied to the projection's keyFields (top-level keys). */
  readonly keyFields: readonly string[];
  /** The competencies this document names, for the projection. */
  readonly competencies: (fields: CanonicalFields, context?: ModelContext) => ProjectedCompetency[];
  /** How the document's assessments cover the linked competencies (assessment plans); null without them. */
  readonly coverage?: (fields: CanonicalFields, context: ModelContext) => CoverageReport | null;
  /** Checks across fields (end after start, level within the framework…). Keep them cheap. */
  readonly rules?: (fields: CanonicalFields, context: ModelContext) => RuleIssue[];
  /** Required items that are not a single field (coverage of competencies…). */
  readonly extraCompleteness?: (canonical: CanonicalDocument, context: ModelContext) => { required: number; missing: RuleIssue[] };
};

/** What a kind's rule reports; the model fills in labels and anchors from the path. */
export type RuleIssue = { path: string; severity: "error" | "warning"; message: string } & MessageCode;
