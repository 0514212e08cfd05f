/**
 * Demand rows of a specification's subjects (occupation codes, competency codes and URIs). For
 * every subject only two aggregates leave the database (latest period end, opening score); full
 * series only for the subjects shown in detail, so a 3,000-competency specification does not ship
 * every row it has.
 */
import { eq, sql } from "drizzle-orm";
import { db, type Queryable } from "~/db.server";
import { demandSignals } from "../../../db/schema/demand";
import { organizations } from "../../../db/schema/organizations";
import { demandData, type DemandData, type DemandSignalRow } from "~/modules/demand/section";

/** `subject` is one of the keys, the list passed as one JSON parameter whatever its length. */
const subjectIn = (keys: readonly string[]) => sql`${demandSignals.subject} = ANY(ARRAY(SELECT json_array_elements_text(${JSON.stringify(keys)}::json)))`;

export async function loadDemandData(keys: readonly string[], detailedKeys: readonly string[] = keys, q: Queryable = db()): Promise<DemandData> {
  const unique = [...new Set(keys)];
  if (unique.length === 0) return { series: [], freshness: {}, scores: {} };
  const detailed = [...new Set(detailedKeys)];
  const [latest, scored, rows] = await Promise.all([
    q
      .select({ subject: demandSignals.subject, end: sql<string>`max(${demandSignals.periodEnd})` })
      .from(demandSignals)
      .where(subjectIn(unique))
      .groupBy(demandSignals.subject),
    q.execute<{ subject: string; score: number }>(sql`
      SELECT subject, sum(value)::float8 AS score FROM (
        SELECT DISTINCT ON (subject, metric, region) subject, value FROM demand_signals
        WHERE ${subjectIn(unique)} AND metric IN ('job_postings', 'vacancies')
        ORDER BY subject, metric, region, period_end DESC, retrieved_on DESC
      ) AS latest GROUP BY subject`),
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
  const scoreRows = (Array.isArray(scored) ? scored : (scored as { rows: Array<{ subject: string; score: number }> }).rows) as Array<{ subject: string; score: number }>;
  return {
    series,
    freshness: Object.fromEntries(latest.map((row) => [row.subject, String(row.end)])),
    scores: Object.fromEntries(scoreRows.map((row) => [row.subject, Number(row.score)])),
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
