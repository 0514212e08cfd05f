/**
 * What the standards-readiness checklist hands the page (readiness.ts computes it): plain types
 * and helpers with no imports, so the page's component does not pull the export builders (and
 * node:crypto) into the browser bundle.
 */
export type ReadinessLink = { documentId: string; anchor: string };

export type ReadinessItem = {
  key: string;
  label: string;
  ready: boolean;
  /** What is missing, in words ("a learning outcome for 2 competencies"); null when ready. */
  missing: string | null;
  /** The field to fill (a field of the specification or of its assessment plan). */
  link: ReadinessLink | null;
  /** Why an item is ready without a field (e.g. the learner is named on each issued credential). */
  note?: string;
};

export type ReadinessTargetKey = "eu" | "openbadges" | "ctdl" | "ecampusontario";
export type ReadinessTarget = { key: ReadinessTargetKey; title: string; items: ReadinessItem[] };

export const READINESS_TARGET_TITLES: Record<ReadinessTargetKey, string> = {
  eu: "EU micro-credential standard",
  openbadges: "Open Badges 3.0",
  ctdl: "CTDL publishing",
  ecampusontario: "eCampusOntario",
};

/** Where the checklist links a field: the document in edit mode, at the field's anchor. */
export function readinessHref(link: ReadinessLink): string {
  return `/documents/${link.documentId}?edit#${link.anchor}`;
}

/** How many items of a target are ready. */
export function readyCount(target: ReadinessTarget): { ready: number; total: number } {
  return { ready: target.items.filter((i) => i.ready).length, total: target.items.length };
}

