import type { TFunction } from "i18next";
import type { BranchCoverage, CoverageSummary } from "~/modules/coverage/rules";
import { i18nFor } from "~/modules/i18n/i18n";
import { DEFAULT_LOCALE } from "~/modules/i18n/locales";

/**
 * What the coverage chart draws, worked out without React or recharts (issue #14): one stacked bar
 * per framework branch, the series' labels and fills, the top-25 choice for big frameworks and the
 * chart's text alternative. The table beside the chart always lists every branch.
 *
 * The words come from the "coverage.chart" messages in the language of the `t` passed (English when
 * none is: what the tests and any caller outside React read).
 */

const english: TFunction = i18nFor(DEFAULT_LOCALE).t;

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

export function branchLabel(branch: string | null, t: TFunction = english): string {
  return branch === null || branch.trim() === "" ? t("coverage.chart.noBranch") : branch;
}

export function shortenLabel(label: string, max = AXIS_LABEL_MAX): string {
  return label.length <= max ? label : `${label.slice(0, max - 1).trimEnd()}…`;
}

function toRow(branch: BranchCoverage, index: number, t: TFunction): BranchChartRow {
  const label = branchLabel(branch.branch, t);
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
export function branchChart(branches: readonly BranchCoverage[], limit = CHART_BRANCH_LIMIT, t: TFunction = english): BranchChart {
  const rows = branches.map((branch, index) => toRow(branch, index, t));
  if (rows.length <= limit) return { rows, omitted: 0, branchCount: rows.length };
  const needing = rows
    .map((row, index) => ({ row, index }))
    .sort((a, b) => b.row.gaps - a.row.gaps || b.row.none - a.row.none || b.row.softOnly - a.row.softOnly || a.index - b.index)
    .slice(0, Math.max(0, limit))
    .sort((a, b) => a.index - b.index)
    .map(({ row }) => row);
  return { rows: needing, omitted: rows.length - needing.length, branchCount: rows.length };
}

/** The tooltip's title for a bar: the full branch name and its gaps. */
export function rowTitle(row: BranchChartRow, t: TFunction = english): string {
  return row.gaps > 0 ? t("coverage.chart.rowTitle", { label: row.label, count: row.gaps }) : row.label;
}

/** "Showing the 25 branches …": said under the chart when it leaves branches out; null otherwise. */
export function omittedNote(chart: BranchChart, t: TFunction = english): string | null {
  if (chart.omitted === 0) return null;
  return t("coverage.chart.omitted", { shown: chart.rows.length, total: chart.branchCount });
}

/**
 * The chart's text alternative (role="img"): the totals it draws and where the gaps are, not every
 * bar (the table has those).
 */
export function chartAriaLabel(chart: BranchChart, t: TFunction = english): string {
  const sum = (key: CoverageSeriesKey) => chart.rows.reduce((total, row) => total + row[key], 0);
  const drawn = chart.omitted > 0 ? t("coverage.chart.drawnOf", { shown: chart.rows.length, count: chart.branchCount }) : t("coverage.chart.drawn", { count: chart.branchCount });
  const parts = [t("coverage.chart.totals", { drawn, direct: sum("direct"), soft: sum("softOnly"), none: sum("none") })];
  const withGaps = chart.rows.filter((row) => row.gaps > 0);
  if (withGaps.length === 0) parts.push(t("coverage.chart.noGaps"));
  else {
    const shown = withGaps.slice(0, 5).map((row) => t("coverage.chart.gapItem", { label: row.label, count: row.gaps }));
    const more = withGaps.length > 5 ? t("coverage.chart.more", { count: withGaps.length - 5 }) : "";
    parts.push(t("coverage.chart.gapsIn", { list: shown.join(", "), more }));
  }
  parts.push(t("coverage.chart.numbersFollow"));
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
export function optionalMessage(optional: CoverageSummary["optional"], t: TFunction = english): string | null {
  if (optional.total === 0) return null;
  return t("coverage.summary.optional", { total: optional.total, direct: optional.direct });
}

export { gapsHref } from "~/modules/coverage/rules";
