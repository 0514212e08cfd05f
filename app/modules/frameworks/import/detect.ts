/**
 * Which format a framework file is in, from its content — never its name: JSON is a CASE package
 * when it has a `CFDocument`, CTDL-ASN when it holds `ceasn:CompetencyFramework` / `ceasn:Competency`
 * nodes; delimited text is the CTDL-ASN bulk-upload layout when its header names CTDL-ASN
 * properties, and otherwise a CSV to map column by column.
 */
import { casePackageOf } from "~/modules/frameworks/import/case";
import { looksLikeCtdlAsnCsv } from "~/modules/frameworks/import/ctdl-asn-csv";
import { looksLikeCtdlAsnJson } from "~/modules/frameworks/import/ctdl-asn-jsonld";
import { readCsv, type CsvRow } from "~/modules/frameworks/import/csv-reader";
import { MAX_COMPETENCIES, type ImportProblem } from "~/modules/frameworks/import/types";

export type Detection =
  | { format: "ctdl-asn-jsonld" | "case"; json: unknown }
  | { format: "ctdl-asn-csv" | "csv"; rows: CsvRow[]; delimiter: string; truncated: boolean }
  | { format: null; problem: ImportProblem };

/** Enough rows to know a CSV is over the limit (header, framework row, one more) without reading all of it. */
const CSV_ROW_CAP = MAX_COMPETENCIES + 3;

export function detectFormat(input: string): Detection {
  const text = input.charCodeAt(0) === 0xfeff ? input.slice(1) : input;
  const start = text.trimStart();
  if (start === "") return unrecognised("The file is empty.", "frameworks.problems.fileEmpty");
  const first = start[0];

  if (first === "{" || first === "[") {
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch (error) {
      return { format: null, problem: jsonSyntaxProblem(text, error) };
    }
    if (casePackageOf(json)) return { format: "case", json };
    if (looksLikeCtdlAsnJson(json)) return { format: "ctdl-asn-jsonld", json };
    return unrecognised(
      "This JSON is neither CTDL-ASN JSON-LD (it has no ceasn:CompetencyFramework or ceasn:Competency node) nor a CASE package (it has no CFDocument).",
    );
  }
  if (first === "<") {
    return unrecognised("XML is not supported: export the framework as CTDL-ASN JSON-LD, CASE JSON or CSV.");
  }

  const csv = readCsv(text, { maxRows: CSV_ROW_CAP });
  if (csv.error) {
    return {
      format: null,
      problem: { kind: "malformed", line: csv.error.line, message: `Line ${csv.error.line}: ${csv.error.message}.` },
    };
  }
  const header = csv.rows[0]?.cells ?? [];
  const format = looksLikeCtdlAsnCsv(header) ? "ctdl-asn-csv" : "csv";
  return { format, rows: csv.rows, delimiter: csv.delimiter, truncated: csv.truncated };
}

function unrecognised(message: string, code?: string): Detection {
  return { format: null, problem: { kind: "unrecognised-format", message, ...(code ? { code } : {}) } };
}

/** "Line 12: not valid JSON (…)" when the engine says where; the position is turned into a line. */
function jsonSyntaxProblem(text: string, error: unknown): ImportProblem {
  const detail = error instanceof Error ? error.message : String(error);
  const lineColumn = /line (\d+) column \d+/i.exec(detail);
  const position = /position (\d+)/i.exec(detail);
  const line = lineColumn ? Number(lineColumn[1]) : position ? text.slice(0, Number(position[1])).split("\n").length : undefined;
  return line === undefined
    ? { kind: "malformed", message: `The file is not valid JSON: ${detail}.` }
    : { kind: "malformed", line, message: `Line ${line}: the file is not valid JSON (${detail}).` };
}
