/**
 * The pure half of the competency picker (CompetencyPicker.tsx): what is ticked, what each loaded
 * row's checkbox shows, and how many competencies a selection stands for. No React and no DOM.
 *
 * A selection is `ids` (a competency alone) and `branches` (a competency and its whole subtree):
 * ticking a branch never needs its subtree loaded, and the server expands it
 * (app/modules/frameworks/selection.server.ts). Invariants the operations keep:
 * - nothing is recorded under a ticked branch (ticking a branch drops what it covers);
 * - a node whose own row and every child are wholly ticked becomes a branch again;
 * - only loaded nodes are ticked (the picker loads a search hit's ancestors before ticking it), so
 *   every ticked node's ancestry and its siblings' positions are known.
 */
import { childrenKey, type ChildrenIndex, type TreeModelNode } from "~/components/frameworks/tree-model";
import { competencyCount } from "~/modules/documents/labels";

/** What the selection needs of a competency: the library's TreeNode has these and more. */
export interface SelectableNode extends TreeModelNode {
  /** Pre-order index in the whole framework (0 … n-1): subtree sizes are differences of these. */
  position: number;
}

export interface Selection {
  ids: ReadonlySet<string>;
  branches: ReadonlySet<string>;
}

export type CheckState = "checked" | "unchecked" | "mixed";

export const EMPTY_SELECTION: Selection = { ids: new Set(), branches: new Set() };

/** The loaded part of a framework, indexed for lookups by id. */
export interface KnownTree<N extends SelectableNode> {
  node(id: string): N | undefined;
  /** The loaded children (undefined while not loaded). */
  childrenOf(id: string | null): readonly N[] | undefined;
  /** Every loaded node, parents before children. */
  nodes(): Iterable<N>;
}

export function knownTree<N extends SelectableNode>(children: ChildrenIndex<N>): KnownTree<N> {
  const byId = new Map<string, N>();
  for (const list of children.values()) if (Array.isArray(list)) for (const node of list) byId.set(node.id, node);
  return {
    node: (id) => byId.get(id),
    childrenOf: (id) => {
      const list = children.get(childrenKey(id));
      return Array.isArray(list) ? list : undefined;
    },
    nodes: () => byId.values(),
  };
}

/** The ids of a node's loaded ancestors, top level first. */
export function ancestorIds<N extends SelectableNode>(tree: KnownTree<N>, id: string): string[] {
  const chain: string[] = [];
  let parentId = tree.node(id)?.parentId ?? null;
  // Bounded: a malformed index must not loop forever.
  for (let guard = 0; parentId !== null && guard < 1000; guard++) {
    chain.unshift(parentId);
    parentId = tree.node(parentId)?.parentId ?? null;
  }
  return chain;
}

/** The outermost ticked branch holding the node (itself included), or null. */
export function coveringBranch<N extends SelectableNode>(selection: Selection, tree: KnownTree<N>, id: string): string | null {
  for (const ancestor of [...ancestorIds(tree, id), id]) if (selection.branches.has(ancestor)) return ancestor;
  return null;
}

/** Whether the competency itself will be added. */
export function isSelected<N extends SelectableNode>(selection: Selection, tree: KnownTree<N>, id: string): boolean {
  return selection.ids.has(id) || coveringBranch(selection, tree, id) !== null;
}

/** Ticks the node: a leaf alone, a node with children with its whole subtree. */
export function tick<N extends SelectableNode>(selection: Selection, tree: KnownTree<N>, id: string): Selection {
  const node = tree.node(id);
  if (!node || coveringBranch(selection, tree, id) !== null) return selection;
  const ids = new Set(selection.ids);
  const branches = new Set(selection.branches);
  if (node.childCount > 0) {
    removeUnder(tree, id, ids, branches);
    ids.delete(id);
    branches.add(id);
  } else ids.add(id);
  mergeUpwards(tree, node.parentId, ids, branches);
  return { ids, branches };
}

/**
 * Unticks the node and its whole subtree. Under a ticked branch, the branch gives way to what is
 * still ticked: the branch's own row, each node on the way down to this one, and every other child
 * along that way as a branch of its own. Those children are loaded: the node is, so is every level
 * above it (the picker loads a search hit's ancestors before ticking or unticking it).
 */
export function untick<N extends SelectableNode>(selection: Selection, tree: KnownTree<N>, id: string): Selection {
  const ids = new Set(selection.ids);
  const branches = new Set(selection.branches);
  const covering = coveringBranch(selection, tree, id);
  ids.delete(id);
  branches.delete(id);
  removeUnder(tree, id, ids, branches);
  if (covering !== null && covering !== id) {
    const path = [...ancestorIds(tree, id), id];
    const from = path.indexOf(covering);
    for (let i = from; i < path.length - 1; i++) {
      const onPath = path[i]!;
      branches.delete(onPath);
      ids.add(onPath);
      for (const child of tree.childrenOf(onPath) ?? []) {
        if (child.id === path[i + 1]) continue;
        if (child.childCount > 0) branches.add(child.id);
        else ids.add(child.id);
      }
    }
  }
  return { ids, branches };
}

