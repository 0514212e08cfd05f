/**
 * A framework's hierarchy as an accessible, virtualized tree (VirtualTree.tsx: flat treeitems, one
 * tab stop, only the rows in view rendered). Clicking a row, Enter or Space selects it and opens or
 * closes it; a search result is revealed by opening its ancestors, then selecting and focusing it.
 *
 * Children are fetched from the framework's children resource route the first time a branch opens,
 * so a 50,000-competency framework costs its top level on page load and one request per branch.
 */
import { useCallback, useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { childrenKey, missingBranches, ROOT_KEY, type ChildrenIndex } from "~/components/frameworks/tree-model";
import { VirtualTree } from "~/components/frameworks/VirtualTree";
import { fetchChildNodes, loadTreeChildren } from "~/components/frameworks/tree-children";
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

const VIEWPORT_HEIGHT = 480;

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
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const [revealed, setRevealed] = useState<RevealRequest | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const childrenRef = useRef(children);
  const { t } = useTranslation();
  childrenRef.current = children;

  const fetchChildren = useCallback(
    async (parentIds: string[]) => {
      const failure = t("frameworks.tree.loadFailed");
      const outcome = await loadTreeChildren<FrameworkTreeNode>({
        parentIds: parentIds.map(childrenKey),
        current: () => childrenRef.current,
        update: setChildren,
        fetchChildren: (id) => fetchChildNodes(`${childrenUrl}?parent=${encodeURIComponent(id)}`, failure),
        failure,
      });
      if (outcome) setLoadError(outcome.problem);
    },
    [childrenUrl, t],
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
      setRevealed(reveal);
    })();
    return () => {
      cancelled = true;
    };
  }, [reveal, fetchChildren]);

  return (
    <div className="framework-tree">
      {loadError ? (
        <p className="form-error" role="alert">
          {loadError}
        </p>
      ) : null}
      <VirtualTree
        label={label}
        help={t("frameworks.tree.help")}
        index={children}
        expanded={expanded}
        onExpand={expand}
        onCollapse={collapse}
        viewportHeight={VIEWPORT_HEIGHT}
        rowInset={0.5}
        classNames={{ viewport: "framework-tree__viewport", toggle: "framework-tree__toggle", childCount: "framework-tree__count muted", help: "muted framework-tree__help" }}
        clickToOpen="row"
        keepFocusWhileScrolling
        reveal={revealed}
        rowProps={(row) => ({ className: "framework-tree__row", "aria-selected": selectedId === row.node.id })}
        renderRow={({ node }) => (
          <>
            {node.code ? <span className="framework-tree__code">{node.code}</span> : null}
            <span className="framework-tree__statement">{node.statement}</span>
          </>
        )}
        onRowClick={(row) => setSelectedId(row.node.id)}
        onRowKey={(row) => {
          setSelectedId(row.node.id);
        }}
      />
    </div>
  );
}
