import { evidenceKindOf } from "~/modules/coverage/methods";

/**
 * The coverage rules of an assessment plan, in one place (domain reference §2; issue #14):
 *
 * - a competency is **directly assessed** when at least one assessment with a direct method
 *   assesses it; **soft only** when only soft-evidence assessments do; **none** when nothing does
 *   (an assessment without a method yet counts as nothing);
 * - a **gap** is an essential competency that no assessment covers. Gaps block sign-off; soft only
 *   is a warning approvers see; optional competencies are reported and never block;
 * - when the credential offers the **assessment-only route**, every essential competency must also
 *   be covered by the assessments that make up that route: one the route leaves out is a gap too.
 *
 * Linear in competencies + assessments + ticked cells (3,000 × 60 with 30,000 ticks in a few ms);
 * one competency's status is `competencyCoverage`, which the report applies to each of them.
 */

export type CoverageCompetency = {
  id: string;
  code: string | null;
  title: string | null;
  /** Framework branch, for grouping ("Safety › Hazards"); null when it has none. */
  branch: string | null;
  /** Optional competencies are reported but never block. */
  essential: boolean;
};

export type CoverageAssessment = {
  id: string;
  name: string | null;
  method: string | null;
  /** workplace | institution | online, or null while unset. */
  setting: string | null;
  /** Part of the assessment-only (recognition of prior learning) route. */
  assessmentOnlyRoute: boolean;
};

export type CoverageInput = {
  /** The specification's competencies, in its order. */
  competencies: readonly CoverageCompetency[];
  /** The plan's assessments, in its order. */
  assessments: readonly CoverageAssessment[];
  /**
   * Ticked cells as [assessmentId, competencyId] pairs, or already grouped by competency (a live
   * index); cells of unknown assessments or competencies are ignored.
   */
  cells: Iterable<readonly [string, string]> | CellsByCompetency;
  /** assessmentLookup(assessments), when the caller keeps one. */
  lookup?: AssessmentLookup;
  /** The credential offers the assessment-only route: the route must cover every essential competency. */
  routeRequired: boolean;
};

export type CoverageStatus = "direct" | "soft_only" | "none";

export type CompetencyCoverage = {
  competency: CoverageCompetency;
  status: CoverageStatus;
  /** The assessments that assess it, in plan order. */
  assessmentIds: string[];
  /** How the assessment-only route covers it; null when the route is not required. */
  route: CoverageStatus | null;
  /** Assessed by at least one workplace assessment (what a work-based learning agreement can evidence). */
  atWorkplace: boolean;
  /** Blocks sign-off: essential, and not covered at all (or not by the required route). */
  gap: boolean;
};

export type Tally = { total: number; direct: number; softOnly: number; none: number };

export type BranchCoverage = Tally & { branch: string | null; gaps: number };

export type CoverageReport = {
  /** One per competency, in the specification's order (a competency listed twice counts once). */
  competencies: CompetencyCoverage[];
  byId: ReadonlyMap<string, CompetencyCoverage>;
  essential: Tally;
  optional: Tally;
  /** Essential competencies that block sign-off. */
  gaps: number;
  /** Of those, the ones assessed otherwise but left out of the required assessment-only route. */
  routeGaps: number;
  /** Essential competencies covered by soft evidence only: a warning, not a block. */
  softOnly: number;
  /** Every competency by framework branch, in order of first appearance. */
  branches: BranchCoverage[];
  /** Nothing blocks sign-off on coverage. */
  complete: boolean;
};

function emptyTally(): Tally {
  return { total: 0, direct: 0, softOnly: 0, none: 0 };
}

function count(tally: Tally, status: CoverageStatus): void {
  tally.total += 1;
  if (status === "direct") tally.direct += 1;
  else if (status === "soft_only") tally.softOnly += 1;
  else tally.none += 1;
}

/**
 * The plan's assessments as the per-competency rule reads them, looked up by id (build it once per
 * change of the assessments: `assessmentLookup`).
 */
export type AssessmentLookup = ReadonlyMap<string, { index: number; evidence: "direct" | "soft" | null; route: boolean; workplace: boolean }>;

export function assessmentLookup(assessments: readonly CoverageAssessment[]): AssessmentLookup {
  const lookup = new Map<string, { index: number; evidence: "direct" | "soft" | null; route: boolean; workplace: boolean }>();
  assessments.forEach((assessment, index) => {
    if (!lookup.has(assessment.id)) {
      lookup.set(assessment.id, { index, evidence: evidenceKindOf(assessment.method), route: assessment.assessmentOnlyRoute, workplace: assessment.setting === "workplace" });
    }
  });
  return lookup;
}

function statusOf(direct: boolean, soft: boolean): CoverageStatus {
  return direct ? "direct" : soft ? "soft_only" : "none";
}

/**
 * THE rule for one competency, from the assessments ticked for it (ids of assessments that no
 * longer exist are ignored). The report below applies it to every competency; the matrix applies it
 * to the rows in view, so a tick shows at once without recounting 3,000 competencies.
 */
