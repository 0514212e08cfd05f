import * as Y from "yjs";
import type { JsonValue } from "~/modules/documents/model/types";

/**
 * The cells of a coverage field (an assessment plan's matrix): one Y.Map per document, keyed
 * `<assessmentRowId>|<competencyId>` → true. One flat map rather than an array per assessment or
 * per competency, so that concurrent ticks of different cells are different keys and always merge,
 * and nothing nested has to be created before people edit. Unticking deletes the key.
 */

const SEPARATOR = "|";

export function coverageKey(columnId: string, competencyId: string): string {
  return `${columnId}${SEPARATOR}${competencyId}`;
}

/** [columnId, competencyId]; null for a key that is not a cell. Row ids never hold "|". */
export function parseCoverageKey(key: string): [string, string] | null {
  const at = key.indexOf(SEPARATOR);
  if (at <= 0 || at === key.length - 1) return null;
  return [key.slice(0, at), key.slice(at + 1)];
}

/** The canonical value: the ticked keys, sorted. Reads the stored map ({key: true}) or a canonical array. */
export function normaliseCoverage(value: JsonValue | undefined): string[] {
  const keys: string[] = [];
  if (Array.isArray(value)) {
    for (const item of value) if (typeof item === "string" && parseCoverageKey(item)) keys.push(item);
  } else if (value !== null && typeof value === "object") {
    for (const [key, ticked] of Object.entries(value)) if (ticked === true && parseCoverageKey(key)) keys.push(key);
  }
  return [...new Set(keys)].sort();
}

/** Ticked cells of a canonical (or stored) value as [columnId, competencyId] pairs. */
export function coveragePairs(value: JsonValue | undefined): Array<[string, string]> {
  return normaliseCoverage(value).map((key) => parseCoverageKey(key)!);
}

/** Ticked cells of a live map. */
export function* liveCoveragePairs(map: Y.Map<unknown>): Generator<[string, string]> {
  for (const [key, ticked] of map.entries()) {
    if (ticked !== true) continue;
    const pair = parseCoverageKey(key);
    if (pair) yield pair;
  }
}

/**
 * Ticks (or unticks) one column's cells for many competencies, writing only what changes.
 * Returns how many cells changed. Call inside the caller's transaction or alone.
 */
export function writeCoverage(map: Y.Map<unknown>, columnId: string, competencyIds: Iterable<string>, ticked: boolean): number {
  let changed = 0;
  const apply = () => {
    for (const competencyId of competencyIds) {
      const key = coverageKey(columnId, competencyId);
      const current = map.get(key) === true;
      if (current === ticked) continue;
      if (ticked) map.set(key, true);
      else map.delete(key);
      changed += 1;
    }
  };
  if (map.doc) map.doc.transact(apply);
  else apply();
  return changed;
}

/** Deletes every cell of the given columns (their assessments were removed). */
export function clearCoverageColumns(map: Y.Map<unknown>, columnIds: ReadonlySet<string>): number {
  if (columnIds.size === 0) return 0;
  const doomed: string[] = [];
  for (const key of map.keys()) {
    const pair = parseCoverageKey(key);
    if (pair && columnIds.has(pair[0])) doomed.push(key);
  }
  for (const key of doomed) map.delete(key);
  return doomed.length;
}
