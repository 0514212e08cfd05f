import * as Y from "yjs";
import { addRows, fieldsMap } from "~/modules/documents/model/ydoc";
import type { JsonValue, ProjectedCompetency } from "~/modules/documents/model/types";
import { ASSESSMENT_PLAN, assessmentRowsFor, type AssessmentRowLike } from "~/modules/documents/kinds/assessment-plan";

export type AssessmentSyncResult = {
  /** Competency ids that got a new row. */
  added: string[];
  /** Rows whose copied code or title was refreshed from the specification. */
  refreshed: number;
  /** Row ids kept although their competency left the specification. */
  orphaned: string[];
  /** Row ids kept although another row already covers their competency. */
  duplicates: string[];
};

type LiveRow = AssessmentRowLike & { map: Y.Map<unknown> };

/**
 * Brings a plan's rows in line with its specification's competencies, in one transaction: a new
 * row (with the competency's code and title copied) for each competency without one, refreshed
 * code and title on existing rows, and NOTHING deleted — orphaned and duplicate rows are reported
 * and flagged in the UI for people to resolve.
 *
 * Run it in one place, the server (e.g. when the plan is loaded or the specification is saved):
 * two clients syncing at the same moment would each add a row for the same new competency. That
 * case is still safe — the second row shows up as a "duplicate" — but needs a person to merge it.
 * Idempotent: a second run changes nothing and writes no update.
 */
export function syncAssessmentRows(ydoc: Y.Doc, specCompetencies: readonly ProjectedCompetency[], origin?: unknown): AssessmentSyncResult {
  const result: AssessmentSyncResult = { added: [], refreshed: 0, orphaned: [], duplicates: [] };
  ydoc.transact(() => {
    const array = fieldsMap(ydoc).get("assessments");
    const rows: LiveRow[] = [];
    if (array instanceof Y.Array) {
      for (const item of array) {
        if (!(item instanceof Y.Map)) continue;
        const id = item.get("id");
        rows.push({ id: typeof id === "string" ? id : null, competencyId: item.get("competencyId") as JsonValue, map: item });
      }
    }
    const toAdd: Record<string, JsonValue>[] = [];
    for (const entry of assessmentRowsFor(specCompetencies, rows)) {
      if (entry.status === "new") {
        toAdd.push({ competencyId: entry.competency.id, competencyCode: entry.competency.code, competencyTitle: entry.competency.title });
        result.added.push(entry.competency.id);
      } else if (entry.status === "linked") {
        let changed = false;
        for (const [cell, value] of [
          ["competencyCode", entry.competency.code],
          ["competencyTitle", entry.competency.title],
        ] as const) {
          if ((entry.row.map.get(cell) ?? null) === value) continue;
          if (value === null) entry.row.map.delete(cell);
          else entry.row.map.set(cell, value);
          changed = true;
        }
        if (changed) result.refreshed += 1;
      } else if (entry.row.id) {
        (entry.status === "orphaned" ? result.orphaned : result.duplicates).push(entry.row.id);
      }
    }
    if (toAdd.length) addRows(ydoc, ASSESSMENT_PLAN, "assessments", toAdd);
  }, origin);
  return result;
}
