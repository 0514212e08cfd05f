/**
 * The pure half of the coverage matrix (CoverageMatrix.tsx): which competencies the filters keep,
 * how they group by framework branch, the selection for bulk mapping, where the arrow keys move
 * focus in the grid, and which rows and columns of a 3,000 × 60 matrix are worth rendering.
 * No React, no Yjs: the component feeds it the live CoverageReport and renders what it decides.
 */
import type { CompetencyCoverage, CoverageStatus } from "~/modules/coverage/rules";

// ---------------------------------------------------------------------------------------------
// Filtering and grouping

export type MatrixFilter = {
  /** Matched against code and title, ignoring case. */
  query: string;
  /** Only competencies that block sign-off. */
  gapsOnly: boolean;
  /** Only competencies assessed by soft evidence alone. */
  softOnly: boolean;
  /** A branch key (branchKey) or null for every branch. */
  branch: string | null;
};

export const NO_FILTER: MatrixFilter = { query: "", gapsOnly: false, softOnly: false, branch: null };

const NO_BRANCH_KEY = "none";

/** A stable key for a branch (select value, group key); competencies without one share a key. */
export function branchKey(branch: string | null): string {
  return branch === null ? NO_BRANCH_KEY : `branch:${branch}`;
}

export function branchLabel(branch: string | null): string {
  return branch ?? "No branch";
}

/**
 * Whether a competency passes every filter at once ("Gaps only" and "Soft evidence only" together
 * keep the soft-only competencies that are still gaps, i.e. left out of a required route).
 */
export function matchesFilter(entry: CompetencyCoverage, filter: MatrixFilter): boolean {
  if (filter.gapsOnly && !entry.gap) return false;
  if (filter.softOnly && entry.status !== "soft_only") return false;
  if (filter.branch !== null && branchKey(entry.competency.branch) !== filter.branch) return false;
  const needle = filter.query.trim().toLocaleLowerCase();
  if (needle === "") return true;
  const { code, title } = entry.competency;
  return [code, title].some((value) => value !== null && value.toLocaleLowerCase().includes(needle));
}

/** One line of the virtual list: a branch's header or a competency. */
export type MatrixLine =
  | { type: "group"; key: string; label: string; /** Shown competencies of the branch, in order. */ ids: string[]; total: number; gaps: number }
  | { type: "row"; entry: CompetencyCoverage; groupKey: string };

export type BranchOption = { key: string; label: string; count: number };

export type MatrixModel = {
  lines: MatrixLine[];
  /** Ids of the competencies passing the filters ("Select all shown", bulk mapping). */
  shownIds: string[];
  /** Every branch of the specification, filtered or not, in order of first appearance. */
  branches: BranchOption[];
  total: number;
};

/**
 * The competencies passing the filters, grouped by branch (groups in order of first appearance,
 * competencies in specification order within each). Branch headers are left out when no competency
 * has a branch: a flat list needs no "No branch" heading.
 */
export function buildMatrix(entries: readonly CompetencyCoverage[], filter: MatrixFilter): MatrixModel {
  type Group = { key: string; label: string; rows: CompetencyCoverage[]; total: number; gaps: number };
  const groups = new Map<string, Group>();
  let grouped = false;
  for (const entry of entries) {
    const branch = entry.competency.branch;
    if (branch !== null) grouped = true;
    const key = branchKey(branch);
    let group = groups.get(key);
    if (!group) {
      group = { key, label: branchLabel(branch), rows: [], total: 0, gaps: 0 };
      groups.set(key, group);
    }
    group.total += 1;
    if (!matchesFilter(entry, filter)) continue;
    group.rows.push(entry);
    if (entry.gap) group.gaps += 1;
  }
  const lines: MatrixLine[] = [];
  const shownIds: string[] = [];
  for (const group of groups.values()) {
    if (group.rows.length === 0) continue;
    const ids = group.rows.map((entry) => entry.competency.id);
    if (grouped) lines.push({ type: "group", key: group.key, label: group.label, ids, total: group.total, gaps: group.gaps });
    for (const entry of group.rows) lines.push({ type: "row", entry, groupKey: group.key });
    shownIds.push(...ids);
  }
  const branches = grouped ? [...groups.values()].map(({ key, label, total }) => ({ key, label, count: total })) : [];
  return { lines, shownIds, branches, total: entries.length };
}

/** Key of a line, stable across filtering: where the focus goes back to after a re-render. */
export function lineKey(line: MatrixLine): string {
  return line.type === "group" ? `group:${line.key}` : `row:${line.entry.competency.id}`;
}

// ---------------------------------------------------------------------------------------------
// Words

export const STATUS_TEXT: Record<CoverageStatus, string> = { direct: "Direct", soft_only: "Soft evidence only", none: "Not assessed" };

/** Why a competency blocks sign-off, in words; null when it does not. */
export function gapText(entry: Pick<CompetencyCoverage, "gap" | "status">): string | null {
  if (!entry.gap) return null;
  return entry.status === "none" ? "Gap" : "Gap: not in the assessment-only route";
}

/** "CAP.1.1", or the title while a competency has no code: how labels name a competency. */
export function competencyName(competency: { code: string | null; title: string | null }): string {
  return competency.code ?? competency.title ?? "Untitled competency";
}

// ---------------------------------------------------------------------------------------------
// Selection (bulk mapping)

export type SelectionState = "none" | "some" | "all";

