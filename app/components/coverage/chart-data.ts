import type { BranchCoverage, CoverageSummary } from "~/modules/coverage/rules";

/**
 * What the coverage chart draws, worked out without React or recharts (issue #14): one stacked bar
 * per framework branch, the series' labels and fills, the top-25 choice for big frameworks and the
 * chart's text alternative. The table beside the chart always lists every branch.
 */

/** More bars than this stop being readable: the chart keeps the branches that need the most work. */
export const CHART_BRANCH_LIMIT = 25;

export const NO_BRANCH_LABEL = "No branch";

/** Branch names longer than this are shortened on the axis (the tooltip and the table show them in full). */
export const AXIS_LABEL_MAX = 28;

export type CoverageSeriesKey = "direct" | "softOnly" | "none";

export type CoverageSeries = {
  key: CoverageSeriesKey;
  /** Legend, tooltip and table column label. */
  label: string;
  /** Solid colour (≥ 3:1 against white, WCAG 1.4.11); soft only and none also get a pattern. */
  color: string;
  /** SVG pattern drawn over the colour so the series differ without colour; null for solid. */
  pattern: "stripes" | "crosshatch" | null;
};

/** In stacking order, left to right. */
export const COVERAGE_SERIES: readonly CoverageSeries[] = [
  { key: "direct", label: "Directly assessed", color: "#1f5f8b", pattern: null },
  { key: "softOnly", label: "Soft evidence only", color: "#8a5a00", pattern: "stripes" },
  { key: "none", label: "Not assessed", color: "#b42318", pattern: "crosshatch" },
];

/** The `fill` of a series: its pattern (defined once per chart under `patternIdPrefix`) or its colour. */
export function seriesFill(series: CoverageSeries, patternIdPrefix: string): string {
  return series.pattern ? `url(#${patternIdPrefix}-${series.key})` : series.color;
}

export type BranchChartRow = {
  /** Category key: the branch's position in the summary, so two branches with the same name stay two bars. */
  key: string;
  label: string;
  axisLabel: string;
  total: number;
  direct: number;
  softOnly: number;
  none: number;
  gaps: number;
};

export type BranchChart = {
  rows: BranchChartRow[];
  /** Branches left out of the chart (0 unless there are more than the limit). */
  omitted: number;
  /** All branches in the summary. */
  branchCount: number;
};

export function branchLabel(branch: string | null): string {
  return branch === null || branch.trim() === "" ? NO_BRANCH_LABEL : branch;
}

export function shortenLabel(label: string, max = AXIS_LABEL_MAX): string {
  return label.length <= max ? label : `${label.slice(0, max - 1).trimEnd()}…`;
}

function toRow(branch: BranchCoverage, index: number): BranchChartRow {
  const label = branchLabel(branch.branch);
  return {
    key: String(index),
    label,
    axisLabel: shortenLabel(label),
    total: branch.total,
    direct: branch.direct,
    softOnly: branch.softOnly,
    none: branch.none,
    gaps: branch.gaps,
  };
}

/**
 * One row per branch, in the framework's order. Past `limit` branches, keeps the `limit` with the
 * most gaps, then the most competencies not assessed, then the most soft only (ties: framework
 * order), and still draws them in the framework's order so neighbouring branches stay together.
 */
export function branchChart(branches: readonly BranchCoverage[], limit = CHART_BRANCH_LIMIT): BranchChart {
  const rows = branches.map(toRow);
  if (rows.length <= limit) return { rows, omitted: 0, branchCount: rows.length };
  const needing = rows
    .map((row, index) => ({ row, index }))
    .sort((a, b) => b.row.gaps - a.row.gaps || b.row.none - a.row.none || b.row.softOnly - a.row.softOnly || a.index - b.index)
    .slice(0, Math.max(0, limit))
    .sort((a, b) => a.index - b.index)
    .map(({ row }) => row);
  return { rows: needing, omitted: rows.length - needing.length, branchCount: rows.length };
}

const count = (n: number) => n.toLocaleString("en-CA");
const plural = (n: number, one: string, many: string) => `${count(n)} ${n === 1 ? one : many}`;

/** The tooltip's title for a bar: the full branch name and its gaps. */
export function rowTitle(row: BranchChartRow): string {
  return row.gaps > 0 ? `${row.label} (${plural(row.gaps, "gap", "gaps")})` : row.label;
}

/** "Showing the 25 branches …": said under the chart when it leaves branches out; null otherwise. */
export function omittedNote(chart: BranchChart): string | null {
  if (chart.omitted === 0) return null;
  return `The chart shows the ${count(chart.rows.length)} of ${count(chart.branchCount)} branches with the most gaps and competencies not assessed; the table lists all of them.`;
}

/**
 * The chart's text alternative (role="img"): the totals it draws and where the gaps are, not every
 * bar (the table has those).
 */
export function chartAriaLabel(chart: BranchChart): string {
  const sum = (key: CoverageSeriesKey) => chart.rows.reduce((total, row) => total + row[key], 0);
  const drawn = chart.omitted > 0 ? `${count(chart.rows.length)} of ${plural(chart.branchCount, "framework branch", "framework branches")}` : plural(chart.branchCount, "framework branch", "framework branches");
  const parts = [
    `Stacked bar chart of coverage for ${drawn}: ${plural(sum("direct"), "competency", "competencies")} directly assessed, ${count(sum("softOnly"))} by soft evidence only, ${count(sum("none"))} not assessed.`,
  ];
  const withGaps = chart.rows.filter((row) => row.gaps > 0);
  if (withGaps.length === 0) parts.push("No branch has gaps.");
  else {
    const shown = withGaps.slice(0, 5).map((row) => `${row.label} (${count(row.gaps)})`);
    const more = withGaps.length > 5 ? ` and ${plural(withGaps.length - 5, "other", "others")}` : "";
    parts.push(`Gaps in ${shown.join(", ")}${more}.`);
  }
  parts.push("The numbers are in the table that follows.");
  return parts.join(" ");
}

/** Bars are a fixed height each, so the chart's size is known before anything is measured (server rendering). */
export const CHART_WIDTH = 640;
export const BAR_ROW_HEIGHT = 30;
export const CHART_MARGIN = { top: 8, right: 16, bottom: 8, left: 8 };
const X_AXIS_HEIGHT = 30;

export function chartHeight(rowCount: number): number {
  return Math.max(1, rowCount) * BAR_ROW_HEIGHT + CHART_MARGIN.top + CHART_MARGIN.bottom + X_AXIS_HEIGHT;
}

/** "3 optional competencies: 1 directly assessed"; null when the specification has none. */
export function optionalMessage(optional: CoverageSummary["optional"]): string | null {
  if (optional.total === 0) return null;
  return `${plural(optional.total, "optional competency", "optional competencies")}: ${count(optional.direct)} directly assessed`;
}

export { gapsHref } from "~/modules/coverage/rules";
