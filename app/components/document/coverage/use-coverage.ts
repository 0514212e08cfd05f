import { useDeferredValue, useEffect, useLayoutEffect, useMemo, useState } from "react";
import * as Y from "yjs";
import { CoverageTracker } from "~/modules/coverage/coverage-tracker";
import { assessmentLookup, type AssessmentLookup, type CoverageAssessment, type CoverageReport } from "~/modules/coverage/rules";
import { evidenceKindOf, methodLabel, type EvidenceKind } from "~/modules/coverage/methods";
import { asCoverageCompetency, coverageRouteRequired } from "~/modules/documents/kinds/assessment-plan";
import { coverageMap, kindIndex, parseCoverageKey, type CoverageFieldDef, type DocumentKind, type JsonValue, type ProjectedCompetency } from "~/modules/documents/model";
import { coveragePairs, liveCoveragePairs } from "~/modules/documents/model/coverage-cells";
import type { StoredFields } from "~/components/document/live-fields";

/**
 * A plan's coverage, live, for the whole page (issue #14): the matrix's rows and summary and the
 * page's checks (gaps in the checklist, the soft-evidence warning) all read this one tracker.
 *
 * - the coverage Y.Map is observed shallowly and each changed key goes to the tracker
 *   (modules/coverage/coverage-tracker.ts), which re-applies the rule to that one competency: a
 *   colleague's tick costs microseconds, not a recount of 30,000 cells;
 * - the assessments come from the live fields; the tracker starts over only when what the rule
 *   reads of them (ids, methods, settings, route) changes, not when someone renames one;
 * - before the Y.Doc exists (server render) it reads the stored JSON; a big plan's page has none
 *   (page-data.server.ts), and the matrix says it is loading.
 */

export type MatrixAssessment = CoverageAssessment & {
  /** "Direct observation"; null without a method yet. */
  methodLabel: string | null;
  evidence: EvidenceKind | null;
};

export type LiveCoverage = {
  field: CoverageFieldDef;
  /** The plan's assessments with an id, in plan order: the matrix's columns. */
  assessments: readonly MatrixAssessment[];
  /** The same, for the per-competency rule (competencyCoverage). */
  lookup: AssessmentLookup;
  routeRequired: boolean;
  /** The ids of the assessments ticked for a competency, live (ids of removed assessments included). */
  tickedFor: (competencyId: string) => ReadonlySet<string>;
  /** The whole plan's coverage, as of the last change. */
  report: CoverageReport;
  /** False while the cells are not on the page yet (a big plan before its first sync). */
  loaded: boolean;
};

function text(value: unknown): string | null {
  return typeof value === "string" && value.trim() !== "" ? value : null;
}

function readAssessments(value: JsonValue | undefined): MatrixAssessment[] {
  const out: MatrixAssessment[] = [];
  const seen = new Set<string>();
  for (const item of Array.isArray(value) ? value : []) {
    if (item === null || typeof item !== "object" || Array.isArray(item)) continue;
    const id = text(item.id);
    if (!id || seen.has(id)) continue;
    seen.add(id);
    const method = text(item.method);
    out.push({
      id,
      name: text(item.name),
      method,
      setting: text(item.setting),
      assessmentOnlyRoute: item.assessmentOnlyRoute === true,
      methodLabel: methodLabel(method),
      evidence: evidenceKindOf(method),
    });
  }
  return out;
}

/** What the rule reads of the assessments: the tracker starts over only when this changes. */
function ruleSignature(assessments: readonly MatrixAssessment[]): string {
  return assessments.map((a) => `${a.id}\u0000${a.method ?? ""}\u0000${a.setting ?? ""}\u0000${a.assessmentOnlyRoute}`).join("\u0001");
}


const NO_COMPETENCIES: readonly ProjectedCompetency[] = [];
const useClientLayoutEffect = typeof window === "undefined" ? useEffect : useLayoutEffect;

