/**
 * A framework's hierarchy as an accessible, virtualized tree (WAI-ARIA tree view): role="tree" with
 * flat role="treeitem" rows carrying aria-level / aria-setsize / aria-posinset, so the rows need not
 * be nested elements — which is what lets only the rows in view exist. Roving tabindex: the focused
 * row is the one tab stop; arrows, Home and End move, Enter and Space toggle (tree-model.ts decides).
 *
 * Children are fetched from the framework's children resource route the first time a branch opens,
 * so a 50,000-competency framework costs its top level on page load and one request per branch.
 */
import { useCallback, useEffect, useId, useLayoutEffect, useMemo, useRef, useState, type FocusEvent, type KeyboardEvent, type UIEvent } from "react";
import {
  childrenKey,
  flattenTree,
  isTreeKey,
  keyMove,
  missingBranches,
  ROOT_KEY,
  scrollToReveal,
  visibleWindow,
  type ChildrenIndex,
} from "~/components/frameworks/tree-model";
import type { TreeNode } from "~/modules/frameworks/library.server";

/** A competency as the tree shows it: the library's TreeNode (a type only; erased in the browser). */
export type FrameworkTreeNode = TreeNode;

/** Show this competency: open its ancestors (top-down), select it and move focus to it. */
export interface RevealRequest {
  id: string;
  ancestorIds: string[];
  /** Changes on every request, so revealing the same competency twice scrolls to it twice. */
  key: number;
}

// Layout effects focus and scroll before paint; on the server they would only print React's warning.
const useClientLayoutEffect = typeof window === "undefined" ? useEffect : useLayoutEffect;

const ROW_HEIGHT = 36;
const VIEWPORT_HEIGHT = 480;
const OVERSCAN = 8;

type Props = {
  label: string;
  /**
   * The top level, from the page's loader; read once. The page keys the tree by framework version,
   * so another version mounts a new tree, while a search on the same page keeps open branches open.
   */
  roots: FrameworkTreeNode[];
  /** Resource route answering `?parent=<id>` with `{ nodes: FrameworkTreeNode[] }`. */
  childrenUrl: string;
  reveal?: RevealRequest | null;
};

