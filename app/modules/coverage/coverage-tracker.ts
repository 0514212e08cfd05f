import {
  assessmentLookup,
  competencyCoverage,
  tallyCoverage,
  type AssessmentLookup,
  type CompetencyCoverage,
  type CoverageAssessment,
  type CoverageCompetency,
  type CoverageReport,
} from "~/modules/coverage/rules";

/**
 * The coverage of a plan kept up to date tick by tick (issue #14's "a tick reaches a colleague"
 * target): a tick re-applies the rule (rules.ts `competencyCoverage`) to the one competency it
 * touched and recounts the tallies from the per-competency results — no key parsing, no grouping
 * of 30,000 cells, no sort. A change of the assessments, the competencies or the route starts over.
 * Gives the same report as `computeCoverage` over the same cells (tested).
 */
export class CoverageTracker {
  private readonly ticks = new Map<string, Set<string>>();
  private readonly lookup: AssessmentLookup;
  private readonly position = new Map<string, number>();
  private readonly entries: CompetencyCoverage[] = [];
  private readonly dirty = new Set<string>();
  private current: CoverageReport | null = null;

  constructor(
    readonly competencies: readonly CoverageCompetency[],
    readonly assessments: readonly CoverageAssessment[],
    readonly routeRequired: boolean,
    cells: Iterable<readonly [string, string]>,
  ) {
    this.lookup = assessmentLookup(assessments);
    for (const [assessmentId, competencyId] of cells) this.addTick(assessmentId, competencyId);
    for (const competency of competencies) {
      if (this.position.has(competency.id)) continue;
      this.position.set(competency.id, this.entries.length);
      this.entries.push(competencyCoverage(competency, this.ticks.get(competency.id) ?? [], this.lookup, routeRequired));
    }
  }

  /** How many ticks it holds (of any competency or assessment): what a live map's size is compared with. */
  get size(): number {
    let count = 0;
    for (const set of this.ticks.values()) count += set.size;
    return count;
  }

  /** The assessments ticked for a competency (ids of removed assessments included). */
  tickedFor(competencyId: string): ReadonlySet<string> {
    return this.ticks.get(competencyId) ?? NONE;
  }

  /** One cell changed. Cheap: the report is brought up to date when next asked for. */
  setCell(assessmentId: string, competencyId: string, ticked: boolean): void {
    if (ticked) this.addTick(assessmentId, competencyId);
    else {
      const set = this.ticks.get(competencyId);
      if (!set?.delete(assessmentId)) return;
      if (set.size === 0) this.ticks.delete(competencyId);
    }
    if (this.position.has(competencyId)) this.dirty.add(competencyId);
    this.current = null;
  }

  /** The report as of the last change; the same object until the next one. */
  report(): CoverageReport {
    if (this.current) return this.current;
    for (const competencyId of this.dirty) {
      const at = this.position.get(competencyId)!;
      this.entries[at] = competencyCoverage(this.entries[at]!.competency, this.ticks.get(competencyId) ?? [], this.lookup, this.routeRequired);
    }
    this.dirty.clear();
    this.current = tallyCoverage(this.entries);
    return this.current;
  }

  private addTick(assessmentId: string, competencyId: string): void {
    const set = this.ticks.get(competencyId);
    if (set) set.add(assessmentId);
    else this.ticks.set(competencyId, new Set([assessmentId]));
  }
}

const NONE: ReadonlySet<string> = new Set();
