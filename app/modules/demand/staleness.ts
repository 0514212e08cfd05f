/**
 * The demand flags of a specification: a target occupation or competency with no demand evidence,
 * and evidence older than the specification's evidence-review period (default 12 months). Pure:
 * the kind's rules (completeness warnings) and the Demand section both ask it.
 */
import { monthsBetween } from "~/modules/demand/periods";

export const DEFAULT_REVIEW_MONTHS = 12;

/** For each subject key (occupation code, competency code or URI): the end of its latest period. */
export type DemandFreshness = Readonly<Record<string, string>>;

export type DemandSubject = {
  /** "occupation" or "competency": where the flag points. */
  kind: "occupation" | "competency";
  /** The row id in the specification. */
  rowId: string;
  label: string;
  /** Keys demand rows may use for it (an occupation's code; a competency's code and URI). */
  keys: readonly string[];
};

export type DemandFlag =
  | { type: "none"; subject: DemandSubject; message: string }
  | { type: "stale"; subject: DemandSubject; latest: string; months: number; message: string };

export function reviewMonths(value: unknown): number {
  return typeof value === "number" && Number.isInteger(value) && value > 0 ? value : DEFAULT_REVIEW_MONTHS;
}

/** The latest period end among a subject's keys; null without evidence. */
export function latestFor(subject: DemandSubject, freshness: DemandFreshness): string | null {
  let latest: string | null = null;
  for (const key of subject.keys) {
    const end = freshness[key];
    if (end && (!latest || end > latest)) latest = end;
  }
  return latest;
}

export function demandFlags(subjects: readonly DemandSubject[], freshness: DemandFreshness, today: string, months: number): DemandFlag[] {
  const flags: DemandFlag[] = [];
  for (const subject of subjects) {
    const latest = latestFor(subject, freshness);
    if (!latest) {
      flags.push({ type: "none", subject, message: "No demand evidence" });
      continue;
    }
    const age = monthsBetween(latest, today);
    if (age > months) flags.push({ type: "stale", subject, latest, months: age, message: `Demand evidence older than ${months} months` });
  }
  return flags;
}