export function useLiveCoverage(options: {
  kind: DocumentKind;
  ydoc: Y.Doc | null;
  fields: StoredFields;
  competencies: readonly ProjectedCompetency[] | undefined;
  linkedKeyFields: Readonly<Record<string, JsonValue>> | undefined;
}): LiveCoverage | null {
  const { kind, fields, linkedKeyFields } = options;
  // The tracker (30,000 cells read) is built in a deferred render after the first sync: the page is
  // editable first, the matrix follows a moment later ("Loading the coverage matrix…" meanwhile).
  const ydoc = useDeferredValue(options.ydoc);
  const field = useMemo(() => kindIndex(kind).fields.find((f): f is CoverageFieldDef => f.type === "coverage") ?? null, [kind]);
  const [revision, setRevision] = useState(0);
  // Bumped when the fields map replaces the matrix itself (a repaired layout): look it up again.
  const [layout, setLayout] = useState(0);

  const readAll = useMemo(() => readAssessments(field ? fields[field.columnsFrom] : undefined), [field, fields]);
  const signature = ruleSignature(readAll);
  // Kept while the rule reads the same of them (a renamed assessment only renames a column).
  const ruleAssessments = useMemo(() => readAll, [signature]);
  const routeRequired = coverageRouteRequired(fields, { linkedKeyFields });
  const competencies = useMemo(() => (options.competencies ?? NO_COMPETENCIES).map(asCoverageCompetency), [options.competencies]);

  // layout is a dependency on purpose: it says when to look the map up (and read it) again.
  const map = useMemo(() => (ydoc && field ? coverageMap(ydoc, field.key) : null), [ydoc, field, layout]);
  // Stored cells only before the Y.Doc exists at all (not while the deferred render catches up).
  const stored = options.ydoc || !field ? undefined : fields[field.key];
  const loaded = map !== null || stored !== undefined;
  const tracker = useMemo(() => {
    if (!field) return null;
    const started = performance.now();
    const cells = map ? liveCoveragePairs(map) : coveragePairs(stored);
    const built = new CoverageTracker(competencies, ruleAssessments, routeRequired, cells);
    // A User Timing entry per full computation: what bench/scale.ts reads as "coverage in the browser".
    if (typeof window !== "undefined") performance.measure(COVERAGE_MEASURE, { start: started });
    return built;
  }, [field, map, stored, competencies, ruleAssessments, routeRequired, layout]);

  useClientLayoutEffect(() => {
    if (!ydoc || !field) return;
    const fieldsOfDoc = ydoc.getMap("fields");
    const onFields = (event: Y.YMapEvent<unknown>) => {
      if (event.keysChanged.has(field.key)) setLayout((n) => n + 1);
    };
    fieldsOfDoc.observe(onFields);
    return () => fieldsOfDoc.unobserve(onFields);
  }, [ydoc, field]);

  useClientLayoutEffect(() => {
    if (!map || !tracker) return;
    // A change that landed between the render that built the tracker and this subscription.
    if (tracker.size !== map.size) {
      setLayout((n) => n + 1);
      return;
    }
    const onCells = (event: Y.YMapEvent<unknown>) => {
      for (const key of event.keysChanged) {
        const pair = parseCoverageKey(key);
        if (pair) tracker.setCell(pair[0], pair[1], map.get(key) === true);
      }
      setRevision((n) => n + 1);
    };
    map.observe(onCells);
    return () => map.unobserve(onCells);
  }, [map, tracker]);

  const lookup = useMemo(() => assessmentLookup(ruleAssessments), [ruleAssessments]);
  // One object per change (a tick, the assessments, the route): what the matrix's section compares.
  return useMemo(
    () =>
      field && tracker
        ? { field, assessments: readAll, lookup, routeRequired, tickedFor: (competencyId: string) => tracker.tickedFor(competencyId), report: tracker.report(), loaded }
        : null,
    // revision: a tick changed the tracker's report.
    [field, tracker, readAll, lookup, routeRequired, loaded, revision],
  );
}

/** The User Timing measure of each full coverage computation in the page (bench/scale.ts reads it). */
export const COVERAGE_MEASURE = "concord:coverage";
