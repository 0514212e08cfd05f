import { useCallback, useEffect, useMemo, useRef, useState, useSyncExternalStore } from "react";
import * as Y from "yjs";
import { fieldsMap, type JsonValue } from "~/modules/documents/model";
import { summarize, type CompetencySummary } from "~/components/document/competencies/table-model";

/**
 * The competency table's subscriptions to the shared document, sized to what it shows:
 *
 * - useCompetencyRows observes the rows' Y.Array (membership and order only, not the cells) and
 *   re-reads the filter/group summary of every row when a row is added, removed or moved, or when
 *   the table asks (refresh: the filter changed, a bulk action ran). A keystroke in a cell does not
 *   reach it, so the list does not re-filter while someone types: the row being edited stays where
 *   it is instead of vanishing from "Missing a level" at the first letter.
 * - useRowCells observes ONE row's Y.Map: each rendered row (and the details panel) subscribes to
 *   its own, so a keystroke re-renders that row alone.
 *
 * Before the browser has its Y.Doc (server render, before connecting) both read the stored JSON.
 */

export type RowCells = Readonly<Record<string, JsonValue>>;

export type CompetencyRows = {
  /** Every row with an id, in document order, as of the last membership change or refresh. */
  rows: readonly CompetencySummary[];
  /** The row's live Y.Map; null before the Y.Doc exists or once the row is gone. */
  rowMap: (rowId: string) => Y.Map<unknown> | null;
  /** The row's stored cells, for rendering before the Y.Doc exists. */
  storedCells: (rowId: string) => RowCells | undefined;
  /** Re-reads the summaries (filter and grouping) from the document. */
  refresh: () => void;
};

const SUMMARY_CELLS = ["id", "source", "branch", "code", "title", "outcome", "level", "essential"] as const;

function rowsArray(ydoc: Y.Doc, rowsKey: string): Y.Array<unknown> | null {
  const value = fieldsMap(ydoc).get(rowsKey);
  return value instanceof Y.Array ? value : null;
}

function isRecord(value: unknown): value is Record<string, JsonValue> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

type Snapshot = { rows: CompetencySummary[]; maps: Map<string, Y.Map<unknown>>; stored: Map<string, RowCells> };

function readLive(array: Y.Array<unknown>): Snapshot {
  const rows: CompetencySummary[] = [];
  const maps = new Map<string, Y.Map<unknown>>();
  for (const item of array) {
    if (!(item instanceof Y.Map)) continue;
    // Only the cells the table filters on: cheaper than toJSON() on 3,000 rows.
    const summary = summarize(Object.fromEntries(SUMMARY_CELLS.map((key) => [key, item.get(key)])));
    if (!summary || maps.has(summary.id)) continue;
    rows.push(summary);
    maps.set(summary.id, item);
  }
  return { rows, maps, stored: new Map() };
}

function readStored(value: JsonValue | undefined): Snapshot {
  const rows: CompetencySummary[] = [];
  const stored = new Map<string, RowCells>();
  for (const cells of Array.isArray(value) ? value : []) {
    if (!isRecord(cells)) continue;
    const summary = summarize(cells);
    if (!summary || stored.has(summary.id)) continue;
    rows.push(summary);
    stored.set(summary.id, cells);
  }
  return { rows, maps: new Map(), stored };
}

const NO_ROWS: Snapshot = { rows: [], maps: new Map(), stored: new Map() };

export function useCompetencyRows(ydoc: Y.Doc | null, rowsKey: string, storedRows: JsonValue | undefined): CompetencyRows {
  // Bumped when the fields map's rows key is replaced (a repaired layout) or the rows change membership.
  const [arrayRevision, setArrayRevision] = useState(0);
  const [revision, setRevision] = useState(0);
  // arrayRevision is a dependency on purpose: it says when to look the array up again.
  const array = useMemo(() => (ydoc ? rowsArray(ydoc, rowsKey) : null), [ydoc, rowsKey, arrayRevision]);

  useEffect(() => {
    if (!ydoc) return;
    const fields = fieldsMap(ydoc);
    // Shallow: fires for top-level fields only, never for a keystroke inside a row.
    const onFields = (event: Y.YMapEvent<unknown>) => {
      if (event.keysChanged.has(rowsKey)) setArrayRevision((n) => n + 1);
    };
    fields.observe(onFields);
    return () => fields.unobserve(onFields);
  }, [ydoc, rowsKey]);

  useEffect(() => {
    if (!array) return;
    // Y.Array.observe (not observeDeep): insertions, deletions and moves of rows, not their cells.
    const onMembership = () => setRevision((n) => n + 1);
    array.observe(onMembership);
    return () => array.unobserve(onMembership);
  }, [array]);

  // Offline, the stored rows are the source; once live, they are ignored (they change on every keystroke).
  const offlineRows = ydoc ? undefined : storedRows;
  const snapshot = useMemo(
    () => (array ? readLive(array) : ydoc ? NO_ROWS : readStored(offlineRows)),
    // revision: the array's membership changed, or refresh() asked for a re-read.
    [array, ydoc, offlineRows, revision],
  );

  const rowMap = useCallback((rowId: string) => snapshot.maps.get(rowId) ?? null, [snapshot]);
  const storedCells = useCallback((rowId: string) => snapshot.stored.get(rowId), [snapshot]);
  const refresh = useCallback(() => setRevision((n) => n + 1), []);
  return { rows: snapshot.rows, rowMap, storedCells, refresh };
}

const NO_CELLS: RowCells = {};

/**
 * One row's cells, live: subscribed to that row's Y.Map only (its cells are plain values in the
 * specification's competencies, so a shallow observe sees every change).
 */
export function useRowCells(map: Y.Map<unknown> | null, stored: RowCells | undefined): RowCells {
  // The last read of this map, dropped when the map changes, so unchanged rows keep their object.
  const cache = useRef<{ map: Y.Map<unknown>; cells: RowCells } | null>(null);
  const subscribe = useCallback(
    (notify: () => void) => {
      if (!map) return () => {};
      const onChange = () => {
        cache.current = null;
        notify();
      };
      map.observe(onChange);
      return () => map.unobserve(onChange);
    },
    [map],
  );
  const getSnapshot = () => {
    if (!map) return stored ?? NO_CELLS;
    if (cache.current?.map !== map) cache.current = { map, cells: map.toJSON() as RowCells };
    return cache.current.cells;
  };
  return useSyncExternalStore(subscribe, getSnapshot, () => stored ?? NO_CELLS);
}