export function competencyCoverage(competency: CoverageCompetency, ticked: Iterable<string>, lookup: AssessmentLookup, routeRequired: boolean): CompetencyCoverage {
  let direct = false;
  let soft = false;
  let routeDirect = false;
  let routeSoft = false;
  let atWorkplace = false;
  const assessmentIds: string[] = [];
  for (const id of ticked) {
    const assessment = lookup.get(id);
    if (!assessment || assessmentIds.includes(id)) continue;
    assessmentIds.push(id);
    if (assessment.evidence === "direct") {
      direct = true;
      if (assessment.route) routeDirect = true;
    } else if (assessment.evidence === "soft") {
      soft = true;
      if (assessment.route) routeSoft = true;
    }
    if (assessment.workplace) atWorkplace = true;
  }
  if (assessmentIds.length > 1) assessmentIds.sort((a, b) => lookup.get(a)!.index - lookup.get(b)!.index);
  const status = statusOf(direct, soft);
  const route = routeRequired ? statusOf(routeDirect, routeSoft) : null;
  return { competency, status, assessmentIds, route, atWorkplace, gap: competency.essential && (status === "none" || route === "none") };
}

/** Ticked cells grouped by competency: competency id → the ids of the assessments ticked for it. */
export type CellsByCompetency = ReadonlyMap<string, Iterable<string>>;

function groupCells(cells: Iterable<readonly [string, string]>): Map<string, string[]> {
  const grouped = new Map<string, string[]>();
  for (const [assessmentId, competencyId] of cells) {
    const list = grouped.get(competencyId);
    if (list) list.push(assessmentId);
    else grouped.set(competencyId, [assessmentId]);
  }
  return grouped;
}

const NONE: readonly string[] = [];

export function computeCoverage(input: CoverageInput): CoverageReport {
  const lookup = input.lookup ?? assessmentLookup(input.assessments);
  const grouped: CellsByCompetency = input.cells instanceof Map ? (input.cells as CellsByCompetency) : groupCells(input.cells as Iterable<readonly [string, string]>);
  const seen = new Set<string>();
  const entries: CompetencyCoverage[] = [];
  for (const competency of input.competencies) {
    if (seen.has(competency.id)) continue;
    seen.add(competency.id);
    entries.push(competencyCoverage(competency, grouped.get(competency.id) ?? NONE, lookup, input.routeRequired));
  }
  return tallyCoverage(entries);
}

/** The report of per-competency results, in their order: tallies, gaps, branches (one linear pass). */
export function tallyCoverage(entries: readonly CompetencyCoverage[]): CoverageReport {
  const report: CoverageReport = {
    competencies: [...entries],
    byId: new Map(entries.map((entry) => [entry.competency.id, entry])),
    essential: emptyTally(),
    optional: emptyTally(),
    gaps: 0,
    routeGaps: 0,
    softOnly: 0,
    branches: [],
    complete: true,
  };
  const branches = new Map<string | null, BranchCoverage>();
  for (const { competency, status, gap } of entries) {
    count(competency.essential ? report.essential : report.optional, status);
    if (gap) report.gaps += 1;
    if (gap && status !== "none") report.routeGaps += 1;
    if (competency.essential && status === "soft_only") report.softOnly += 1;
    let branch = branches.get(competency.branch);
    if (!branch) branches.set(competency.branch, (branch = { branch: competency.branch, gaps: 0, ...emptyTally() }));
    count(branch, status);
    if (gap) branch.gaps += 1;
  }
  report.branches = [...branches.values()];
  report.complete = report.gaps === 0;
  return report;
}

/** The reason sign-off is refused, worded the same on the button, the panel and the server. */
export function gapMessage(gaps: number): string {
  return gaps === 1 ? "1 competency has no direct assessment" : `${gaps.toLocaleString("en-CA")} competencies have no direct assessment`;
}

/** The approvers' warning for competencies assessed by soft evidence only. */
export function softOnlyMessage(softOnly: number): string {
  return softOnly === 1
    ? "1 essential competency is assessed by soft evidence only (log-book sign-off, self-report or attendance)"
    : `${softOnly.toLocaleString("en-CA")} essential competencies are assessed by soft evidence only (log-book sign-off, self-report or attendance)`;
}

/** "N of M essential competencies directly assessed": the summary's headline. */
export function headline(report: Pick<CoverageReport, "essential">): string {
  const { direct, total } = report.essential;
  return `${direct.toLocaleString("en-CA")} of ${total.toLocaleString("en-CA")} essential ${total === 1 ? "competency" : "competencies"} directly assessed`;
}

/** The numbers of a report without the per-competency list: what a projection stores and a summary draws. */
export type CoverageSummary = Pick<CoverageReport, "essential" | "optional" | "gaps" | "routeGaps" | "softOnly" | "branches" | "complete">;

export function summarizeCoverage(report: CoverageReport): CoverageSummary {
  const { essential, optional, gaps, routeGaps, softOnly, branches, complete } = report;
  return { essential, optional, gaps, routeGaps, softOnly, branches, complete };
}

/** One assessment plan's coverage, as a specification's page and sign-off show it. */
export type PlanCoverage = { planId: string; planTitle: string; summary: CoverageSummary };

/**
 * Where a plan's gaps are: its matrix filtered to them (`?coverage=gaps`, the matrix opens with
 * "Gaps only"), in edit mode (`edit`: whoever follows the link is there to close them; people who
 * may not edit get the read view). `documentPath`: the plan's page; omitted, the current page.
 */
export function gapsHref(documentPath?: string): string {
  const base = documentPath ?? "";
  return `${base}${base.includes("?") ? "&" : "?"}edit&coverage=gaps#section-coverage`;
}
