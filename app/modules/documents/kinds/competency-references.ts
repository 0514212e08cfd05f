import * as Y from "yjs";
import { CREDENTIAL_SPEC } from "~/modules/documents/kinds/credential-spec";
import type { JsonValue } from "~/modules/documents/model/types";
import { addRows, fieldsMap, newRowId } from "~/modules/documents/model/ydoc";

/**
 * A specification's competencies as references to the framework library (ADR 0012). Pure: the
 * picker (browser) and the server's one-time migration (projection repair) both write rows
 * through here, so a reference row has one shape wherever it is made.
 *
 * A reference row: { source: "framework", frameworkId, competencyId, framework, branch, code, uri,
 * title } + what belongs to this credential (level, essential, outcome). The library's words are
 * copied into the row when it is picked: the signed content then says what was agreed even if a
 * later framework version rewords it, and the canonical form needs no database to be read.
 */

export const COMPETENCIES_KEY = "competencies";

/** One competency of a framework version, as the picker hands it over (the library's words). */
export type PickedCompetency = {
  /** The framework version's id (frameworks.id). */
  frameworkId: string;
  /** What people read as the framework: its name and version, e.g. "Plumber (2024)". */
  framework: string;
  /** The competency's id in the library (framework_competencies.id). */
  competencyId: string;
  code: string | null;
  statement: string;
  uri: string | null;
  /** The top-level ancestor's label ("A Common occupational skills"); the node's own when it is one. */
  branch: string | null;
};

/** "Name (version label)", or the name alone: the framework as the row and the table show it. */
export function frameworkLabel(name: string, versionLabel: string | null): string {
  return versionLabel ? `${name} (${versionLabel})` : name;
}

/** "CAP.1 Climate information": a node's code and statement as one label. */
export function nodeLabel(code: string | null, statement: string): string {
  return code ? `${code} ${statement}` : statement;
}

/** The library's part of a reference row: what a pick or a version update writes. */
export function referenceCells(picked: PickedCompetency): Record<string, JsonValue> {
  return {
    source: "framework",
    frameworkId: picked.frameworkId,
    competencyId: picked.competencyId,
    framework: picked.framework,
    branch: picked.branch,
    code: picked.code,
    uri: picked.uri,
    title: picked.statement,
  };
}

/** The library competency ids a specification's rows reference now. */
export function referencedCompetencyIds(ydoc: Y.Doc): Set<string> {
  const ids = new Set<string>();
  const rows = fieldsMap(ydoc).get(COMPETENCIES_KEY);
  if (!(rows instanceof Y.Array)) return ids;
  for (const row of rows) {
    if (!(row instanceof Y.Map)) continue;
    const id = row.get("competencyId");
    if (row.get("source") === "framework" && typeof id === "string") ids.add(id);
  }
  return ids;
}

/**
 * Appends the picked competencies the specification does not reference yet, in the order given,
 * in one transaction (one update for everyone). `defaults` are this credential's cells for every
 * new row (e.g. essential: true). Returns the new rows' ids.
 */
export function addPickedCompetencies(
  ydoc: Y.Doc,
  picked: readonly PickedCompetency[],
  defaults: Record<string, JsonValue> = {},
  origin?: unknown,
): string[] {
  const present = referencedCompetencyIds(ydoc);
  const rows: (Record<string, JsonValue> & { id: string })[] = [];
  for (const competency of picked) {
    if (present.has(competency.competencyId)) continue;
    present.add(competency.competencyId);
    rows.push({ ...defaults, ...referenceCells(competency), id: newRowId() });
  }
  if (rows.length === 0) return [];
  return addRows(ydoc, CREDENTIAL_SPEC, COMPETENCIES_KEY, rows, origin);
}

// ---------------------------------------------------------------------------------------------
// The one-time migration of copied rows (written before the library existed) to references.
// ---------------------------------------------------------------------------------------------

/** A row that names a competency by copied text but not by library id. */
export type UnlinkedRow = { rowId: string; framework: string | null; code: string | null; uri: string | null; title: string | null };

function text(value: unknown): string | null {
  return typeof value === "string" && value.trim() !== "" ? value.trim() : null;
}

/**
 * Rows to link: those written before references existed (no `source`) and framework rows that
 * name their competency only by text (demo and benchmark builders). Custom rows are people's
 * choice and never linked behind their back.
 */
export function rowsAwaitingLink(ydoc: Y.Doc): UnlinkedRow[] {
  const out: UnlinkedRow[] = [];
  const rows = fieldsMap(ydoc).get(COMPETENCIES_KEY);
  if (!(rows instanceof Y.Array)) return out;
  for (const row of rows) {
    if (!(row instanceof Y.Map)) continue;
    const rowId = row.get("id");
    const source = row.get("source");
    if (typeof rowId !== "string" || source === "custom") continue;
    if (source === "framework" && text(row.get("competencyId"))) continue;
    out.push({ rowId, framework: text(row.get("framework")), code: text(row.get("code")), uri: text(row.get("uri")), title: text(row.get("title")) });
  }
  return out;
}

/** Statements compared as people read them: case, spacing and a final full stop aside. */
export function sameStatement(a: string | null, b: string | null): boolean {
  const normal = (s: string | null) => (s ?? "").trim().replace(/\s+/g, " ").replace(/[.;:]$/, "").toLocaleLowerCase("en-CA");
  return normal(a) === normal(b);
}

/**
 * Writes what the library lookup found, in one transaction: a found competency turns its row into
 * a reference (the library's words, which equal the row's: see resolveCopiedCompetencies); null
 * marks the row custom. Cells that already hold the value are not rewritten. Returns rows changed.
 */
export function linkRows(ydoc: Y.Doc, links: ReadonlyMap<string, PickedCompetency | null>, origin?: unknown): number {
  const rows = fieldsMap(ydoc).get(COMPETENCIES_KEY);
  if (!(rows instanceof Y.Array) || links.size === 0) return 0;
  let changed = 0;
  ydoc.transact(() => {
    for (const row of rows) {
      if (!(row instanceof Y.Map)) continue;
      const rowId = row.get("id");
      if (typeof rowId !== "string" || !links.has(rowId)) continue;
      const picked = links.get(rowId) ?? null;
      const cells: Record<string, JsonValue> = picked ? referenceCells(picked) : { source: "custom", frameworkId: null, competencyId: null };
      let wrote = false;
      for (const [key, value] of Object.entries(cells)) {
        if (value === null ? !row.has(key) : row.get(key) === value) continue;
        if (value === null) row.delete(key);
        else row.set(key, value);
        wrote = true;
      }
      if (wrote) changed += 1;
    }
  }, origin);
  return changed;
}
