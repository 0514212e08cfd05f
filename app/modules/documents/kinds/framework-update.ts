import * as Y from "yjs";
import { COMPETENCIES_KEY, referenceCells, type PickedCompetency } from "~/modules/documents/kinds/competency-references";
import { CREDENTIAL_SPEC } from "~/modules/documents/kinds/credential-spec";
import type { JsonValue } from "~/modules/documents/model/types";
import { cellPath } from "~/modules/documents/model/values";
import { fieldsMap, setValue } from "~/modules/documents/model/ydoc";

/**
 * Moving a specification's references from one framework version to a newer one (issue 13). Pure:
 * the server computes the update (app/modules/frameworks/spec-updates.server.ts), the editor's
 * browser applies it to the live Y.Doc — the person's own edit, through their socket, like a pick.
 */

/** What a newer version changed in one competency the specification references. */
export type FrameworkUpdateChange = {
  kind: "reworded" | "removed" | "recoded";
  /** The referenced competency (framework_competencies.id in the version the rows use now). */
  rowCompetencyId: string;
  /** Its code in the version used now. */
  code: string | null;
  /** reworded: the statement used now; recoded: the code used now; removed: the statement. */
  before: string;
  /** reworded: the new statement; recoded: the new code (null: it has none); removed: null. */
  after: string | null;
};

/** A referenced competency and what stands for it in the newer version (null: removed there). */
export type FrameworkReplacement = { fromCompetencyId: string; to: PickedCompetency | null };

export type FrameworkVersionRef = { number: number; label: string | null };

/** A newer version of a framework version the specification references. */
export type FrameworkUpdate = {
  fromFrameworkId: string;
  toFrameworkId: string;
  name: string;
  fromVersion: FrameworkVersionRef;
  toVersion: FrameworkVersionRef;
  /** Only competencies this specification references; unchanged ones are not listed. */
  changes: FrameworkUpdateChange[];
  /** Every referenced competency, unchanged ones included (ids differ in every version). */
  replacements: FrameworkReplacement[];
};

export type FrameworkUpdateResult = {
  /** Rows now referencing the newer version. */
  updated: number;
  /** Rows whose competency the newer version removed: now custom competencies. */
  madeCustom: number;
};

/** Cells a custom row does not have: the library ids (its copied words stay). */
const LIBRARY_IDS = ["frameworkId", "competencyId"] as const;

/**
 * Moves every row referencing `fromFrameworkId` to its replacement, in ONE transaction (one update
 * for everyone): the library's cells are rewritten, this credential's own (level, essential,
 * outcome) are untouched. A row whose competency was removed becomes a custom competency keeping
 * its code, title and URI, so nothing written is lost. A row the update does not list (added after
 * it was computed) is left as it is: the next page load offers the update again.
 */
export function applyFrameworkUpdate(
  ydoc: Y.Doc,
  update: Pick<FrameworkUpdate, "fromFrameworkId" | "replacements">,
  origin?: unknown,
): FrameworkUpdateResult {
  const replacements = new Map(update.replacements.map((r) => [r.fromCompetencyId, r.to]));
  const result: FrameworkUpdateResult = { updated: 0, madeCustom: 0 };
  const rows = fieldsMap(ydoc).get(COMPETENCIES_KEY);
  if (!(rows instanceof Y.Array)) return result;
  ydoc.transact(() => {
    for (const row of rows.toArray()) {
      if (!(row instanceof Y.Map) || row.get("source") !== "framework" || row.get("frameworkId") !== update.fromFrameworkId) continue;
      const rowId = row.get("id");
      const competencyId = row.get("competencyId");
      if (typeof rowId !== "string" || typeof competencyId !== "string" || !replacements.has(competencyId)) continue;
      const to = replacements.get(competencyId) ?? null;
      const cells: Record<string, JsonValue> = to
        ? referenceCells(to)
        : { source: "custom", ...Object.fromEntries(LIBRARY_IDS.map((key) => [key, null])) };
      for (const [cell, value] of Object.entries(cells)) setValue(ydoc, CREDENTIAL_SPEC, cellPath(COMPETENCIES_KEY, rowId, cell), value);
      if (to) result.updated += 1;
      else result.madeCustom += 1;
    }
  }, origin);
  return result;
}

/** Whether the specification's rows (stored fields, as the page reads them) still reference this version. */
export function referencesFrameworkVersion(fields: Record<string, JsonValue>, frameworkId: string): boolean {
  const rows = fields[COMPETENCIES_KEY];
  if (!Array.isArray(rows)) return false;
  return rows.some((row) => row !== null && typeof row === "object" && !Array.isArray(row) && row.source === "framework" && row.frameworkId === frameworkId);
}
