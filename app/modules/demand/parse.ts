/**
 * Demand-signal CSV files → checked rows, all or nothing: every bad row is reported with its line
 * (from the frameworks' line-keeping CSV reader) and nothing is imported until the file is fixed.
 * Pure: the background job (imports.server.ts) stores what this returns.
 */
import { z } from "zod";
import { readCsv, type CsvRow } from "~/modules/frameworks/import/csv-reader";
import { decodeFile } from "~/modules/frameworks/import/decode";
import { periodRange } from "~/modules/demand/periods";

export const MAX_DEMAND_FILE_BYTES = 20 * 1024 * 1024;
export const MAX_DEMAND_ROWS = 200_000;

export const DEMAND_METRICS = ["job_postings", "vacancies", "employment_outlook", "median_hourly_wage"] as const;
export type DemandMetric = (typeof DEMAND_METRICS)[number];
export const METRIC_LABELS: Record<DemandMetric, string> = {
  job_postings: "Job postings",
  vacancies: "Vacancies",
  employment_outlook: "Employment outlook (rating)",
  median_hourly_wage: "Median hourly wage (CAD)",
};

export const DEMAND_REGIONS = ["CA", "AB", "BC", "MB", "NB", "NL", "NS", "NT", "NU", "ON", "PE", "QC", "SK", "YT"] as const;

/** The columns of the standard layout; a file with other headers goes through a column mapping. */
export const DEMAND_COLUMNS = ["subject", "region", "period", "metric", "value", "source_name", "source_url", "retrieved_on"] as const;
export type DemandColumn = (typeof DEMAND_COLUMNS)[number];
export const REQUIRED_COLUMNS: readonly DemandColumn[] = ["subject", "region", "period", "metric", "value", "source_name", "retrieved_on"];
export const COLUMN_LABELS: Record<DemandColumn, string> = {
  subject: "What it is about (NOC, O*NET-SOC, ESCO URI or competency code / URI)",
  region: "Region",
  period: "Period",
  metric: "Metric",
  value: "Value",
  source_name: "Source name",
  source_url: "Source URL",
  retrieved_on: "Retrieved on",
};

/** Which header holds each column ("" or absent: not in the file). */
const mappedColumn = z.preprocess((v) => (v === "" ? undefined : v), z.string().trim().min(1).optional());
export const DemandMappingSchema = z.object({
  subject: mappedColumn,
  region: mappedColumn,
  period: mappedColumn,
  metric: mappedColumn,
  value: mappedColumn,
  source_name: mappedColumn,
  source_url: mappedColumn,
  retrieved_on: mappedColumn,
});
export type DemandMapping = Partial<Record<DemandColumn, string>>;

export type SubjectKind = "noc" | "onet" | "esco" | "competency";

export type DemandProblem = {
  kind: "malformed" | "too-large" | "missing-column" | "missing-value" | "bad-region" | "bad-period" | "bad-metric" | "bad-value" | "bad-url" | "bad-date" | "duplicate-row";
  message: string;
  line?: number;
  /** `message`'s translation key and values ("demand" area), when it has one (issue #20). */
  code?: string;
  params?: Record<string, string | number>;
};

export type DemandRow = {
  line: number;
  subject: string;
  subjectKind: SubjectKind;
  region: string;
  period: string;
  periodStart: string;
  periodEnd: string;
  metric: DemandMetric;
  value: number;
  sourceName: string;
  sourceUrl: string | null;
  retrievedOn: string;
};

export type DemandParse =
  | { status: "parsed"; rows: DemandRow[] }
  | { status: "failed"; problems: DemandProblem[] }
  | { status: "needs-mapping"; columns: string[]; suggestion: DemandMapping };

/** Reported problems stop here: a file with thousands of bad rows needs fixing, not a longer list. */
const MAX_PROBLEMS = 200;

