/**
 * Demand rows of a specification's subjects (occupation codes, competency codes and URIs). For
 * every subject only two aggregates leave the database (latest period end, opening score); full
 * series only for the subjects shown in detail, so a 3,000-competency specification does not ship
 * every row it has.
 */
import { eq, sql } from "drizzle-orm";
import { db, type Queryable } from "~/db.server";
import { resultRows } from "../../../db/client";
import { demandSignals } from "../../../db/schema/demand";
import { organizations } from "../../../db/schema/organizations";
import { demandData, type DemandData, type DemandSignalRow } from "~/modules/demand/section";

/** `subject` is one of the keys, the list passed as one JSON parameter whatever its length. */
const subjectIn = (keys: readonly string[]) => sql`${demandSignals.subject} = ANY(ARRAY(SELECT json_array_elements_text(${JSON.stringify(keys)}::json)))`;

export async function loadDemandData(keys: readonly string[], detailedKeys: readonly string[] = keys, q: Queryable = db()): Promise<DemandData> {
  const unique = [...new Set(keys)];
  if (unique.length === 0) return { series: [], freshness: {}, scores: {} };
  const detailed = [...new Set(detailedKeys)];
  // One pass over the subjects' rows for both aggregates (PGlite runs queries one after another):
  // each subject's latest period end, and its opening score — the latest job postings and vacancies
  // per region (the index's order: subject, metric, region, period end).
  const [aggregates, rows] = await Promise.all([
    q.execute<{ subject: string; end: string; score: number | null }>(sql`
      SELECT subject, max(period_end)::text AS "end",
        sum(value) FILTER (WHERE newest AND metric IN ('job_postings', 'vacancies'))::float8 AS score
      FROM (
        SELECT subject, metric, period_end, value,
          row_number() OVER (PARTITION BY subject, metric, region ORDER BY period_end DESC, retrieved_on DESC) = 1 AS newest
        FROM demand_signals WHERE ${subjectIn(unique)}
      ) AS ranked GROUP BY subject`),
    detailed.length === 0
      ? Promise.resolve([] as DemandSignalRow[])
      : q
          .select({
            subject: demandSignals.subject,
            metric: demandSignals.metric,
            region: demandSignals.region,
            period: demandSignals.period,
            periodEnd: demandSignals.periodEnd,
            value: demandSignals.value,
            sourceName: demandSignals.sourceName,
            sourceUrl: demandSignals.sourceUrl,
            retrievedOn: demandSignals.retrievedOn,
          })
          .from(demandSignals)
          .where(subjectIn(detailed)),
  ]);
  const { series } = demandData(rows);
  const perSubject = resultRows<{ subject: string; end: string; score: number | null }>(aggregates);
  return {
    series,
    freshness: Object.fromEntries(perSubject.map((row) => [row.subject, String(row.end)])),
    scores: Object.fromEntries(perSubject.flatMap((row) => (row.score === null ? [] : [[row.subject, Number(row.score)]]))),
  };
}

/** Each source in the library: who imported it, how many rows, its periods and when it was retrieved. */
export async function demandSources(q: Queryable = db()) {
  return q
    .select({
      sourceName: demandSignals.sourceName,
      organizationName: organizations.name,
      rows: sql<number>`count(*)::int`,
      firstPeriod: sql<string>`min(${demandSignals.periodStart})`,
      lastPeriod: sql<string>`max(${demandSignals.periodEnd})`,
      retrievedOn: sql<string>`max(${demandSignals.retrievedOn})`,
    })
    .from(demandSignals)
    .innerJoin(organizations, eq(organizations.id, demandSignals.organizationId))
    .groupBy(demandSignals.sourceName, organizations.name)
    .orderBy(demandSignals.sourceName);
}