/** Unticks a checked node, ticks an unchecked or mixed one (the usual tri-state cycle). */
export function toggle<N extends SelectableNode>(selection: Selection, tree: KnownTree<N>, id: string, state: CheckState): Selection {
  return state === "checked" ? untick(selection, tree, id) : tick(selection, tree, id);
}

/**
 * The checkbox of every loaded node: checked when the node and everything under it will be added,
 * mixed when some of it will, unchecked when none will. One pass over the loaded tree.
 */
export function checkStates<N extends SelectableNode>(selection: Selection, tree: KnownTree<N>): Map<string, CheckState> {
  const states = new Map<string, CheckState>();
  const visit = (node: N, covered: boolean): CheckState => {
    const inBranch = covered || selection.branches.has(node.id);
    const kids = tree.childrenOf(node.id);
    let state: CheckState;
    if (inBranch) {
      for (const kid of kids ?? []) visit(kid, true);
      state = "checked";
    } else if (node.childCount === 0) {
      state = selection.ids.has(node.id) ? "checked" : "unchecked";
    } else {
      const self = selection.ids.has(node.id);
      const kidStates = (kids ?? []).map((kid) => visit(kid, false));
      const complete = kids !== undefined && kids.length === node.childCount;
      const all = complete && kidStates.every((s) => s === "checked");
      const some = kidStates.some((s) => s !== "unchecked");
      state = self && all ? "checked" : self || some ? "mixed" : "unchecked";
    }
    states.set(node.id, state);
    return state;
  };
  for (const top of tree.childrenOf(null) ?? []) visit(top, false);
  return states;
}

/**
 * How many competencies the selection stands for, less those of `exclude` (already in the
 * specification) known to be among them. `total` is the framework's competency count: where the
 * last subtree ends.
 */
export function selectedCount<N extends SelectableNode>(selection: Selection, tree: KnownTree<N>, total: number, exclude: ReadonlySet<string> = new Set()): number {
  let count = 0;
  for (const id of selection.branches) {
    if (coveringBranch(selection, tree, id) !== id) continue;
    count += subtreeSize(tree, id, total);
  }
  for (const id of selection.ids) if (coveringBranch(selection, tree, id) === null) count++;
  for (const id of exclude) if (tree.node(id) && isSelected(selection, tree, id)) count--;
  return Math.max(0, count);
}

/**
 * The node and its descendants: from its position to where the next node at its depth or above
 * starts (its next sibling, else its parent's end, else the end of the framework).
 */
export function subtreeSize<N extends SelectableNode>(tree: KnownTree<N>, id: string, total: number): number {
  const node = tree.node(id);
  if (!node) return 0;
  return subtreeEnd(tree, node, total) - node.position;
}

function subtreeEnd<N extends SelectableNode>(tree: KnownTree<N>, node: N, total: number): number {
  if (node.childCount === 0) return node.position + 1;
  const siblings = tree.childrenOf(node.parentId);
  const index = siblings?.findIndex((sibling) => sibling.id === node.id) ?? -1;
  const next = index >= 0 ? siblings![index + 1] : undefined;
  if (next) return next.position;
  if (node.parentId === null) return total;
  const parent = tree.node(node.parentId);
  // Unknown surroundings (not expected: ticked nodes are loaded): count the node and its children.
  if (!parent || index < 0) return node.position + 1 + node.childCount;
  return subtreeEnd(tree, parent, total);
}

/** The body the selection resource route takes. */
export function selectionRequest(selection: Selection): { ids: string[]; branches: string[] } {
  return { ids: [...selection.ids], branches: [...selection.branches] };
}

/** "Add 1 competency", "Add 12 competencies": the primary button's words. */
export function addButtonLabel(count: number): string {
  return `Add ${competencyCount(count)}`;
}

/** Removes every entry strictly under `id` (descendants whose ancestry is loaded). */
function removeUnder<N extends SelectableNode>(tree: KnownTree<N>, id: string, ids: Set<string>, branches: Set<string>): void {
  for (const set of [ids, branches]) {
    for (const entry of [...set]) if (entry !== id && ancestorIds(tree, entry).includes(id)) set.delete(entry);
  }
}

/** From `parentId` up: a node ticked alone whose children are all wholly ticked becomes a branch. */
function mergeUpwards<N extends SelectableNode>(tree: KnownTree<N>, parentId: string | null, ids: Set<string>, branches: Set<string>): void {
  for (let id = parentId; id !== null; ) {
    const node = tree.node(id);
    const kids = tree.childrenOf(id);
    if (!node || !ids.has(id) || !kids || kids.length !== node.childCount) return;
    const whole = kids.every((kid) => branches.has(kid.id) || (kid.childCount === 0 && ids.has(kid.id)));
    if (!whole) return;
    for (const kid of kids) {
      ids.delete(kid.id);
      branches.delete(kid.id);
    }
    ids.delete(id);
    branches.add(id);
    id = node.parentId;
  }
}
