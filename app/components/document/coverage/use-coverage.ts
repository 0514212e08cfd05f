import { useEffect, useMemo, useState } from "react";
import * as Y from "yjs";
import { computeCoverage, type CoverageAssessment, type CoverageCompetency, type CoverageReport } from "~/modules/coverage/rules";
import { evidenceKindOf, methodLabel, type EvidenceKind } from "~/modules/coverage/methods";
import { coverageMap, fieldsMap, parseCoverageKey, type JsonValue, type ProjectedCompetency } from "~/modules/documents/model";
import { normaliseCoverage } from "~/modules/documents/model/coverage-cells";

/**
 * The coverage matrix's subscriptions to the shared document, sized to what the matrix needs:
 *
 * - the coverage Y.Map, shallow: one event per transaction, so a bulk "map 500 competencies" is one
 *   re-read, and a colleague's tick is one too;
 * - the assessments Y.Array, deep: a renamed assessment or a changed method changes the headers and
 *   the evidence kinds (a handful of rows, cheap to re-read);
 * - the fields map, shallow, for the two keys only: a repaired layout replaces them.
 *
 * The report (computeCoverage: linear, a few ms for 3,000 × 60) is recomputed only when one of those
 * changed or the competencies did. Before the Y.Doc exists (server render) it reads the stored JSON.
 */

/** The User Timing measure of each live coverage computation. */
export const COVERAGE_MEASURE = "concord:coverage";

export type MatrixAssessment = CoverageAssessment & {
  /** "Direct observation"; null without a method yet. */
  methodLabel: string | null;
  evidence: EvidenceKind | null;
};

export type LiveCoverage = {
  /** The plan's assessments with an id, in plan order: the matrix's columns. */
  assessments: readonly MatrixAssessment[];
  /** Ticked cells as coverage keys (`<assessmentId>|<competencyId>`), cells of unknown ids included. */
  ticked: ReadonlySet<string>;
  /** Per competency (report.byId[…].assessmentIds) the assessments that assess it, in plan order. */
  report: CoverageReport;
};

export type UseCoverageOptions = {
  ydoc: Y.Doc | null;
  /** The coverage field's key ("coverage"). */
  fieldKey: string;
  /** The rows field whose rows are the columns ("assessments"). */
  columnsKey: string;
  /** editing.fields[fieldKey] and editing.fields[columnsKey]: read only before the Y.Doc exists. */
  storedCoverage: JsonValue | undefined;
  storedAssessments: JsonValue | undefined;
  competencies: readonly ProjectedCompetency[] | undefined;
  /** The credential offers the assessment-only route (fields.assessmentOnlyOffered === true). */
  routeRequired: boolean;
};

function text(value: unknown): string | null {
  return typeof value === "string" && value.trim() !== "" ? value : null;
}

function toAssessment(cells: { get(key: string): unknown }): MatrixAssessment | null {
  const id = text(cells.get("id"));
  if (!id) return null;
  const method = text(cells.get("method"));
  return {
    id,
    name: text(cells.get("name")),
    method,
    setting: text(cells.get("setting")),
    assessmentOnlyRoute: cells.get("assessmentOnlyRoute") === true,
    methodLabel: methodLabel(method),
    evidence: evidenceKindOf(method),
  };
}

function readAssessments(items: Iterable<unknown>): MatrixAssessment[] {
  const out: MatrixAssessment[] = [];
  const seen = new Set<string>();
  for (const item of items) {
    let assessment: MatrixAssessment | null = null;
    if (item instanceof Y.Map) assessment = toAssessment(item);
    else if (item !== null && typeof item === "object" && !Array.isArray(item)) {
      const record = item as Record<string, unknown>;
      assessment = toAssessment({ get: (key) => record[key] });
    }
    if (!assessment || seen.has(assessment.id)) continue;
    seen.add(assessment.id);
    out.push(assessment);
  }
  return out;
}

