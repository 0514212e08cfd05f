/**
 * A specification's "Demand" section: for each target occupation and competency, the latest value
 * per metric and region with its source and date, a sparkline of its periods (recharts; the same
 * numbers in a table under it), a ranking of the competencies by demand, the flags, and the
 * employers' hiring commitments. Subjects come from the live fields, numbers from the loader.
 *
 * Recharts draws nothing on the server (see CoverageSummary): the sparklines appear after
 * hydration in fixed boxes; every number is server-rendered in the tables.
 */
import { useMemo } from "react";
import { useTranslation } from "react-i18next";
import { Line, LineChart } from "recharts";
import type { StoredFields } from "~/components/document/live-fields";
import { CommitmentsPanel } from "~/components/demand/CommitmentsPanel";
import type { Commitment } from "~/modules/demand/commitments.server";
import { DEMAND_METRICS, type DemandMetric } from "~/modules/demand/parse";
import { useLocale } from "~/components/i18n/use-locale";
import { formatNumber } from "~/modules/i18n/format";
import { DETAILED_SUBJECTS, rankCompetencies, seriesFor, type DemandData, type DemandSeries } from "~/modules/demand/section";
import { demandFlags, reviewMonths, type DemandFlag, type DemandSubject } from "~/modules/demand/staleness";
import { specDemandSubjects } from "~/modules/documents/kinds/credential-spec";
import { canonicalFrom } from "~/modules/documents/model";


export type DemandSectionProps = {
  documentId: string;
  fields: StoredFields;
  data: DemandData;
  today: string;
  commitments: Commitment[];
  canCommit: boolean;
  /** Organizations whose commitments the viewer may withdraw. */
  myOrganizationIds: string[];
};

