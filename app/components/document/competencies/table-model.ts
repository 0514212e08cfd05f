/**
 * The pure half of the competency table (CompetencyTable.tsx): which rows a filter keeps, how they
 * group by framework branch, the flat list of virtual rows the scroll container renders a window
 * of, and the tri-state "select all shown". No React, no Yjs: the component reads a summary of each
 * row and renders what these functions decide.
 */

/** What the table needs of a competency row to filter and group it (the cells live in the row's Y.Map). */
export type CompetencySummary = {
  id: string;
  /** "framework" for a reference to a library competency; anything else is a custom competency. */
  source: string | null;
  branch: string | null;
  code: string | null;
  title: string | null;
  outcome: string | null;
  level: string | null;
  essential: boolean | null;
};

export const SHOW_OPTIONS = [
  { value: "all", label: "All" },
  { value: "essential", label: "Essential" },
  { value: "optional", label: "Optional" },
  { value: "custom", label: "Custom only" },
  { value: "missing_level", label: "Missing a level" },
] as const;

export type ShowFilter = (typeof SHOW_OPTIONS)[number]["value"];

export function isShowFilter(value: string): value is ShowFilter {
  return SHOW_OPTIONS.some((option) => option.value === value);
}

export const CUSTOM_GROUP = { key: "custom", label: "Custom competencies" } as const;
export const OTHER_GROUP = { key: "other", label: "Other" } as const;

function text(value: unknown): string | null {
  return typeof value === "string" && value.trim() !== "" ? value : null;
}

/** A row's summary from its cells (a Y.Map's toJSON or the stored JSON); null for a row without an id. */
export function summarize(cells: Readonly<Record<string, unknown>>): CompetencySummary | null {
  const id = text(cells.id);
  if (!id) return null;
  return {
    id,
    source: text(cells.source),
    branch: text(cells.branch),
    code: text(cells.code),
    title: text(cells.title),
    outcome: text(cells.outcome),
    level: text(cells.level),
    essential: typeof cells.essential === "boolean" ? cells.essential : null,
  };
}

export function isCustom(row: Pick<CompetencySummary, "source">): boolean {
  return row.source !== "framework";
}

/**
 * Whether a row passes the filter box (code, title or outcome contains the query, ignoring case)
 * and the "Show" choice. A row whose essential flag is not set is neither essential nor optional:
 * it shows under "All" only, where validation flags it.
 */
export function matches(row: CompetencySummary, query: string, show: ShowFilter): boolean {
  switch (show) {
    case "essential":
      if (row.essential !== true) return false;
      break;
    case "optional":
      if (row.essential !== false) return false;
      break;
    case "custom":
      if (!isCustom(row)) return false;
      break;
    case "missing_level":
      if (row.level !== null) return false;
      break;
    case "all":
      break;
  }
  const needle = query.trim().toLocaleLowerCase();
  if (needle === "") return true;
  return [row.code, row.title, row.outcome].some((value) => value !== null && value.toLocaleLowerCase().includes(needle));
}

/** Custom rows form one group, framework rows group by branch, framework rows without one go to "Other". */
export function groupOf(row: CompetencySummary): { key: string; label: string } {
  if (isCustom(row)) return CUSTOM_GROUP;
  if (row.branch === null) return OTHER_GROUP;
  return { key: `branch:${row.branch}`, label: row.branch };
}

export type CompetencyGroup = {
  key: string;
  label: string;
  /** The group's rows that pass the filter, in document order. */
  rows: CompetencySummary[];
  /** All the group's rows, filtered or not. */
  total: number;
};

/**
 * The rows that pass the filter, grouped; groups in the order their first row appears in the
 * document, rows in document order within a group. Groups with no row passing the filter are left out.
 */
export function groupRows(rows: readonly CompetencySummary[], query: string, show: ShowFilter): CompetencyGroup[] {
  const groups = new Map<string, CompetencyGroup>();
  for (const row of rows) {
    const { key, label } = groupOf(row);
    let group = groups.get(key);
    if (!group) {
      group = { key, label, rows: [], total: 0 };
      groups.set(key, group);
    }
    group.total += 1;
    if (matches(row, query, show)) group.rows.push(row);
  }
  return [...groups.values()].filter((group) => group.rows.length > 0);
}

/** One line of the virtual list: a group's header or a competency row. */
export type VirtualRow =
  | { type: "group"; key: string; label: string; count: number; total: number; collapsed: boolean }
  | { type: "row"; row: CompetencySummary; groupKey: string };

/** Groups and their rows as one list, a collapsed group contributing its header only. */
export function flatten(groups: readonly CompetencyGroup[], collapsed: ReadonlySet<string>): VirtualRow[] {
  const out: VirtualRow[] = [];
  for (const group of groups) {
    const closed = collapsed.has(group.key);
    out.push({ type: "group", key: group.key, label: group.label, count: group.rows.length, total: group.total, collapsed: closed });
    if (closed) continue;
    for (const row of group.rows) out.push({ type: "row", row, groupKey: group.key });
  }
  return out;
}

export type CompetencyTableModel = {
  groups: CompetencyGroup[];
  virtualRows: VirtualRow[];
  /** Ids of the rows passing the filter, collapsed groups included ("N of M shown"; "Select all shown"). */
  shownIds: string[];
  total: number;
};

export function buildTable(rows: readonly CompetencySummary[], options: { query: string; show: ShowFilter; collapsed: ReadonlySet<string> }): CompetencyTableModel {
  const groups = groupRows(rows, options.query, options.show);
  return {
    groups,
    virtualRows: flatten(groups, options.collapsed),
    shownIds: groups.flatMap((group) => group.rows.map((row) => row.id)),
    total: rows.length,
  };
}

/** Index of a row in the virtual list, or -1 when it is filtered out or in a collapsed group. */
export function virtualIndexOf(virtualRows: readonly VirtualRow[], rowId: string): number {
  return virtualRows.findIndex((line) => line.type === "row" && line.row.id === rowId);
}

/** The ticked rows a bulk action applies to: those still shown (a row filtered out since is left alone). */
export function selectedShown(shownIds: readonly string[], selected: ReadonlySet<string>): string[] {
  return shownIds.filter((id) => selected.has(id));
}

export type SelectAllState = "none" | "some" | "all";

/** The "Select all shown" checkbox: ticked when every shown row is, mixed when some are. */
export function selectAllState(shownIds: readonly string[], selected: ReadonlySet<string>): SelectAllState {
  const count = selectedShown(shownIds, selected).length;
  if (count === 0) return "none";
  return count === shownIds.length ? "all" : "some";
}

/**
 * What ticking "Select all shown" does: from "all" it clears the shown rows, otherwise it ticks
 * every shown row. Ticks on rows hidden by the filter are dropped either way, so no action can reach
 * a row the person cannot see listed.
 */
export function toggleAllShown(shownIds: readonly string[], selected: ReadonlySet<string>): Set<string> {
  return selectAllState(shownIds, selected) === "all" ? new Set() : new Set(shownIds);
}

export function toggleOne(selected: ReadonlySet<string>, id: string, on: boolean): Set<string> {
  const next = new Set(selected);
  if (on) next.add(id);
  else next.delete(id);
  return next;
}

/** "CAP.1.1 Interpret climate projections": how a row names itself in labels and headings. */
export function rowName(row: { code: string | null; title: string | null }): string {
  return [row.code, row.title].filter((part): part is string => part !== null && part !== "").join(" ") || "New competency";
}

