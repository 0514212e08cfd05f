/**
 * The coverage summary of an assessment plan (issue #14): the headline, gaps (which block
 * sign-off), soft-only (a warning), optional competencies, and a stacked bar per framework branch
 * with the same numbers as a table.
 *
 * Recharts 3 draws nothing on the server (recharts/recharts#5997): the chart appears after
 * hydration, in a box of fixed size so nothing moves. Everything else (text, legend, table) is
 * server-rendered, so the numbers are there without JavaScript.
 */
import { useId } from "react";
import { useTranslation } from "react-i18next";
import { Bar, BarChart, Tooltip, XAxis, YAxis } from "recharts";
import styles from "~/components/coverage/coverage-summary.css";
import { useLocale } from "~/components/i18n/use-locale";
import { formatNumber } from "~/modules/i18n/format";
import {
  branchChart,
  CHART_MARGIN,
  CHART_WIDTH,
  chartAriaLabel,
  chartHeight,
  COVERAGE_SERIES,
  gapsHref,
  omittedNote,
  optionalMessage,
  rowTitle,
  seriesFill,
  type BranchChartRow,
  type CoverageSeries,
} from "~/components/coverage/chart-data";
import type { CoverageSummary as Summary } from "~/modules/coverage/rules";

type Props = { summary: Summary; matrixHref?: string; title?: string };

const AXIS_WIDTH = 190;
const INK = "#14213d";

export function CoverageSummary({ summary, matrixHref, title }: Props) {
  const { t } = useTranslation();
  const headingId = useId();
  // useId's colons are awkward inside url(#…) references.
  const patternId = `coverage-${useId().replace(/[^a-zA-Z0-9_-]/g, "")}`;
  const optional = optionalMessage(summary.optional, t);

  return (
    <section className="coverage-summary" aria-labelledby={headingId}>
      <link rel="stylesheet" href={styles} />
      <h3 id={headingId}>{title ?? t("coverage.summary.title")}</h3>
      <p className="coverage-summary__headline">{t("coverage.summary.headline", { direct: summary.essential.direct, total: summary.essential.total })}</p>
      <ul className="coverage-summary__facts">
        {summary.gaps > 0 ? (
          <li className="coverage-summary__gaps">
            <a href={gapsHref(matrixHref)}>{t("coverage.summary.gaps", { count: summary.gaps })}</a>
            {summary.routeGaps > 0 ? t("coverage.summary.routeGaps", { count: summary.routeGaps }) : null}
            {t("coverage.summary.blocked")}
          </li>
        ) : (
          <li className="coverage-summary__complete">{t("coverage.summary.complete")}</li>
        )}
        {summary.softOnly > 0 ? (
          <li className="coverage-summary__warning">
            <strong>{t("coverage.summary.warning")}</strong> {t("coverage.summary.softOnly", { count: summary.softOnly })}.
          </li>
        ) : null}
        {optional ? <li className="coverage-summary__optional">{optional}</li> : null}
      </ul>
      {summary.branches.length > 0 ? <BranchCoverageChart summary={summary} patternId={patternId} /> : null}
    </section>
  );
}

