/**
 * The accessible, virtualized tree under FrameworkTree and the competency picker (WAI-ARIA tree
 * view): role="tree" with flat role="treeitem" rows carrying aria-level / aria-setsize /
 * aria-posinset, so the rows need not be nested elements — which is what lets only the rows in view
 * exist. Roving tabindex: the focused row is the one tab stop; arrows, Home and End move, Enter and
 * Space toggle a branch unless the caller takes the key (tree-model.ts decides the moves).
 *
 * This component owns focus, keyboard, the rendered window and scrolling; the caller owns the
 * loaded levels and which branches are open, and decides what a row shows besides its toggle and
 * child count, which attributes it adds (aria-selected, aria-checked…) and what a click does.
 */
import { useEffect, useId, useLayoutEffect, useMemo, useRef, useState, type FocusEvent, type HTMLAttributes, type KeyboardEvent, type ReactNode, type UIEvent } from "react";
import { flattenTree, isTreeKey, keyMove, scrollToReveal, visibleWindow, type ChildrenIndex, type TreeModelNode, type TreeRow } from "~/components/frameworks/tree-model";

/** What a row needs of its node: the tree's links, and the statement for the row's tooltip. */
export interface VirtualTreeNode extends TreeModelNode {
  statement: string;
}

/** What the caller adds to a row element. */
export type VirtualTreeRowProps = Pick<HTMLAttributes<HTMLDivElement>, "className" | "aria-selected" | "aria-checked" | "aria-disabled">;

export type VirtualTreeProps<N extends VirtualTreeNode> = {
  label: string;
  /** How to use the tree from the keyboard, under it (the tree's aria-describedby). */
  help: string;
  /** The loaded levels (named `index`: `children` means something else to React). */
  index: ChildrenIndex<N>;
  expanded: ReadonlySet<string>;
  onExpand: (id: string) => void;
  onCollapse: (id: string) => void;
  /** The viewport's height at most, in pixels; a shorter tree gets a shorter viewport. */
  viewportHeight: number;
  /** Padding before a top-level row, in rem; each level deeper adds 1.25rem. */
  rowInset: number;
  classNames: { viewport: string; toggle: string; childCount: string; help: string };
  multiselectable?: boolean;
  /**
   * Where a click opens or closes a branch: anywhere on its row, or only on its ▸ toggle (when a
   * click on the rest of the row means something else).
   */
  clickToOpen: "row" | "toggle";
  /**
   * When the focused row scrolls out of the rendered window its element goes, and the browser drops
   * the focus to the page; with this set the tree keeps it, so the arrow keys go on from that row.
   */
  keepFocusWhileScrolling?: boolean;
  /** A new object each time: focus this row and scroll it to the middle (the caller opens its ancestors). */
  reveal?: { readonly id: string } | null;
  /** The row's own attributes: its class, and aria-selected, aria-checked or aria-disabled. */
  rowProps: (row: TreeRow<N>) => VirtualTreeRowProps;
  /** What the row shows between its toggle and its child count. */
  renderRow: (row: TreeRow<N>) => ReactNode;
  /** After the tree has focused the clicked row (and opened or closed it, with clickToOpen="row"). */
  onRowClick?: (row: TreeRow<N>) => void;
  /** Enter or Space on the focused row; return true when handled, so the tree does not toggle the branch. */
  onRowKey?: (row: TreeRow<N>, key: "Enter" | " ") => boolean | void;
};

// Layout effects focus and scroll before paint; on the server they would only print React's warning.
const useClientLayoutEffect = typeof window === "undefined" ? useEffect : useLayoutEffect;

const ROW_HEIGHT = 36;
const OVERSCAN = 8;