export function FrameworkTree({ label, roots, childrenUrl, reveal }: Props) {
  const [children, setChildren] = useState<ChildrenIndex<FrameworkTreeNode>>(() => new Map([[ROOT_KEY, roots]]));
  const [expanded, setExpanded] = useState<ReadonlySet<string>>(() => new Set());
  const [focusedId, setFocusedId] = useState<string | null>(roots[0]?.id ?? null);
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const [scrollTop, setScrollTop] = useState(0);
  const [loadError, setLoadError] = useState<string | null>(null);
  const treeRef = useRef<HTMLDivElement>(null);
  const helpId = useId();
  // Set by a keyboard move or a reveal: once the row is rendered, focus it (not on mere scrolling).
  const pendingFocus = useRef(false);
  const childrenRef = useRef(children);
  childrenRef.current = children;
  // The revealed row's index is known only after the tree re-flattens with its ancestors open.
  const revealScroll = useRef<string | null>(null);
  const scrollFrame = useRef(0);
  // Whether the keyboard focus is in the tree, and whether we are parking it on the tree itself.
  const focusWithin = useRef(false);
  const parking = useRef(false);

  const rows = useMemo(() => flattenTree(children, expanded), [children, expanded]);
  const indexById = useMemo(() => new Map(rows.map((row, index) => [row.node.id, index])), [rows]);
  const focusedIndex = focusedId !== null ? (indexById.get(focusedId) ?? 0) : 0;
  const view = visibleWindow({ scrollTop, viewportHeight: VIEWPORT_HEIGHT, rowHeight: ROW_HEIGHT, rowCount: rows.length, overscan: OVERSCAN });

  const fetchChildren = useCallback(
    async (parentIds: string[]) => {
      const wanted = parentIds.filter((id) => childrenRef.current.get(childrenKey(id)) === undefined);
      if (wanted.length === 0) return;
      setChildren((current) => {
        const next = new Map(current);
        for (const id of wanted) next.set(id, "loading");
        return next;
      });
      try {
        const loaded = await Promise.all(
          wanted.map(async (id) => {
            const response = await fetch(`${childrenUrl}?parent=${encodeURIComponent(id)}`, { headers: { Accept: "application/json" } });
            if (!response.ok) throw new Error(`The branch did not load (${response.status}).`);
            const body = (await response.json()) as { nodes: FrameworkTreeNode[] };
            return [id, body.nodes] as const;
          }),
        );
        setChildren((current) => {
          const next = new Map(current);
          for (const [id, nodes] of loaded) next.set(id, nodes);
          return next;
        });
        setLoadError(null);
      } catch (error) {
        // Forget the "loading" marks so opening the branch again retries.
        setChildren((current) => {
          const next = new Map(current);
          for (const id of wanted) if (next.get(id) === "loading") next.delete(id);
          return next;
        });
        setLoadError(error instanceof Error ? error.message : "The branch did not load.");
      }
    },
    [childrenUrl],
  );

  const expand = useCallback(
    (id: string) => {
      setExpanded((current) => new Set(current).add(id));
      void fetchChildren([id]);
    },
    [fetchChildren],
  );
  const collapse = useCallback((id: string) => {
    setExpanded((current) => {
      const next = new Set(current);
      next.delete(id);
      return next;
    });
  }, []);

  const scrollRowIntoView = useCallback((index: number) => {
    const tree = treeRef.current;
    if (!tree) return;
    const top = scrollToReveal(index, tree.scrollTop, tree.clientHeight || VIEWPORT_HEIGHT, ROW_HEIGHT);
    if (top !== null) {
      tree.scrollTop = top;
      setScrollTop(top);
    }
  }, []);

  const focusRow = useCallback(
    (index: number) => {
      const row = rows[index];
      if (!row) return;
      pendingFocus.current = true;
      setFocusedId(row.node.id);
      scrollRowIntoView(index);
    },
    [rows, scrollRowIntoView],
  );

  // After a keyboard move or a reveal, the focused row is rendered: give it the browser's focus.
  useClientLayoutEffect(() => {
    if (!pendingFocus.current || focusedId === null) return;
    const element = treeRef.current?.querySelector<HTMLElement>(`[data-node-id="${CSS.escape(focusedId)}"]`);
    if (element) {
      pendingFocus.current = false;
      element.focus({ preventScroll: true });
    }
  });

  // Reveal a search result: load its ancestors' children, open them, select and focus it.
  useEffect(() => {
    if (!reveal) return;
    let cancelled = false;
    void (async () => {
      await fetchChildren(missingBranches(childrenRef.current, reveal.ancestorIds));
      if (cancelled) return;
      setExpanded((current) => {
        const next = new Set(current);
        for (const id of reveal.ancestorIds) next.add(id);
        return next;
      });
      setSelectedId(reveal.id);
      setFocusedId(reveal.id);
      pendingFocus.current = true;
      revealScroll.current = reveal.id;
    })();
    return () => {
      cancelled = true;
    };
  }, [reveal, fetchChildren]);

  useClientLayoutEffect(() => {
    const id = revealScroll.current;
    if (id === null) return;
    const index = indexById.get(id);
    if (index === undefined) return;
    revealScroll.current = null;
    const tree = treeRef.current;
    if (!tree) return;
    // Centre it, so its neighbours give it context.
    const top = Math.max(0, index * ROW_HEIGHT - (tree.clientHeight || VIEWPORT_HEIGHT) / 2 + ROW_HEIGHT / 2);
    tree.scrollTop = top;
    setScrollTop(top);
  }, [indexById]);

  function onKeyDown(event: KeyboardEvent<HTMLDivElement>) {
    if (!isTreeKey(event.key) || event.altKey || event.ctrlKey || event.metaKey) return;
    event.preventDefault();
    const move = keyMove(rows, focusedIndex, event.key);
    if (move.kind === "focus") focusRow(move.index);
    else if (move.kind === "expand") expand(move.id);
    else if (move.kind === "collapse") collapse(move.id);
    if (event.key === "Enter" || event.key === " ") setSelectedId(rows[focusedIndex]?.node.id ?? null);
  }

  // When the focused row has scrolled out of the rendered window, the tree itself is the tab stop;
  // tabbing into it brings the row back and hands focus on.
  const focusedRendered = focusedIndex >= view.start && focusedIndex < view.end;
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

  // Scrolling the focused row out of the window removes its element, and the browser would drop
  // the focus to the page: park it on the tree, so the arrow keys keep working from that row.
  useClientLayoutEffect(() => {
    const tree = treeRef.current;
    if (!tree || !focusWithin.current || focusedRendered) return;
    if (!tree.contains(document.activeElement)) {
      parking.current = true;
      tree.focus({ preventScroll: true });
    }
  });

  function onScroll(event: UIEvent<HTMLDivElement>) {
    const top = event.currentTarget.scrollTop;
    // One re-render per animation frame, however many scroll events arrive.
    cancelAnimationFrame(scrollFrame.current);
    scrollFrame.current = requestAnimationFrame(() => setScrollTop(top));
  }

  return (
    <div className="framework-tree">
      {loadError ? (
        <p className="form-error" role="alert">
          {loadError}
        </p>
      ) : null}
      <div
        ref={treeRef}
        role="tree"
        aria-label={label}
        aria-describedby={helpId}
        className="framework-tree__viewport"
        style={{ height: Math.min(VIEWPORT_HEIGHT, Math.max(rows.length, 1) * ROW_HEIGHT + 2) }}
        tabIndex={focusedRendered ? -1 : 0}
        onKeyDown={onKeyDown}
        onFocus={onTreeFocus}
        onBlur={onTreeBlur}
        onScroll={onScroll}
      >
        <div aria-hidden="true" style={{ height: view.padTop }} />
        {rows.slice(view.start, view.end).map((row, offset) => {
          const index = view.start + offset;
          const { node } = row;
          return (
            <div
              key={node.id}
              role="treeitem"
              data-node-id={node.id}
              aria-level={row.level}
              aria-setsize={row.setSize}
              aria-posinset={row.posInSet}
              aria-expanded={row.expanded}
              aria-selected={selectedId === node.id}
              aria-busy={row.loading || undefined}
              tabIndex={index === focusedIndex ? 0 : -1}
              className="framework-tree__row"
              style={{ height: ROW_HEIGHT, paddingInlineStart: `${0.5 + (row.level - 1) * 1.25}rem` }}
              title={node.statement}
              onClick={() => {
                setFocusedId(node.id);
                setSelectedId(node.id);
                if (row.expanded === true) collapse(node.id);
                else if (row.expanded === false) expand(node.id);
              }}
            >
              <span className="framework-tree__toggle" aria-hidden="true">
                {row.expanded === undefined ? "" : row.loading ? "…" : row.expanded ? "▾" : "▸"}
              </span>
              {node.code ? <span className="framework-tree__code">{node.code}</span> : null}
              <span className="framework-tree__statement">{node.statement}</span>
              {/* Visual only: a screen reader hears the branch's size from its children's aria-setsize. */}
              {node.childCount > 0 ? (
                <span className="framework-tree__count muted" aria-hidden="true">
                  {node.childCount}
                </span>
              ) : null}
            </div>
          );
        })}
        <div aria-hidden="true" style={{ height: view.padBottom }} />
      </div>
      <p id={helpId} className="muted framework-tree__help">
        Arrow keys move and open branches; Enter or Space opens and closes one; Home and End go to the first and last row.
      </p>
    </div>
  );
}
