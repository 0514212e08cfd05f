/**
 * The pure half of the framework tree (FrameworkTree.tsx): which rows the expanded tree shows,
 * where the keyboard moves focus, and which rows are in view. No React and no DOM, so each rule is
 * tested on its own and the component only renders what these functions decide.
 *
 * A framework may hold 50,000 competencies, so the component never renders them all: children are
 * loaded when a branch is first opened, the expanded tree is flattened into one array of rows, and
 * only the rows inside the scroll container's viewport (plus a small overscan) become elements,
 * between two spacers that keep the scrollbar honest.
 */

/** What the tree needs of a competency (the library's TreeNode has these and more). */
export interface TreeModelNode {
  id: string;
  parentId: string | null;
  childCount: number;
}

/**
 * Children known so far, by parent id ("" for the top level): an array once loaded, "loading"
 * while a request is out. A parent missing from the map has not been asked for yet.
 */
export type ChildrenIndex<N extends TreeModelNode> = ReadonlyMap<string, readonly N[] | "loading">;

export const ROOT_KEY = "";

export function childrenKey(parentId: string | null): string {
  return parentId ?? ROOT_KEY;
}

/** One visible row of the flattened tree, with what aria-level / aria-setsize / aria-posinset need. */
export interface TreeRow<N extends TreeModelNode> {
  node: N;
  /** 1 at the top level (aria-level). */
  level: number;
  /** 1-based position among its siblings (aria-posinset). */
  posInSet: number;
  /** Number of siblings, itself included (aria-setsize). */
  setSize: number;
  /** undefined for a leaf: aria-expanded must be absent on rows that cannot expand. */
  expanded: boolean | undefined;
  /** Expanded, but its children are still on the way. */
  loading: boolean;
  /** Index of the parent's row; -1 at the top level. */
  parentIndex: number;
}

/**
 * The rows of the expanded tree in display order (pre-order). Iterative, so a deep framework cannot
 * overflow the stack; linear in the rows shown, so 50,000 expanded rows flatten in milliseconds.
 */
export function flattenTree<N extends TreeModelNode>(children: ChildrenIndex<N>, expanded: ReadonlySet<string>): TreeRow<N>[] {
  const rows: TreeRow<N>[] = [];
  const top = children.get(ROOT_KEY);
  if (!Array.isArray(top)) return rows;
  // A stack of sibling lists being walked, each with the next index to visit.
  const stack: Array<{ siblings: readonly N[]; next: number; level: number; parentIndex: number }> = [
    { siblings: top, next: 0, level: 1, parentIndex: -1 },
  ];
  while (stack.length > 0) {
    const frame = stack[stack.length - 1]!;
    if (frame.next >= frame.siblings.length) {
      stack.pop();
      continue;
    }
    const node = frame.siblings[frame.next]!;
    frame.next++;
    const hasChildren = node.childCount > 0;
    const open = hasChildren && expanded.has(node.id);
    const loaded = open ? children.get(node.id) : undefined;
    const index = rows.length;
    rows.push({
      node,
      level: frame.level,
      posInSet: frame.next,
      setSize: frame.siblings.length,
      expanded: hasChildren ? open : undefined,
      loading: open && !Array.isArray(loaded),
      parentIndex: frame.parentIndex,
    });
    if (Array.isArray(loaded) && loaded.length > 0) {
      stack.push({ siblings: loaded, next: 0, level: frame.level + 1, parentIndex: index });
    }
  }
  return rows;
}

/** What a key press on the focused row asks for (WAI-ARIA tree view pattern). */
export type TreeMove =
  | { kind: "focus"; index: number }
  | { kind: "expand"; id: string }
  | { kind: "collapse"; id: string }
  | { kind: "none" };

export const TREE_KEYS = ["ArrowDown", "ArrowUp", "ArrowRight", "ArrowLeft", "Home", "End", "Enter", " "] as const;