export function VirtualTree<N extends VirtualTreeNode>({
  label,
  help,
  index,
  expanded,
  onExpand,
  onCollapse,
  viewportHeight,
  rowInset,
  classNames,
  multiselectable,
  clickToOpen,
  keepFocusWhileScrolling,
  reveal,
  rowProps,
  renderRow,
  onRowClick,
  onRowKey,
}: VirtualTreeProps<N>) {
  const rows = useMemo(() => flattenTree(index, expanded), [index, expanded]);
  const indexById = useMemo(() => new Map(rows.map((row, rowIndex) => [row.node.id, rowIndex])), [rows]);
  const [focusedId, setFocusedId] = useState<string | null>(() => rows[0]?.node.id ?? null);
  const [scrollTop, setScrollTop] = useState(0);
  const treeRef = useRef<HTMLDivElement>(null);
  const helpId = useId();
  // Set by a keyboard move or a reveal: once the row is rendered, focus it (not on mere scrolling).
  const pendingFocus = useRef(false);
  // The revealed row's index is known only once the tree has flattened with its ancestors open.
  const centreOn = useRef<string | null>(null);
  const scrollFrame = useRef(0);
  // Whether the keyboard focus is in the tree, and whether we are parking it on the tree itself.
  const focusWithin = useRef(false);
  const parking = useRef(false);

  const focusedIndex = focusedId !== null ? (indexById.get(focusedId) ?? 0) : 0;
  const view = visibleWindow({ scrollTop, viewportHeight, rowHeight: ROW_HEIGHT, rowCount: rows.length, overscan: OVERSCAN });
  const focusedRendered = focusedIndex >= view.start && focusedIndex < view.end;

  useEffect(() => () => cancelAnimationFrame(scrollFrame.current), []);

  function scrollTo(top: number) {
    const tree = treeRef.current;
    if (!tree) return;
    tree.scrollTop = top;
    setScrollTop(top);
  }

  function focusRow(rowIndex: number) {
    const row = rows[rowIndex];
    if (!row) return;
    pendingFocus.current = true;
    setFocusedId(row.node.id);
    const tree = treeRef.current;
    if (!tree) return;
    const top = scrollToReveal(rowIndex, tree.scrollTop, tree.clientHeight || viewportHeight, ROW_HEIGHT);
    if (top !== null) scrollTo(top);
  }

  function toggleBranch(row: TreeRow<N>) {
    if (row.expanded === true) onCollapse(row.node.id);
    else if (row.expanded === false) onExpand(row.node.id);
  }

  // After a keyboard move or a reveal, the focused row is rendered: give it the browser's focus.
  useClientLayoutEffect(() => {
    if (!pendingFocus.current || focusedId === null) return;
    const element = treeRef.current?.querySelector<HTMLElement>(`[data-node-id="${CSS.escape(focusedId)}"]`);
    if (element) {
      pendingFocus.current = false;
      element.focus({ preventScroll: true });
    }
  });

  useClientLayoutEffect(() => {
    if (!reveal) return;
    setFocusedId(reveal.id);
    pendingFocus.current = true;
    centreOn.current = reveal.id;
  }, [reveal]);

  useClientLayoutEffect(() => {
    const id = centreOn.current;
    if (id === null) return;
    const rowIndex = indexById.get(id);
    if (rowIndex === undefined) return;
    centreOn.current = null;
    const tree = treeRef.current;
    if (!tree) return;
    // Centre it, so its neighbours give it context.
    scrollTo(Math.max(0, rowIndex * ROW_HEIGHT - (tree.clientHeight || viewportHeight) / 2 + ROW_HEIGHT / 2));
  });

  // Scrolling the focused row out of the window removes its element, and the browser would drop
  // the focus to the page: park it on the tree, so the arrow keys keep working from that row.
  useClientLayoutEffect(() => {
    const tree = treeRef.current;
    if (!keepFocusWhileScrolling || !tree || !focusWithin.current || focusedRendered) return;
    if (!tree.contains(document.activeElement)) {
      parking.current = true;
      tree.focus({ preventScroll: true });
    }
  });

  function onKeyDown(event: KeyboardEvent<HTMLDivElement>) {
    if (!isTreeKey(event.key) || event.altKey || event.ctrlKey || event.metaKey) return;
    event.preventDefault();
    const row = rows[focusedIndex];
    if ((event.key === "Enter" || event.key === " ") && row && onRowKey?.(row, event.key) === true) return;
    const move = keyMove(rows, focusedIndex, event.key);
    if (move.kind === "focus") focusRow(move.index);
    else if (move.kind === "expand") onExpand(move.id);
    else if (move.kind === "collapse") onCollapse(move.id);
  }

  // When the focused row has scrolled out of the rendered window, the tree itself is the tab stop;
  // tabbing into it brings the row back and hands focus on.
  function onTreeFocus(event: FocusEvent<HTMLDivElement>) {
    focusWithin.current = true;
    if (event.target !== event.currentTarget || rows.length === 0) return;
    if (parking.current) {
      parking.current = false;
      return;
    }
    focusRow(focusedIndex);
  }
  function onTreeBlur(event: FocusEvent<HTMLDivElement>) {
    const next = event.relatedTarget;
    // A row scrolled out of the window is removed while focused: focus did not leave on purpose.
    if (next === null && !(event.target as Node).isConnected) return;
    if (!(next instanceof Node) || !event.currentTarget.contains(next)) focusWithin.current = false;
  }

  function onScroll(event: UIEvent<HTMLDivElement>) {
    const top = event.currentTarget.scrollTop;
    // One re-render per animation frame, however many scroll events arrive.
    cancelAnimationFrame(scrollFrame.current);
    scrollFrame.current = requestAnimationFrame(() => setScrollTop(top));
  }

  return (
    <>
      <div
        ref={treeRef}
        role="tree"
        aria-label={label}
        aria-describedby={helpId}
        aria-multiselectable={multiselectable || undefined}
        className={classNames.viewport}
        style={{ height: Math.min(viewportHeight, Math.max(rows.length, 1) * ROW_HEIGHT + 2) }}
        tabIndex={focusedRendered ? -1 : 0}
        onKeyDown={onKeyDown}
        onFocus={onTreeFocus}
        onBlur={onTreeBlur}
        onScroll={onScroll}
      >
        <div aria-hidden="true" style={{ height: view.padTop }} />
        {rows.slice(view.start, view.end).map((row, offset) => {
          const { node } = row;
          return (
            <div
              key={node.id}
              {...rowProps(row)}
              role="treeitem"
              data-node-id={node.id}
              aria-level={row.level}
              aria-setsize={row.setSize}
              aria-posinset={row.posInSet}
              aria-expanded={row.expanded}
              aria-busy={row.loading || undefined}
              tabIndex={view.start + offset === focusedIndex ? 0 : -1}
              style={{ height: ROW_HEIGHT, paddingInlineStart: `${rowInset + (row.level - 1) * 1.25}rem` }}
              title={node.statement}
              onFocus={() => setFocusedId(node.id)}
              onClick={() => {
                setFocusedId(node.id);
                if (clickToOpen === "row") toggleBranch(row);
                onRowClick?.(row);
              }}
            >
              <span className={classNames.toggle} aria-hidden="true" onClick={clickToOpen === "toggle" ? () => toggleBranch(row) : undefined}>
                {row.expanded === undefined ? "" : row.loading ? "…" : row.expanded ? "▾" : "▸"}
              </span>
              {renderRow(row)}
              {/* Visual only: a screen reader hears the branch's size from its children's aria-setsize. */}
              {node.childCount > 0 ? (
                <span className={classNames.childCount} aria-hidden="true">
                  {node.childCount}
                </span>
              ) : null}
            </div>
          );
        })}
        <div aria-hidden="true" style={{ height: view.padBottom }} />
      </div>
      <p id={helpId} className={classNames.help}>
        {help}
      </p>
    </>
  );
}