export function DemandSection({ documentId, fields, data, today, commitments, canCommit, myOrganizationIds }: DemandSectionProps) {
  const canonical = useMemo(() => canonicalFrom("credential_spec", fields, {}, { sortKeys: false }).fields, [fields]);
  const subjects = useMemo(() => specDemandSubjects(canonical), [canonical]);
  const months = reviewMonths(canonical.evidenceReviewMonths);
  const flags = useMemo(() => demandFlags(subjects, data.freshness, today, months), [subjects, data.freshness, today, months]);
  const ranking = useMemo(() => rankCompetencies(subjects, data), [subjects, data]);
  const flagOf = new Map<DemandSubject, DemandFlag>(flags.map((flag) => [flag.subject, flag]));
  const detailed = subjects.slice(0, DETAILED_SUBJECTS);
  const { t } = useTranslation();
  const locale = useLocale();
  return (
    <section className="card demand-section" aria-labelledby="demand-heading" id="demand">
      <h2 id="demand-heading">{t("demand.section.title")}</h2>
      <p className="muted">
        {t("demand.section.introBefore")}
        <a href="/demand">{t("demand.section.introLink")}</a>
        {t("demand.section.introAfter", { months })}
      </p>
      {flags.length > 0 ? (
        <ul className="demand-flags" aria-label={t("demand.section.flags")}>
          {flags.map((flag) => (
            <li key={`${flag.subject.kind}-${flag.subject.rowId}`} className="doc-field__warning">
              <strong>{flagText(t, flag, months)}</strong>: {flag.subject.label}
              {flag.type === "stale" ? t("demand.section.latestEnds", { latest: flag.latest }) : ""}
            </li>
          ))}
        </ul>
      ) : null}
      {detailed.map((subject) => (
        <SubjectDemand key={`${subject.kind}-${subject.rowId}`} subject={subject} series={seriesFor(subject, data)} flag={flagOf.get(subject)} months={months} />
      ))}
      {subjects.length > detailed.length ? <p className="muted">{t("demand.section.moreSubjects", { count: subjects.length - detailed.length })}</p> : null}
      <h3>{t("demand.section.ranked")}</h3>
      {ranking.length === 0 ? (
        <p className="empty">{t("demand.section.noRanking")}</p>
      ) : (
        <table className="table" aria-label={t("demand.section.ranked")}>
          <thead>
            <tr>
              <th scope="col">{t("demand.section.rank")}</th>
              <th scope="col">{t("demand.section.competency")}</th>
              <th scope="col">{t("demand.section.openings")}</th>
            </tr>
          </thead>
          <tbody>
            {ranking.map((entry, index) => (
              <tr key={entry.subject.rowId}>
                <td>{index + 1}</td>
                <td>{entry.subject.label}</td>
                <td>{formatNumber(locale, entry.score)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <CommitmentsPanel documentId={documentId} commitments={commitments} canCommit={canCommit} myOrganizationIds={myOrganizationIds} />
    </section>
  );
}

function SubjectDemand({ subject, series, flag, months }: { subject: DemandSubject; series: DemandSeries[]; flag: DemandFlag | undefined; months: number }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const heading = subject.kind === "occupation" ? t("demand.section.occupationHeading", { label: subject.label }) : t("demand.section.competencyHeading", { label: subject.label });
  const metric = (value: string) => (isMetric(value) ? t(`demand.metrics.${value}`) : value);
  return (
    <div className="demand-subject">
      <h3>
        {heading} {flag ? <span className="doc-pill doc-pill--warn">{flagText(t, flag, months)}</span> : null}
      </h3>
      {series.length === 0 ? null : (
        <table className="table" aria-label={t("demand.section.demandFor", { label: subject.label })}>
          <thead>
            <tr>
              <th scope="col">{t("demand.section.metric")}</th>
              <th scope="col">{t("demand.section.region")}</th>
              <th scope="col">{t("demand.section.latest")}</th>
              <th scope="col">{t("demand.section.period")}</th>
              <th scope="col">{t("demand.section.trend")}</th>
              <th scope="col">{t("demand.section.source")}</th>
              <th scope="col">{t("demand.section.retrievedOn")}</th>
            </tr>
          </thead>
          <tbody>
            {series.map((s) => (
              <tr key={`${s.subject}-${s.metric}-${s.region}`}>
                <td>{metric(s.metric)}</td>
                <td>{s.region}</td>
                <td>{formatNumber(locale, s.latest.value)}</td>
                <td>{s.latest.period}</td>
                <td>
                  <Sparkline series={s} />
                  <details>
                    <summary>{t("demand.section.numbers")}</summary>
                    <table className="table table--compact" aria-label={t("demand.section.byPeriod", { metric: metric(s.metric), region: s.region })}>
                      <thead>
                        <tr>
                          <th scope="col">{t("demand.section.period")}</th>
                          <th scope="col">{t("demand.section.value")}</th>
                        </tr>
                      </thead>
                      <tbody>
                        {s.points.map((p) => (
                          <tr key={p.period}>
                            <td>{p.period}</td>
                            <td>{formatNumber(locale, p.value)}</td>
                          </tr>
                        ))}
                      </tbody>
                    </table>
                  </details>
                </td>
                <td>{s.latest.sourceUrl ? <a href={s.latest.sourceUrl}>{s.latest.source}</a> : s.latest.source}</td>
                <td>{s.latest.retrievedOn}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}

const isMetric = (value: string): value is DemandMetric => (DEMAND_METRICS as readonly string[]).includes(value);

/** A flag in the reader's language (staleness.ts words it in English for the server's own uses). */
function flagText(t: ReturnType<typeof useTranslation>["t"], flag: DemandFlag, months: number): string {
  return flag.type === "none" ? t("demand.section.flagNone") : t("demand.section.flagStale", { months });
}

/** Decorative: the "Numbers" table under it holds the same values. */
function Sparkline({ series }: { series: DemandSeries }) {
  if (series.points.length < 2) return null;
  return (
    <span className="demand-sparkline" aria-hidden="true" style={{ display: "inline-block", width: 96, height: 28 }}>
      <LineChart width={96} height={28} data={series.points} margin={{ top: 2, right: 2, bottom: 2, left: 2 }} accessibilityLayer={false}>
        <Line type="monotone" dataKey="value" stroke="#14213d" strokeWidth={1.5} dot={false} isAnimationActive={false} />
      </LineChart>
    </span>
  );
}
