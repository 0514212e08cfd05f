/**
 * The Demand section's numbers, from the demand rows of a specification's subjects: one series per
 * subject, metric and region (a value per period; when several imports hold a period, the one
 * retrieved last), its latest value with source and date, and a competency ranking. Pure, so the
 * bench can time it and the page can recompute it from live fields.
 */
import type { DemandFreshness, DemandSubject } from "~/modules/demand/staleness";
import { latestFor } from "~/modules/demand/staleness";

export type DemandPoint = { period: string; value: number };
export type DemandSeries = {
  subject: string;
  metric: string;
  region: string;
  /** Oldest first, at most SERIES_LENGTH periods. */
  points: DemandPoint[];
  latest: { period: string; periodEnd: string; value: number; source: string; sourceUrl: string | null; retrievedOn: string };
};
export type DemandData = {
  /** Series of the subjects shown in detail (the first DETAILED_SUBJECTS of the specification). */
  series: DemandSeries[];
  /** Every subject key with data: the end of its latest period. */
  freshness: DemandFreshness;
  /** Every subject key with opening counts: the sum over regions of the latest job postings and vacancies. */
  scores: Readonly<Record<string, number>>;
};

/** Subjects shown with their series and sparklines; the others count in the flags and the ranking only. */
export const DETAILED_SUBJECTS = 60;

export type DemandSignalRow = {
  subject: string;
  metric: string;
  region: string;
  period: string;
  periodEnd: string;
  value: number;
  sourceName: string;
  sourceUrl: string | null;
  retrievedOn: string;
};

export const SERIES_LENGTH = 12;

/** Metrics that count openings: a competency's demand is the sum of their latest values over regions. */
export const OPENING_METRICS = new Set(["job_postings", "vacancies"]);

/** Rows (any order) → series, freshness and scores (the server computes the last two in SQL for every subject). */
export function demandData(rows: readonly DemandSignalRow[]): DemandData {
  const groups = new Map<string, Map<string, DemandSignalRow>>();
  const freshness: Record<string, string> = {};
  for (const row of rows) {
    const key = `${row.subject}\u0000${row.metric}\u0000${row.region}`;
    let byPeriod = groups.get(key);
    if (!byPeriod) groups.set(key, (byPeriod = new Map()));
    const held = byPeriod.get(row.period);
    if (!held || row.retrievedOn > held.retrievedOn) byPeriod.set(row.period, row);
    if (!freshness[row.subject] || row.periodEnd > freshness[row.subject]!) freshness[row.subject] = row.periodEnd;
  }
  const series: DemandSeries[] = [];
  for (const byPeriod of groups.values()) {
    const sorted = [...byPeriod.values()].sort((a, b) => (a.periodEnd < b.periodEnd ? -1 : a.periodEnd > b.periodEnd ? 1 : 0));
    const last = sorted[sorted.length - 1]!;
    series.push({
      subject: last.subject,
      metric: last.metric,
      region: last.region,
      points: sorted.slice(-SERIES_LENGTH).map((r) => ({ period: r.period, value: r.value })),
      latest: { period: last.period, periodEnd: last.periodEnd, value: last.value, source: last.sourceName, sourceUrl: last.sourceUrl, retrievedOn: last.retrievedOn },
    });
  }
  series.sort((a, b) => a.subject.localeCompare(b.subject) || a.metric.localeCompare(b.metric) || a.region.localeCompare(b.region));
  const scores: Record<string, number> = {};
  for (const s of series) if (OPENING_METRICS.has(s.metric)) scores[s.subject] = (scores[s.subject] ?? 0) + s.latest.value;
  return { series, freshness, scores };
}


export type RankedCompetency = { subject: DemandSubject; score: number };

/** The competencies by demand, highest first; those without opening counts are left out. */
export function rankCompetencies(subjects: readonly DemandSubject[], data: DemandData): RankedCompetency[] {
  const ranked: RankedCompetency[] = [];
  for (const subject of subjects) {
    if (subject.kind !== "competency" || !latestFor(subject, data.freshness)) continue;
    let score = 0;
    let counted = false;
    for (const key of subject.keys) {
      const value = data.scores[key];
      if (value === undefined) continue;
      score += value;
      counted = true;
    }
    if (counted) ranked.push({ subject, score });
  }
  return ranked.sort((a, b) => b.score - a.score || a.subject.label.localeCompare(b.subject.label));
}

/** Series of one subject (any of its keys). */
export function seriesFor(subject: DemandSubject, data: DemandData): DemandSeries[] {
  const keys = new Set(subject.keys);
  return data.series.filter((series) => keys.has(series.subject));
}
