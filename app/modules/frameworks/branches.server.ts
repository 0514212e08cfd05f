/**
 * A competency's framework branch: its top-level ancestor as "code statement" (its own label when
 * it is top-level), the `branch` a specification row copies. `position` is the pre-order index of
 * the whole tree, so the branch is the last top-level node at or before the competency: one small
 * query for the top-level nodes (tens) serves any number of competencies, in any framework version.
 */
import { and, asc, inArray, isNull } from "drizzle-orm";
import type { Queryable } from "../../../db/client";
import { frameworkCompetencies } from "../../../db/schema/frameworks";
import { nodeLabel } from "~/modules/documents/kinds/competency-references";

const fc = frameworkCompetencies;

export type BranchOf = (frameworkId: string, position: number) => string | null;

export async function branchLabeller(q: Queryable, frameworkIds: readonly string[]): Promise<BranchOf> {
  const tops = new Map<string, Array<{ position: number; label: string }>>();
  if (frameworkIds.length > 0) {
    const rows = await q
      .select({ frameworkId: fc.frameworkId, code: fc.code, statement: fc.statement, position: fc.position })
      .from(fc)
      .where(and(inArray(fc.frameworkId, [...new Set(frameworkIds)]), isNull(fc.parentId)))
      .orderBy(asc(fc.position));
    for (const row of rows) {
      const list = tops.get(row.frameworkId) ?? [];
      list.push({ position: row.position, label: nodeLabel(row.code, row.statement) });
      tops.set(row.frameworkId, list);
    }
  }
  return (frameworkId, position) => {
    const list = tops.get(frameworkId);
    if (!list) return null;
    // The last top-level node at or before `position` (binary search over position order).
    let low = 0;
    let high = list.length - 1;
    let found = -1;
    while (low <= high) {
      const middle = (low + high) >> 1;
      if (list[middle]!.position <= position) {
        found = middle;
        low = middle + 1;
      } else high = middle - 1;
    }
    return found < 0 ? null : list[found]!.label;
  };
}