export function isTreeKey(key: string): boolean {
  return (TREE_KEYS as readonly string[]).includes(key);
}

/**
 * Down/Up: next/previous row. Right: opens a closed branch, or moves into an open one's first
 * child; nothing on a leaf. Left: closes an open branch, else moves to the parent. Home/End: first
 * and last row. Enter and Space toggle a branch.
 */
export function keyMove<N extends TreeModelNode>(rows: readonly TreeRow<N>[], focused: number, key: string): TreeMove {
  if (rows.length === 0) return { kind: "none" };
  const index = Math.min(Math.max(focused, 0), rows.length - 1);
  const row = rows[index]!;
  const focus = (to: number): TreeMove => (to === focused ? { kind: "none" } : { kind: "focus", index: to });
  switch (key) {
    case "ArrowDown":
      return focus(Math.min(index + 1, rows.length - 1));
    case "ArrowUp":
      return focus(Math.max(index - 1, 0));
    case "Home":
      return focus(0);
    case "End":
      return focus(rows.length - 1);
    case "ArrowRight":
      if (row.expanded === false) return { kind: "expand", id: row.node.id };
      if (row.expanded === true) {
        const child = rows[index + 1];
        return child && child.parentIndex === index ? focus(index + 1) : { kind: "none" };
      }
      return { kind: "none" };
    case "ArrowLeft":
      if (row.expanded === true) return { kind: "collapse", id: row.node.id };
      return row.parentIndex >= 0 ? focus(row.parentIndex) : { kind: "none" };
    case "Enter":
    case " ":
      if (row.expanded === undefined) return { kind: "none" };
      return row.expanded ? { kind: "collapse", id: row.node.id } : { kind: "expand", id: row.node.id };
    default:
      return { kind: "none" };
  }
}

export interface VisibleWindow {
  /** First row rendered (inclusive). */
  start: number;
  /** One past the last row rendered. */
  end: number;
  /** Height of the spacer above the rendered rows. */
  padTop: number;
  /** Height of the spacer below them. */
  padBottom: number;
}

/**
 * The rows to render for a scroll position: those in the viewport plus `overscan` on each side, so
 * a quick scroll does not flash empty space. Rows have one fixed height, which is what makes this
 * arithmetic instead of measurement.
 */
export function visibleWindow({
  scrollTop,
  viewportHeight,
  rowHeight,
  rowCount,
  overscan = 8,
}: {
  scrollTop: number;
  viewportHeight: number;
  rowHeight: number;
  rowCount: number;
  overscan?: number;
}): VisibleWindow {
  if (rowCount <= 0 || rowHeight <= 0) return { start: 0, end: 0, padTop: 0, padBottom: 0 };
  const first = Math.floor(Math.max(0, scrollTop) / rowHeight);
  const inView = Math.ceil(Math.max(0, viewportHeight) / rowHeight) + 1;
  const start = Math.min(Math.max(0, first - overscan), rowCount);
  const end = Math.min(rowCount, first + inView + overscan);
  return { start, end: Math.max(start, end), padTop: start * rowHeight, padBottom: (rowCount - Math.max(start, end)) * rowHeight };
}

/**
 * The scrollTop that brings row `index` fully into view, or null when it already is: the focused
 * row must be rendered (and visible) for the browser to move focus to it.
 */
export function scrollToReveal(index: number, scrollTop: number, viewportHeight: number, rowHeight: number): number | null {
  const top = index * rowHeight;
  const bottom = top + rowHeight;
  if (top < scrollTop) return top;
  if (bottom > scrollTop + viewportHeight) return Math.max(0, bottom - viewportHeight);
  return null;
}

/** Ancestor ids not yet loaded, top-down: what must be fetched before `path` can be shown open. */
export function missingBranches<N extends TreeModelNode>(children: ChildrenIndex<N>, ancestorIds: readonly string[]): string[] {
  return ancestorIds.filter((id) => !Array.isArray(children.get(id)));
}
