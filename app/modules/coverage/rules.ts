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
 * Linear in competencies + assessments + ticked cells (3,000 × 60 with 30,000 ticks in a few ms).
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
  /** Ticked cells as [assessmentId, competencyId]; cells of unknown assessments or competencies are ignored. */
  cells: Iterable<readonly [string, string]>;
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

type Seen = { direct: boolean; soft: boolean; routeDirect: boolean; routeSoft: boolean; atWorkplace: boolean; assessmentIds: string[] };

function statusOf(direct: boolean, soft: boolean): CoverageStatus {
  return direct ? "direct" : soft ? "soft_only" : "none";
}

export function computeCoverage(input: CoverageInput): CoverageReport {
  const order = new Map<string, number>();
  input.assessments.forEach((assessment, index) => order.set(assessment.id, index));
  const wanted = new Set(input.competencies.map((c) => c.id));

  const seen = new Map<string, Seen>();
  for (const [assessmentId, competencyId] of input.cells) {
    const index = order.get(assessmentId);
    if (index === undefined || !wanted.has(competencyId)) continue;
    const assessment = input.assessments[index]!;
    let entry = seen.get(competencyId);
    if (!entry) {
      entry = { direct: false, soft: false, routeDirect: false, routeSoft: false, atWorkplace: false, assessmentIds: [] };
      seen.set(competencyId, entry);
    }
    if (entry.assessmentIds.includes(assessmentId)) continue;
    entry.assessmentIds.push(assessmentId);
    const kind = evidenceKindOf(assessment.method);
    if (kind === "direct") entry.direct = true;
    if (kind === "soft") entry.soft = true;
    if (assessment.assessmentOnlyRoute && kind === "direct") entry.routeDirect = true;
    if (assessment.assessmentOnlyRoute && kind === "soft") entry.routeSoft = true;
    if (assessment.setting === "workplace") entry.atWorkplace = true;
  }

  const report: CoverageReport = {
    competencies: [],
    byId: new Map(),
    essential: emptyTally(),
    optional: emptyTally(),
    gaps: 0,
    routeGaps: 0,
    softOnly: 0,
    branches: [],
    complete: true,
  };
  const byId = new Map<string, CompetencyCoverage>();
  const branches = new Map<string | null, BranchCoverage>();
  for (const competency of input.competencies) {
    if (byId.has(competency.id)) continue;
    const entry = seen.get(competency.id);
    const status = entry ? statusOf(entry.direct, entry.soft) : "none";
    const route = input.routeRequired ? (entry ? statusOf(entry.routeDirect, entry.routeSoft) : "none") : null;
    const gap = competency.essential && (status === "none" || route === "none");
    if (entry) entry.assessmentIds.sort((a, b) => order.get(a)! - order.get(b)!);
    const coverage: CompetencyCoverage = { competency, status, assessmentIds: entry?.assessmentIds ?? [], route, atWorkplace: entry?.atWorkplace ?? false, gap };
    report.competencies.push(coverage);
    byId.set(competency.id, coverage);

    count(competency.essential ? report.essential : report.optional, status);
    if (gap) report.gaps += 1;
    if (gap && status !== "none") report.routeGaps += 1;
    if (competency.essential && status === "soft_only") report.softOnly += 1;

    let branch = branches.get(competency.branch);
    if (!branch) {
      branch = { branch: competency.branch, gaps: 0, ...emptyTally() };
      branches.set(competency.branch, branch);
    }
    count(branch, status);
    if (gap) branch.gaps += 1;
  }
  report.byId = byId;
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