function BranchCoverageChart({ summary, patternId }: { summary: Summary; patternId: string }) {
  const { t } = useTranslation();
  const chart = branchChart(summary.branches, undefined, t);
  const note = omittedNote(chart, t);
  const height = chartHeight(chart.rows.length);
  const rowsByKey = new Map(chart.rows.map((row) => [row.key, row]));
  const axisLabel = (key: unknown) => rowsByKey.get(String(key))?.axisLabel ?? "";

  return (
    <figure className="coverage-chart">
      <PatternDefs idPrefix={patternId} />
      <figcaption className="coverage-chart__caption">{t("coverage.chart.caption")}</figcaption>
      <ul className="coverage-chart__legend" aria-hidden="true">
        {COVERAGE_SERIES.map((series) => (
          <li key={series.key}>
            <Swatch series={series} idPrefix={patternId} />
            {t(`coverage.chart.series.${series.key}`)}
          </li>
        ))}
      </ul>
      <div className="coverage-chart__scroll">
        <div className="coverage-chart__plot" role="img" aria-label={chartAriaLabel(chart, t)} style={{ width: CHART_WIDTH, height }}>
          {/* Fixed size (no ResponsiveContainer) and no animation: nothing to measure, nothing moves for prefers-reduced-motion. */}
          <BarChart width={CHART_WIDTH} height={height} data={chart.rows} layout="vertical" margin={CHART_MARGIN} barCategoryGap={6} accessibilityLayer={false}>
            <XAxis type="number" allowDecimals={false} tick={{ fill: INK, fontSize: 12 }} stroke="#6b7488" />
            <YAxis type="category" dataKey="key" width={AXIS_WIDTH} tickFormatter={axisLabel} interval={0} tick={{ fill: INK, fontSize: 12 }} stroke="#6b7488" />
            <Tooltip
              isAnimationActive={false}
              cursor={{ fill: "rgba(31, 95, 139, 0.08)" }}
              labelFormatter={(key) => {
                const row = rowsByKey.get(String(key));
                return row ? rowTitle(row, t) : "";
              }}
              itemStyle={{ color: INK }}
            />
            {COVERAGE_SERIES.map((series) => (
              <Bar
                key={series.key}
                dataKey={series.key satisfies keyof BranchChartRow}
                name={t(`coverage.chart.series.${series.key}`)}
                stackId="coverage"
                fill={seriesFill(series, patternId)}
                // A white edge between stacked segments keeps them apart whatever their colours.
                stroke="#ffffff"
                strokeWidth={1}
                isAnimationActive={false}
              />
            ))}
          </BarChart>
        </div>
      </div>
      {note ? <p className="coverage-chart__note">{note}</p> : null}
      <details className="coverage-chart__table">
        <summary>{t("coverage.chart.showTable")}</summary>
        <BranchTable summary={summary} />
      </details>
    </figure>
  );
}

function BranchTable({ summary }: { summary: Summary }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const rows = branchChart(summary.branches, Number.POSITIVE_INFINITY, t).rows;
  const n = (value: number) => formatNumber(locale, value);
  return (
    <table className="table coverage-table">
      <caption>{t("coverage.chart.caption")}</caption>
      <thead>
        <tr>
          <th scope="col">{t("coverage.chart.branch")}</th>
          <th scope="col">{t("coverage.chart.series.direct")}</th>
          <th scope="col">{t("coverage.chart.series.softOnly")}</th>
          <th scope="col">{t("coverage.chart.series.none")}</th>
          <th scope="col">{t("coverage.chart.gaps")}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={row.key} className={row.gaps > 0 ? "coverage-table__row--gaps" : undefined}>
            <th scope="row">{row.label}</th>
            <td>{n(row.direct)}</td>
            <td>{n(row.softOnly)}</td>
            <td>{n(row.none)}</td>
            <td>{n(row.gaps)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** The series' patterns, in a zero-size SVG the bars and swatches refer to (ids are document-wide). */
function PatternDefs({ idPrefix }: { idPrefix: string }) {
  return (
    <svg className="coverage-chart__defs" width="0" height="0" aria-hidden="true" focusable="false">
      <defs>
        {COVERAGE_SERIES.map((series) =>
          series.pattern === "stripes" ? (
            <pattern key={series.key} id={`${idPrefix}-${series.key}`} width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
              <rect width="6" height="6" fill={series.color} />
              <line x1="0" y1="0" x2="0" y2="6" stroke="#ffffff" strokeOpacity="0.55" strokeWidth="2" />
            </pattern>
          ) : series.pattern === "crosshatch" ? (
            <pattern key={series.key} id={`${idPrefix}-${series.key}`} width="6" height="6" patternUnits="userSpaceOnUse">
              <rect width="6" height="6" fill={series.color} />
              <path d="M0 0L6 6M6 0L0 6" stroke="#ffffff" strokeOpacity="0.8" strokeWidth="1" />
            </pattern>
          ) : null,
        )}
      </defs>
    </svg>
  );
}

function Swatch({ series, idPrefix }: { series: CoverageSeries; idPrefix: string }) {
  return (
    <svg className="coverage-chart__swatch" width="14" height="14" viewBox="0 0 14 14" focusable="false">
      <rect width="14" height="14" rx="2" fill={seriesFill(series, idPrefix)} />
    </svg>
  );
}