export function subjectKindOf(subject: string): SubjectKind {
  if (/^\d{5}$/.test(subject)) return "noc";
  if (/^\d{2}-\d{4}(\.\d{2})?$/.test(subject)) return "onet";
  if (/^https?:\/\/data\.europa\.eu\/esco\//.test(subject)) return "esco";
  return "competency";
}

const norm = (s: string) => s.trim().toLowerCase().replace(/[\s-]+/g, "_");

/** The standard columns found by name (case, spaces and hyphens ignored). */
export function suggestMapping(header: readonly string[]): DemandMapping {
  const mapping: DemandMapping = {};
  const aliases: Record<DemandColumn, string[]> = {
    subject: ["subject", "code", "noc", "occupation", "competency"],
    region: ["region", "province", "geography"],
    period: ["period", "reference_period", "ref_date"],
    metric: ["metric", "indicator"],
    value: ["value", "amount"],
    source_name: ["source_name", "source"],
    source_url: ["source_url", "url"],
    retrieved_on: ["retrieved_on", "retrieved", "date_retrieved"],
  };
  for (const column of DEMAND_COLUMNS) {
    const found = header.find((h) => aliases[column].includes(norm(h)));
    if (found !== undefined) mapping[column] = found;
  }
  return mapping;
}

function isStandardLayout(header: readonly string[]): boolean {
  const names = new Set(header.map(norm));
  return REQUIRED_COLUMNS.every((c) => names.has(c));
}

/** Reads the file's header only: the columns the mapping step offers. */
export function inspectDemandFile(bytes: Uint8Array): { columns: string[]; suggestion: DemandMapping; standard: boolean; rowCount: number } | { problems: DemandProblem[] } {
  const decoded = decodeFile(bytes, MAX_DEMAND_FILE_BYTES);
  if (!decoded.ok) return { problems: [{ kind: "malformed", message: decoded.problem.message }] };
  const read = readCsv(decoded.text);
  const header = read.rows[0]?.cells.map((c) => c.trim()) ?? [];
  if (header.length === 0) return { problems: [{ kind: "malformed", message: "The file is empty.", code: "demand.problems.fileEmpty" }] };
  return { columns: header, suggestion: suggestMapping(header), standard: isStandardLayout(header), rowCount: read.rows.length - 1 };
}

/**
 * Parses a demand file. Without a mapping, the standard layout is read by its headers; any other
 * layout comes back as "needs-mapping". With a mapping, the chosen headers are read.
 */
export function parseDemandFile(input: Uint8Array | string, mapping?: DemandMapping): DemandParse {
  const decoded = decodeFile(input, MAX_DEMAND_FILE_BYTES);
  if (!decoded.ok) return { status: "failed", problems: [{ kind: decoded.problem.kind === "too-large" ? "too-large" : "malformed", message: decoded.problem.message }] };
  const read = readCsv(decoded.text, { maxRows: MAX_DEMAND_ROWS + 1 });
  if (read.error) return { status: "failed", problems: [{ kind: "malformed", line: read.error.line, message: `Line ${read.error.line}: ${read.error.message}.` }] };
  if (read.truncated) return { status: "failed", problems: [{ kind: "too-large", message: `The file holds more than ${MAX_DEMAND_ROWS.toLocaleString("en-CA")} rows, the limit.` }] };
  const [headerRow, ...body] = read.rows;
  if (!headerRow) return { status: "failed", problems: [{ kind: "malformed", message: "The file is empty.", code: "demand.problems.fileEmpty" }] };
  const header = headerRow.cells.map((c) => c.trim());
  if (!mapping) {
    if (!isStandardLayout(header)) return { status: "needs-mapping", columns: header, suggestion: suggestMapping(header) };
    mapping = suggestMapping(header);
  }
  const problems: DemandProblem[] = [];
  const index: Partial<Record<DemandColumn, number>> = {};
  for (const column of DEMAND_COLUMNS) {
    const name = mapping[column];
    if (!name) {
      if (REQUIRED_COLUMNS.includes(column)) problems.push({ kind: "missing-column", line: headerRow.line, message: `Line ${headerRow.line}: no column is chosen for ${COLUMN_LABELS[column]}.` });
      continue;
    }
    const at = header.findIndex((h) => h === name || h.toLowerCase() === name.trim().toLowerCase());
    if (at === -1) problems.push({ kind: "missing-column", line: headerRow.line, message: `Line ${headerRow.line}: there is no column "${name}" (chosen for ${COLUMN_LABELS[column]}).` });
    else index[column] = at;
  }
  if (problems.length > 0) return { status: "failed", problems };
  return checkRows(body, index as Record<DemandColumn, number | undefined>);
}

function checkRows(body: readonly CsvRow[], index: Record<DemandColumn, number | undefined>): DemandParse {
  const problems: DemandProblem[] = [];
  const rows: DemandRow[] = [];
  const seen = new Map<string, number>();
  const regions = new Set<string>(DEMAND_REGIONS);
  const metrics = new Set<string>(DEMAND_METRICS);
  for (const row of body) {
    if (problems.length >= MAX_PROBLEMS) break;
    const at = (column: DemandColumn) => {
      const i = index[column];
      return i === undefined ? "" : (row.cells[i] ?? "").trim();
    };
    const bad = (kind: DemandProblem["kind"], message: string) => problems.push({ kind, line: row.line, message: `Line ${row.line}: ${message}` });
    const before = problems.length;
    const subject = at("subject");
    const region = at("region").toUpperCase();
    const period = at("period");
    const metric = at("metric").toLowerCase();
    const rawValue = at("value");
    const sourceName = at("source_name");
    const sourceUrl = at("source_url");
    const retrievedOn = at("retrieved_on");
    for (const [column, value] of [["subject", subject], ["region", region], ["period", period], ["metric", metric], ["value", rawValue], ["source_name", sourceName], ["retrieved_on", retrievedOn]] as const) {
      if (!value) bad("missing-value", `${COLUMN_LABELS[column]} is empty.`);
    }
    if (region && !regions.has(region)) bad("bad-region", `"${region}" is not a region: write CA or a province or territory code (e.g. ON, QC).`);
    const range = period ? periodRange(period) : null;
    if (period && !range) bad("bad-period", `"${period}" is not a period: write YYYY, YYYY-Qn or YYYY-MM.`);
    if (metric && !metrics.has(metric)) bad("bad-metric", `"${metric}" is not a metric: use ${DEMAND_METRICS.join(", ")}.`);
    const value = Number(rawValue.replace(/[\s,$]/g, ""));
    if (rawValue && (!Number.isFinite(value) || value < 0)) bad("bad-value", `"${rawValue}" is not a number of zero or more.`);
    if (sourceUrl && !/^https?:\/\/\S+$/.test(sourceUrl)) bad("bad-url", `"${sourceUrl}" is not a web address (http or https).`);
    if (retrievedOn && !isIsoDate(retrievedOn)) bad("bad-date", `"${retrievedOn}" is not a date: write YYYY-MM-DD.`);
    if (problems.length > before) continue;
    const key = [subject, region, period, metric, sourceName].join("\u0000");
    const first = seen.get(key);
    if (first !== undefined) {
      bad("duplicate-row", `the same subject, region, period, metric and source as line ${first}.`);
      continue;
    }
    seen.set(key, row.line);
    rows.push({
      line: row.line,
      subject,
      subjectKind: subjectKindOf(subject),
      region,
      period,
      periodStart: range!.start,
      periodEnd: range!.end,
      metric: metric as DemandMetric,
      value,
      sourceName,
      sourceUrl: sourceUrl || null,
      retrievedOn,
    });
  }
  if (problems.length > 0) return { status: "failed", problems };
  if (rows.length === 0) return { status: "failed", problems: [{ kind: "malformed", message: "The file has a header but no rows.", code: "demand.problems.noRows" }] };
  return { status: "parsed", rows };
}

function isIsoDate(text: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return false;
  const date = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === text;
}