/** Tri-state of a checkbox that stands for `ids` ("Select all shown", "Select branch"). */
export function selectionState(ids: readonly string[], selected: ReadonlySet<string>): SelectionState {
  let count = 0;
  for (const id of ids) if (selected.has(id)) count += 1;
  if (count === 0) return "none";
  return count === ids.length ? "all" : "some";
}

/** Ticks or clears `ids`, leaving other selected competencies alone. */
export function selectMany(selected: ReadonlySet<string>, ids: readonly string[], on: boolean): Set<string> {
  const next = new Set(selected);
  for (const id of ids) {
    if (on) next.add(id);
    else next.delete(id);
  }
  return next;
}

/** What clicking a tri-state checkbox does: from "all" it clears them, otherwise it ticks them all. */
export function toggleMany(selected: ReadonlySet<string>, ids: readonly string[]): Set<string> {
  return selectMany(selected, ids, selectionState(ids, selected) !== "all");
}

/** The selected competencies a bulk action applies to: those still shown, in order. */
export function selectedShown(shownIds: readonly string[], selected: ReadonlySet<string>): string[] {
  return shownIds.filter((id) => selected.has(id));
}

// ---------------------------------------------------------------------------------------------
// Keyboard navigation

/** A position in the grid: `row` indexes the lines (header row excluded), `col` 0 is the row header, 1… the assessments. */
export type GridPosition = { row: number; col: number };

export const GRID_KEYS = ["ArrowUp", "ArrowDown", "ArrowLeft", "ArrowRight", "Home", "End", "PageUp", "PageDown"] as const;

export function isGridKey(key: string): boolean {
  return (GRID_KEYS as readonly string[]).includes(key);
}

export type GridShape = {
  rowCount: number;
  /** Row header included. */
  colCount: number;
  /** Rows a PageUp/PageDown moves by (what fits in the viewport). */
  pageSize: number;
  /** Branch header rows have one cell: left/right/Home/End do nothing there, and the column is kept for the next row. */
  isGroupRow?: (row: number) => boolean;
};

/**
 * Where focus goes for a key (the ARIA grid pattern): arrows move one cell, Home/End to the row's
 * first/last cell (with Ctrl, the grid's first/last cell), PageUp/PageDown by a page of rows.
 * Clamped to the grid; null for a key the grid does not handle or an empty grid.
 */
export function nextPosition(from: GridPosition, key: string, shape: GridShape, ctrl = false): GridPosition | null {
  const { rowCount, colCount } = shape;
  if (rowCount <= 0 || colCount <= 0 || !isGridKey(key)) return null;
  const clampRow = (row: number) => Math.min(Math.max(row, 0), rowCount - 1);
  const clampCol = (col: number) => Math.min(Math.max(col, 0), colCount - 1);
  const row = clampRow(from.row);
  const col = clampCol(from.col);
  const page = Math.max(1, Math.floor(shape.pageSize));
  const onGroup = shape.isGroupRow?.(row) ?? false;
  switch (key) {
    case "ArrowUp":
      return { row: clampRow(row - 1), col };
    case "ArrowDown":
      return { row: clampRow(row + 1), col };
    case "PageUp":
      return { row: clampRow(row - page), col };
    case "PageDown":
      return { row: clampRow(row + page), col };
    case "ArrowLeft":
      return onGroup ? { row, col } : { row, col: clampCol(col - 1) };
    case "ArrowRight":
      return onGroup ? { row, col } : { row, col: clampCol(col + 1) };
    case "Home":
      if (ctrl) return { row: 0, col: 0 };
      return onGroup ? { row, col } : { row, col: 0 };
    case "End":
      if (ctrl) return { row: rowCount - 1, col: colCount - 1 };
      return onGroup ? { row, col } : { row, col: colCount - 1 };
    default:
      return null;
  }
}

// ---------------------------------------------------------------------------------------------
// Windowing (rows and columns alike)

export type WindowRange = {
  /** First index rendered (inclusive). */
  start: number;
  /** Last index rendered (exclusive). */
  end: number;
  /** Space before the first rendered item and after the last, in pixels. */
  before: number;
  after: number;
};

/**
 * The items of a fixed-size list worth rendering: those in the viewport, plus `overscan` on each
 * side so that scrolling a little shows no blank. `offset` is the scroll position measured in the
 * list's own space (the sticky header or first column already subtracted from the viewport).
 */
export function windowRange({ offset, viewport, size, count, overscan = 4 }: { offset: number; viewport: number; size: number; count: number; overscan?: number }): WindowRange {
  if (count <= 0 || size <= 0) return { start: 0, end: 0, before: 0, after: 0 };
  const first = Math.min(Math.floor(Math.max(0, offset) / size), count - 1);
  const inView = Math.ceil(Math.max(0, viewport) / size) + 1;
  const start = Math.max(0, first - overscan);
  const end = Math.min(count, first + inView + overscan);
  return { start, end, before: start * size, after: (count - end) * size };
}

/** The scroll offset that brings item `index` fully into view, or null when it already is. */
export function revealOffset(index: number, offset: number, viewport: number, size: number): number | null {
  const start = index * size;
  const end = start + size;
  if (start < offset) return start;
  if (end > offset + viewport) return Math.max(0, end - viewport);
  return null;
}

/** Whether `index` is in a rendered range. */
export function inRange(index: number, range: Pick<WindowRange, "start" | "end">): boolean {
  return index >= range.start && index < range.end;
}
