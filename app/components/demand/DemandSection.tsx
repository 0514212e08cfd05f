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
import { Line, LineChart } from "recharts";
import type { StoredFields } from "~/components/document/live-fields";
import { CommitmentsPanel } from "~/components/demand/CommitmentsPanel";
import type { Commitment } from "~/modules/demand/commitments.server";
import { METRIC_LABELS, type DemandMetric } from "~/modules/demand/parse";
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
  return (
    <section className="card demand-section" aria-labelledby="demand-heading" id="demand">
      <h2 id="demand-heading">Demand</h2>
      <p className="muted">
        Imported labour-market data for the target occupations and competencies (<a href="/demand">Labour-market demand</a>). Evidence older than {months} months (the
        evidence-review period) is flagged.
      </p>
      {flags.length > 0 ? (
        <ul className="demand-flags" aria-label="Demand flags">
          {flags.map((flag) => (
            <li key={`${flag.subject.kind}-${flag.subject.rowId}`} className="doc-field__warning">
              <strong>{flag.message}</strong>: {flag.subject.label}
              {flag.type === "stale" ? ` (latest period ends ${flag.latest})` : ""}
            </li>
          ))}
        </ul>
      ) : null}
      {detailed.map((subject) => (
        <SubjectDemand key={`${subject.kind}-${subject.rowId}`} subject={subject} series={seriesFor(subject, data)} flag={flagOf.get(subject)} />
      ))}
      {subjects.length > detailed.length ? <p className="muted">{(subjects.length - detailed.length).toLocaleString("en-CA")} more subjects: see the ranking and the flags.</p> : null}
      <h3>Competencies ranked by demand</h3>
      {ranking.length === 0 ? (
        <p className="empty">No competency has job-posting or vacancy data.</p>
      ) : (
        <table className="table" aria-label="Competencies ranked by demand">
          <thead>
            <tr>
              <th scope="col">Rank</th>
              <th scope="col">Competency</th>
              <th scope="col">Openings (latest job postings and vacancies, all regions)</th>
            </tr>
          </thead>
          <tbody>
            {ranking.map((entry, index) => (
              <tr key={entry.subject.rowId}>
                <td>{index + 1}</td>
                <td>{entry.subject.label}</td>
                <td>{entry.score.toLocaleString("en-CA")}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <CommitmentsPanel documentId={documentId} commitments={commitments} canCommit={canCommit} myOrganizationIds={myOrganizationIds} />
    </section>
  );
}

function SubjectDemand({ subject, series, flag }: { subject: DemandSubject; series: DemandSeries[]; flag: DemandFlag | undefined }) {
  const heading = `${subject.kind === "occupation" ? "Occupation" : "Competency"} ${subject.label}`;
  return (
    <div className="demand-subject">
      <h3>
        {heading} {flag ? <span className="doc-pill doc-pill--warn">{flag.message}</span> : null}
      </h3>
      {series.length === 0 ? null : (
        <table className="table" aria-label={`Demand for ${subject.label}`}>
          <thead>
            <tr>
              <th scope="col">Metric</th>
              <th scope="col">Region</th>
              <th scope="col">Latest</th>
              <th scope="col">Period</th>
              <th scope="col">Trend</th>
              <th scope="col">Source</th>
              <th scope="col">Retrieved on</th>
            </tr>
          </thead>
          <tbody>
            {series.map((s) => (
              <tr key={`${s.subject}-${s.metric}-${s.region}`}>
                <td>{METRIC_LABELS[s.metric as DemandMetric] ?? s.metric}</td>
                <td>{s.region}</td>
                <td>{s.latest.value.toLocaleString("en-CA")}</td>
                <td>{s.latest.period}</td>
                <td>
                  <Sparkline series={s} />
                  <details>
                    <summary>Numbers</summary>
                    <table className="table table--compact" aria-label={`${METRIC_LABELS[s.metric as DemandMetric] ?? s.metric}, ${s.region}, by period`}>
                      <thead>
                        <tr>
                          <th scope="col">Period</th>
                          <th scope="col">Value</th>
                        </tr>
                      </thead>
                      <tbody>
                        {s.points.map((p) => (
                          <tr key={p.period}>
                            <td>{p.period}</td>
                            <td>{p.value.toLocaleString("en-CA")}</td>
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
