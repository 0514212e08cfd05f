/**
 * The one entry point for an uploaded framework file: size limit, decoding, format detection from
 * the content, then the format's parser. All or nothing — a file either yields the whole framework
 * or every problem found, never a part. A CSV that is not in the CTDL-ASN layout needs a column
 * mapping first: without one the answer is its columns (and a suggested mapping), and
 * `previewCsvFile` shows what a mapping will import.
 */
import { parseCasePackage } from "~/modules/frameworks/import/case";
import { parseCtdlAsnCsv } from "~/modules/frameworks/import/ctdl-asn-csv";
import { parseCtdlAsnJsonLd } from "~/modules/frameworks/import/ctdl-asn-jsonld";
import type { CsvRow } from "~/modules/frameworks/import/csv-reader";
import { decodeFile, type FileInput } from "~/modules/frameworks/import/decode";
import { detectFormat } from "~/modules/frameworks/import/detect";
import {
  describeColumns,
  parseMappedCsv,
  previewMappedCsv,
  suggestColumnMapping,
  type ColumnMapping,
  type MappedCsvPreview,
} from "~/modules/frameworks/import/mapped-csv";
import {
  count,
  failure,
  FORMAT_LABELS,
  listed,
  MAX_COMPETENCIES,
  MAX_FILE_BYTES,
  type FrameworkMetadata,
  type ImportOutcome,
  type ImportProblem,
  type ImportResult,
} from "~/modules/frameworks/import/types";

export interface ImportOptions {
  /** How to read a CSV that is not in the CTDL-ASN layout (ignored for every other format). */
  mapping?: ColumnMapping;
  /**
   * Metadata the file may not carry (a CSV has no framework name): what the person typed on the
   * import form. The file's own values win.
   */
  defaults?: Partial<FrameworkMetadata>;
}

export function importFrameworkFile(input: FileInput, options: ImportOptions = {}): ImportOutcome {
  const decoded = decodeFile(input, MAX_FILE_BYTES);
  if (!decoded.ok) return failure(null, [decoded.problem]);
  const detection = detectFormat(decoded.text);
  if (detection.format === null) return failure(null, [detection.problem]);
  const defaults = options.defaults ?? {};
  const notes = [...decoded.notes];

  let result: ImportResult;
  switch (detection.format) {
    case "ctdl-asn-jsonld":
      result = parseCtdlAsnJsonLd(detection.json, { defaults, notes });
      break;
    case "case":
      result = parseCasePackage(detection.json, { defaults, notes });
      break;
    case "ctdl-asn-csv":
    case "csv": {
      if (detection.truncated) return failure(detection.format, [tooManyRows()]);
      notes.push(...raggedRowNotes(detection.rows));
      if (detection.format === "ctdl-asn-csv") {
        result = parseCtdlAsnCsv(detection.rows, { defaults, notes });
      } else if (!options.mapping) {
        return { status: "needs-mapping", format: "csv", columns: detection.rows[0]?.cells.map((cell) => cell.trim()) ?? [] };
      } else {
        result = parseMappedCsv(detection.rows, options.mapping, { defaults, notes });
      }
      break;
    }
  }
  if (result.status === "imported" && result.competencies.length === 0) {
    return failure(result.format, [
      { kind: "malformed", message: `The file holds no competencies (read as ${FORMAT_LABELS[result.format]}).`, code: "frameworks.problems.noCompetencies", params: { format: FORMAT_LABELS[result.format] } },
    ]);
  }
  return result;
}

function tooManyRows(): ImportProblem {
  return {
    kind: "too-large",
    message: `The file holds more than ${count(MAX_COMPETENCIES, "competency", "competencies")}, the limit.`,
  };
}

/** Rows shorter than the header (ESCO's files end rows early) and cells beyond it, said once each. */
function raggedRowNotes(rows: readonly CsvRow[]): string[] {
  const [header, ...body] = rows;
  if (!header) return [];
  const width = header.cells.length;
  let short = 0;
  const long: number[] = [];
  for (const row of body) {
    if (row.cells.length < width) short++;
    else if (row.cells.slice(width).some((cell) => cell.trim() !== "")) long.push(row.line);
  }
  const notes: string[] = [];
  if (short > 0) notes.push(`${count(short, "row has", "rows have")} fewer cells than the header: the missing cells were read as empty.`);
  if (long.length > 0) {
    notes.push(
      `${long.length === 1 ? "Line" : "Lines"} ${listed(long.map(String))}: cells beyond the header's ${width} columns were ignored.`,
    );
  }
  return notes;
}

export interface CsvInspection {
  status: "inspected";
  format: "ctdl-asn-csv" | "csv";
  columns: Array<{ name: string; samples: string[] }>;
  /** Data rows (the header excluded). */
  rowCount: number;
  /** A first guess for the mapping form; undefined when the names say nothing. */
  suggestion?: ColumnMapping;
}

/** A CSV's columns with sample values and a suggested mapping: the start of the mapping step. */
export function inspectCsvFile(input: FileInput): CsvInspection | ImportResult {
  const rows = readRows(input);
  if (!rows.ok) return rows.failure;
  const columns = describeColumns(rows.rows);
  const suggestion = suggestColumnMapping(columns.map((column) => column.name));
  return {
    status: "inspected",
    format: rows.format,
    columns,
    rowCount: Math.max(0, rows.rows.length - 1),
    ...(suggestion ? { suggestion } : {}),
  };
}

/** The first rows of a CSV as a mapping will import them, with every problem the import would report. */
export function previewCsvFile(input: FileInput, mapping: ColumnMapping, limit = 10): MappedCsvPreview | ImportResult {
  const rows = readRows(input);
  if (!rows.ok) return rows.failure;
  const preview = previewMappedCsv(rows.rows, mapping, limit);
  return { ...preview, ignored: [...raggedRowNotes(rows.rows), ...preview.ignored] };
}

function readRows(input: FileInput): { ok: true; rows: CsvRow[]; format: "ctdl-asn-csv" | "csv" } | { ok: false; failure: ImportResult } {
  const decoded = decodeFile(input, MAX_FILE_BYTES);
  if (!decoded.ok) return { ok: false, failure: failure(null, [decoded.problem]) };
  const detection = detectFormat(decoded.text);
  if (detection.format === null) return { ok: false, failure: failure(null, [detection.problem]) };
  if (detection.format !== "csv" && detection.format !== "ctdl-asn-csv") {
    const message = `This is ${FORMAT_LABELS[detection.format]}, not a CSV: it needs no column mapping.`;
    return { ok: false, failure: failure(detection.format, [{ kind: "unrecognised-format", message }]) };
  }
  if (detection.truncated) return { ok: false, failure: failure(detection.format, [tooManyRows()]) };
  return { ok: true, rows: detection.rows, format: detection.format };
}
