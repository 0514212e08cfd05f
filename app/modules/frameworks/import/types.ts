/**
 * What every framework file import produces, whatever its format: the framework's metadata and its
 * competencies as a tree (parents before children, siblings in order), plus a plain list of what
 * was skipped or read leniently — or, for a bad file, every problem found, each with the CSV line
 * or the JSON node it is about. Pure data: the parsers have no framework, database or Remix
 * imports, so a route, a background job and the browser (the column-mapping preview) can use them.
 */

/** A file larger than this is refused before it is read (20 MiB). */
export const MAX_FILE_BYTES = 20 * 1024 * 1024;

/** A framework with more competencies than this is refused. */
export const MAX_COMPETENCIES = 50_000;

export type FrameworkFormat =
  /** CTDL-ASN JSON-LD: `ceasn:CompetencyFramework` + `ceasn:Competency` nodes, in `@graph` or not. */
  | "ctdl-asn-jsonld"
  /** The CTDL-ASN CSV bulk-upload layout: `@id, ceterms:ctid, ceasn:isChildOf, ceasn:competencyText, …`. */
  | "ctdl-asn-csv"
  /** A 1EdTech CASE 1.0 or 1.1 package: `CFDocument`, `CFItems`, `CFAssociations`. */
  | "case"
  /** Any other CSV, read through a column mapping. */
  | "csv";

export const FORMAT_LABELS: Record<FrameworkFormat, string> = {
  "ctdl-asn-jsonld": "CTDL-ASN JSON-LD",
  "ctdl-asn-csv": "CTDL-ASN CSV",
  case: "CASE JSON",
  csv: "CSV",
};

export interface FrameworkMetadata {
  name: string;
  description?: string;
  publisher?: string;
  version?: string;
  /** BCP 47 tag with canonical casing ("en-US", "fr-CA"). */
  language?: string;
  /**
   * What identifies the framework across versions: its CTID, else its URI, else its CASE
   * identifier. Importing a file with the same source identifier makes a new version.
   */
  sourceIdentifier?: string;
  /** The framework's own URI (`@id`, CASE `uri`), when it has one. */
  sourceUri?: string;
  /** Credential Engine CTID (`ce-<uuid>`), when the file gives one. */
  ctid?: string;
  /** Licence or rights text, as written in the file. */
  licence?: string;
  /** Licence URI, when the file gives one. */
  licenceUri?: string;
}

export interface ImportedCompetency {
  /**
   * Stable within the framework and across its versions: the node's URI (`@id`), its CASE
   * identifier, the CSV's URI or code column — never a position in the file unless nothing else
   * identifies the row.
   */
  sourceId: string;
  /** Code or coded notation ("1.A.1.b", "H.A.MATH.GM"). */
  code?: string;
  statement: string;
  description?: string;
  /** Type or level label: CTDL-ASN competencyCategory, CASE CFItemType, a level name. */
  typeLabel?: string;
  /** The parent's sourceId; null at the top level. */
  parentSourceId: string | null;
  /** 0-based position among its siblings. */
  order: number;
  /** 0 at the top level. */
  depth: number;
  /** The competency's own URI, when it has one. */
  sourceUri?: string;
  ctid?: string;
}

export type ProblemKind =
  | "too-large"
  | "unrecognised-format"
  | "malformed"
  | "missing-framework"
  | "missing-column"
  | "duplicate-id"
  | "duplicate-code"
  | "unknown-parent"
  | "conflicting-parent"
  | "missing-statement"
  | "cycle";

export interface ImportProblem {
  kind: ProblemKind;
  /** A sentence a person can act on; it names the line or node itself. */
  message: string;
  /** CSV: the physical line (1-based) the row starts on. */
  line?: number;
  /** JSON: the node's id (`@id`, CASE identifier). */
  nodeId?: string;
  /** `message`'s translation key and values ("frameworks" area), when it has one (issue #20). */
  code?: string;
  params?: Record<string, string | number>;
}

export interface ImportedFramework {
  status: "imported";
  format: FrameworkFormat;
  framework: FrameworkMetadata;
  /** Depth-first: every parent before its children, siblings in order. */
  competencies: ImportedCompetency[];
  /** What was skipped or read leniently, said plainly; empty when the file was taken whole. */
  ignored: string[];
}

export interface ImportFailure {
  status: "failed";
  format: FrameworkFormat | null;
  /** Every problem found, not only the first. Nothing of the file is imported. */
  problems: ImportProblem[];
}

/** A CSV that is not in the CTDL-ASN layout: the person maps its columns first. */
export interface NeedsColumnMapping {
  status: "needs-mapping";
  format: "csv";
  columns: string[];
}

export type ImportResult = ImportedFramework | ImportFailure;
export type ImportOutcome = ImportResult | NeedsColumnMapping;

/**
 * Where a row or node is, for messages: "Line 12" or "Node https://…/sk4"; `position` tells two
 * nodes with the same id apart ("node 3 of @graph", "CFItems[2]").
 */
export type Location = { line: number } | { nodeId: string; label: string; position?: string };

export function locationLabel(where: Location): string {
  return "line" in where ? `Line ${where.line}` : where.label;
}

export function problemAt(where: Location, kind: ProblemKind, message: string): ImportProblem {
  const text = `${locationLabel(where)}: ${message}`;
  return "line" in where ? { kind, message: text, line: where.line } : { kind, message: text, nodeId: where.nodeId };
}

export function failure(format: FrameworkFormat | null, problems: ImportProblem[]): ImportFailure {
  return { status: "failed", format, problems };
}

/** "1 competency", "3 competencies". */
export function count(n: number, one: string, many: string): string {
  return `${n.toLocaleString("en-CA")} ${n === 1 ? one : many}`;
}

/** "1 item has …", "3 items have …" when it happened; nothing when n is 0. */
export function noteIf(n: number, one: string, many: string, rest: string): string[] {
  return n > 0 ? [`${count(n, one, many)} ${rest}`] : [];
}

/** "a", "a and b", "a, b and c" — with at most `max` items named. */
export function listed(items: readonly string[], max = 5): string {
  const shown = items.slice(0, max);
  const rest = items.length - shown.length;
  if (rest > 0) return `${shown.join(", ")} and ${rest.toLocaleString("en-CA")} more`;
  if (shown.length <= 1) return shown.join("");
  return `${shown.slice(0, -1).join(", ")} and ${shown[shown.length - 1]}`;
}
