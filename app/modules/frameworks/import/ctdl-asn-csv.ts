/**
 * The CTDL-ASN CSV bulk-upload layout: one row per node (the framework's row and one per
 * competency), one column per CTDL-ASN property named as in JSON-LD (`@id`, `ceterms:ctid`,
 * `ceasn:isTopChildOf`, `ceasn:isChildOf`, `ceasn:codedNotation`, `ceasn:competencyText`, …).
 * Several values in a cell are separated by "|"; a column may carry a language ("ceasn:name@fr").
 * Rows become `CtdlNode`s; the shared builder does the rest, so the rules are those of JSON-LD.
 */
import { buildCtdlAsnFramework, localName, type CtdlNode } from "~/modules/frameworks/import/ctdl-asn-graph";
import type { CsvRow } from "~/modules/frameworks/import/csv-reader";
import { normaliseLanguageTag } from "~/modules/frameworks/import/language";
import { failure, type FrameworkMetadata, type ImportResult } from "~/modules/frameworks/import/types";

interface Column {
  index: number;
  written: string;
  name: string;
  language?: string;
}

function columnsOf(header: readonly string[]): Column[] {
  return header.map((cell, index) => {
    const written = cell.trim();
    // "ceasn:competencyText@fr-CA": a language-tagged column ("@id" and "@type" are not).
    const tagged = /^([^@]+)@([A-Za-z]{2,3}(?:[-_][A-Za-z0-9]{2,8})*)$/.exec(written);
    const language = tagged ? normaliseLanguageTag(tagged[2]!) : undefined;
    const base = tagged && language ? tagged[1]! : written;
    return { index, written, name: base.startsWith("@") ? base : localName(base), ...(language ? { language } : {}) };
  });
}

/** True when a header row is the CTDL-ASN layout: prefixed property columns with the competency text. */
export function looksLikeCtdlAsnCsv(header: readonly string[]): boolean {
  const columns = columnsOf(header);
  const prefixed = header.filter((cell) => /^\s*(?:ceasn|ceterms):/i.test(cell)).length;
  return prefixed >= 2 && columns.some((column) => column.name === "competencyText");
}

export function parseCtdlAsnCsv(
  rows: readonly CsvRow[],
  options: { defaults?: Partial<FrameworkMetadata>; notes?: string[] } = {},
): ImportResult {
  const [header, ...body] = rows;
  if (!header) return failure("ctdl-asn-csv", [{ kind: "malformed", message: "The file is empty.", code: "frameworks.problems.fileEmpty" }]);
  const columns = columnsOf(header.cells);
  if (!columns.some((column) => column.name === "competencyText")) {
    return failure("ctdl-asn-csv", [
      { kind: "missing-column", line: header.line, message: `Line ${header.line}: there is no ceasn:competencyText column.`, code: "frameworks.problems.noCompetencyText", params: { line: header.line } },
    ]);
  }
  const typeColumn = columns.find((column) => column.name === "@type");
  const idColumn = columns.find((column) => column.name === "@id");

  const nodes: CtdlNode[] = body.map((row) => {
    const props = new Map<string, { written: string; value: unknown }>();
    for (const column of columns) {
      if (column === typeColumn || column === idColumn) continue;
      const cell = row.cells[column.index]?.trim();
      if (!cell) continue;
      const existing = props.get(column.name);
      if (column.language) {
        // Language columns of one property meet in a language map.
        const map = existing && typeof existing.value === "object" ? (existing.value as Record<string, string>) : {};
        if (existing && typeof existing.value === "string") map[""] = existing.value;
        map[column.language] = cell;
        props.set(column.name, { written: existing?.written ?? column.written, value: map });
      } else if (existing && typeof existing.value === "object") {
        (existing.value as Record<string, string>)[""] = cell;
      } else {
        props.set(column.name, { written: column.written, value: cell });
      }
    }
    const written = (typeColumn ? row.cells[typeColumn.index] ?? "" : "")
      .split("|")
      .map((type) => type.trim())
      .filter(Boolean);
    const types = written.map(localName);
    // Without an @type column: a row with a competency text is a competency, one with only a name the framework.
    if (types.length === 0 && !props.has("competencyText") && props.has("name")) types.push("CompetencyFramework");
    const id = idColumn ? row.cells[idColumn.index]?.trim() || undefined : undefined;
    return { id, types, writtenType: written[0], props, where: { line: row.line } };
  });

  return buildCtdlAsnFramework(nodes, {
    format: "ctdl-asn-csv",
    defaults: options.defaults ?? {},
    notes: options.notes ?? [],
    unit: "column",
  });
}