/** The specification's competency as the rules see it: unset "essential" counts as essential (as planCoverage does). */
function toCompetency(competency: ProjectedCompetency): CoverageCompetency {
  return { id: competency.id, code: competency.code, title: competency.title, branch: competency.branch ?? null, essential: competency.essential !== false };
}

function liveArray(ydoc: Y.Doc, key: string): Y.Array<unknown> | null {
  const value = fieldsMap(ydoc).get(key);
  return value instanceof Y.Array ? value : null;
}

const NO_COMPETENCIES: readonly ProjectedCompetency[] = [];

export function useCoverage({ ydoc, fieldKey, columnsKey, storedCoverage, storedAssessments, competencies, routeRequired }: UseCoverageOptions): LiveCoverage {
  // Bumped when the fields map replaces one of the two keys; then the Y types are looked up again.
  const [layoutRevision, setLayoutRevision] = useState(0);
  const [cellsRevision, setCellsRevision] = useState(0);
  const [columnsRevision, setColumnsRevision] = useState(0);

  // layoutRevision is a dependency on purpose: it says when to look the Y types up again.
  const map = useMemo(() => (ydoc ? coverageMap(ydoc, fieldKey) : null), [ydoc, fieldKey, layoutRevision]);
  const array = useMemo(() => (ydoc ? liveArray(ydoc, columnsKey) : null), [ydoc, columnsKey, layoutRevision]);

  useEffect(() => {
    if (!ydoc) return;
    const fields = fieldsMap(ydoc);
    const onFields = (event: Y.YMapEvent<unknown>) => {
      if (event.keysChanged.has(fieldKey) || event.keysChanged.has(columnsKey)) setLayoutRevision((n) => n + 1);
    };
    fields.observe(onFields);
    return () => fields.unobserve(onFields);
  }, [ydoc, fieldKey, columnsKey]);

  useEffect(() => {
    if (!map) return;
    const onCells = () => setCellsRevision((n) => n + 1);
    map.observe(onCells);
    return () => map.unobserve(onCells);
  }, [map]);

  useEffect(() => {
    if (!array) return;
    const onColumns = () => setColumnsRevision((n) => n + 1);
    array.observeDeep(onColumns);
    return () => array.unobserveDeep(onColumns);
  }, [array]);

  // Offline the stored JSON is the source; once live it is ignored (it changes with every tick).
  const offlineCoverage = ydoc ? undefined : storedCoverage;
  const offlineAssessments = ydoc ? undefined : storedAssessments;

  const ticked = useMemo(() => {
    if (map) {
      const keys = new Set<string>();
      for (const [key, value] of map.entries()) if (value === true && parseCoverageKey(key)) keys.add(key);
      return keys;
    }
    return new Set(ydoc ? [] : normaliseCoverage(offlineCoverage));
    // cellsRevision: the map changed.
  }, [map, ydoc, offlineCoverage, cellsRevision]);

  const assessments = useMemo(
    () => (array ? readAssessments(array) : ydoc ? [] : readAssessments(Array.isArray(offlineAssessments) ? offlineAssessments : [])),
    // columnsRevision: an assessment was added, removed or edited.
    [array, ydoc, offlineAssessments, columnsRevision],
  );

  const linked = competencies ?? NO_COMPETENCIES;
  const coverageCompetencies = useMemo(() => linked.map(toCompetency), [linked]);

  const report = useMemo(() => {
    const started = performance.now();
    // ticked holds only keys that parse; it changes exactly when the cells do.
    const cells = [...ticked].map((key) => parseCoverageKey(key)!);
    const computed = computeCoverage({ competencies: coverageCompetencies, assessments, cells, routeRequired });
    // A User Timing entry per computation: what bench/scale.ts reads as "coverage in the browser".
    if (typeof window !== "undefined") performance.measure(COVERAGE_MEASURE, { start: started });
    return computed;
  }, [ticked, coverageCompetencies, assessments, routeRequired]);

  return { assessments, ticked, report };
}
