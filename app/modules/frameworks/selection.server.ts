/**
 * What the "Add competencies" picker reads: the frameworks to choose from, and the competencies a
 * selection stands for. A selection is ticked competencies (`ids`, the node alone) and ticked
 * branches (`branches`, the node and its whole subtree), so ticking the top of a 5,000-competency
 * branch sends one id, and the picker never has to load the subtree.
 *
 * A subtree is a `position` range: positions are the pre-order index (0 … n-1), so a node's
 * descendants are the rows from its position up to the next row at its depth or shallower. Each
 * selected id becomes one range, the ranges are merged, and one indexed range join reads them.
 */
import { and, asc, eq, sql } from "drizzle-orm";
import { db } from "~/db.server";
import { frameworkCompetencies, frameworks } from "../../../db/schema/frameworks";
import { frameworkLabel, type PickedCompetency } from "~/modules/documents/kinds/competency-references";
import { branchLabeller } from "~/modules/frameworks/branches.server";
import { listFrameworks } from "~/modules/frameworks/library.server";

/** How many competencies one selection may stand for (the largest frameworks hold ~50,000). */
export const MAX_SELECTED_COMPETENCIES = 50_000;

export type FrameworkChoice = {
  /** The latest version's id. */
  id: string;
  /** frameworkLabel(name, versionLabel): "Plumber (2024)". */
  label: string;
  competencyCount: number;
  language: string | null;
};

export type CompetencySelection = {
  /** Competencies ticked on their own. */
  ids: readonly string[];
  /** Competencies ticked with their whole subtree. */
  branches: readonly string[];
};

/** A selection that cannot be read: unknown ids, another framework's ids, or too many results. */
export class SelectionError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "SelectionError";
  }
}

/** The latest version of every framework, labelled as a specification's rows will name it. */
export async function frameworkChoices(): Promise<FrameworkChoice[]> {
  const list = await listFrameworks();
  return list.map((f) => ({
    id: f.id,
    label: frameworkLabel(f.name, f.versionLabel),
    competencyCount: f.competencyCount,
    language: f.language,
  }));
}

const fc = frameworkCompetencies;

/**
 * The competencies `selection` stands for, deduplicated, in tree order (pre-order), each with its
 * top-level branch label and URI. Throws SelectionError when an id is not a competency of this
 * framework or when the selection exceeds MAX_SELECTED_COMPETENCIES.
 */
export async function competenciesForSelection(frameworkId: string, selection: CompetencySelection): Promise<PickedCompetency[]> {
  const branchIds = new Set(selection.branches);
  const wanted = [...new Set([...selection.ids, ...selection.branches])];
  if (wanted.length === 0) return [];

  const [framework] = await db()
    .select({ name: frameworks.name, versionLabel: frameworks.versionLabel })
    .from(frameworks)
    .where(eq(frameworks.id, frameworkId))
    .limit(1);
  if (!framework) throw new SelectionError("This framework does not exist (it may have been deleted).");

  // Passed as one JSON parameter: 50,000 ids as separate parameters would pass Postgres's limit.
  const wantedJson = JSON.stringify(wanted);
  const branchesJson = JSON.stringify([...branchIds]);
  // Written out in full: drizzle leaves columns unqualified inside a select list, which a
  // correlated subquery on the same table would read as its own.
  const found = await db()
    .select({
      id: fc.id,
      position: fc.position,
      end: sql<number>`CASE WHEN framework_competencies.id IN (SELECT jsonb_array_elements_text(${branchesJson}::jsonb))
        THEN coalesce(
          (SELECT next.position FROM framework_competencies AS next
            WHERE next.framework_id = framework_competencies.framework_id
              AND next.position > framework_competencies.position
              AND next.depth <= framework_competencies.depth
            ORDER BY next.position LIMIT 1),
          (SELECT max(last.position) + 1 FROM framework_competencies AS last
            WHERE last.framework_id = framework_competencies.framework_id))
        ELSE framework_competencies.position + 1 END`,
    })
    .from(fc)
    .where(and(eq(fc.frameworkId, frameworkId), sql`${fc.id} IN (SELECT jsonb_array_elements_text(${wantedJson}::jsonb))`));
  if (found.length !== wanted.length) {
    const known = new Set(found.map((row) => row.id));
    const unknown = wanted.filter((id) => !known.has(id));
    throw new SelectionError(
      `${unknown.length === 1 ? "1 selected competency is" : `${unknown.length} selected competencies are`} not in this framework: ${unknown.slice(0, 5).join(", ")}${unknown.length > 5 ? ", …" : ""}.`,
    );
  }

  const ranges = mergeRanges(found.map((row) => ({ start: Number(row.position), end: Number(row.end) })));
  const total = ranges.reduce((sum, range) => sum + range.end - range.start, 0);
  if (total > MAX_SELECTED_COMPETENCIES) {
    throw new SelectionError(
      `The selection holds ${total.toLocaleString("en-CA")} competencies; at most ${MAX_SELECTED_COMPETENCIES.toLocaleString("en-CA")} can be added at once.`,
    );
  }

  const [rows, branchOf] = await Promise.all([
    db()
      .select({ id: fc.id, code: fc.code, statement: fc.statement, sourceUri: fc.sourceUri, position: fc.position })
      .from(fc)
      .where(
        and(
          eq(fc.frameworkId, frameworkId),
          // The positions themselves (at most MAX_SELECTED_COMPETENCIES of them), not a range join:
          // a hashed set stays linear however many separate ids are ticked.
          sql`${fc.position} IN (SELECT generate_series(selected_range."start", selected_range."end" - 1)
            FROM jsonb_to_recordset(${JSON.stringify(ranges)}::jsonb) AS selected_range("start" int, "end" int))`,
        ),
      )
      .orderBy(asc(fc.position))
      .limit(MAX_SELECTED_COMPETENCIES + 1),
    branchLabeller(db(), [frameworkId]),
  ]);

  const label = frameworkLabel(framework.name, framework.versionLabel);
  return rows.map((row) => ({
      frameworkId,
      framework: label,
      competencyId: row.id,
      code: row.code,
      statement: row.statement,
      uri: row.sourceUri,
      branch: branchOf(frameworkId, row.position),
    }));
}

type Range = { start: number; end: number };

/** Sorted, non-overlapping ranges covering the same positions (a branch inside a branch, adjacent ids). */
export function mergeRanges(ranges: readonly Range[]): Range[] {
  const sorted = [...ranges].filter((r) => r.end > r.start).sort((a, b) => a.start - b.start);
  const merged: Range[] = [];
  for (const range of sorted) {
    const last = merged[merged.length - 1];
    if (last && range.start <= last.end) last.end = Math.max(last.end, range.end);
    else merged.push({ ...range });
  }
  return merged;
}
