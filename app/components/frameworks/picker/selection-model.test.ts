import { describe, expect, it } from "vitest";
import { ROOT_KEY } from "~/components/frameworks/tree-model";
import {
  addButtonLabel,
  ancestorIds,
  checkStates,
  EMPTY_SELECTION,
  isSelected,
  knownTree,
  selectedCount,
  selectionRequest,
  subtreeSize,
  tick,
  toggle,
  untick,
  type Selection,
  type SelectableNode,
} from "~/components/frameworks/picker/selection-model";

/**
 *   A        0
 *     A1     1
 *       A1a  2
 *       A1b  3
 *     A2     4
 *     A3     5
 *       A3a  6
 *   B        7
 *     B1     8
 *     B2     9
 *   C       10      (11 competencies)
 */
const SHAPE: Array<[id: string, parentId: string | null]> = [
  ["A", null],
  ["A1", "A"],
  ["A1a", "A1"],
  ["A1b", "A1"],
  ["A2", "A"],
  ["A3", "A"],
  ["A3a", "A3"],
  ["B", null],
  ["B1", "B"],
  ["B2", "B"],
  ["C", null],
];
const TOTAL = SHAPE.length;

const NODES: SelectableNode[] = SHAPE.map(([id, parentId], position) => ({
  id,
  parentId,
  position,
  childCount: SHAPE.filter(([, parent]) => parent === id).length,
}));

/** The tree with the children of `loaded` parents known (the top level always). */
function treeWith(loaded: readonly string[] = ["A", "A1", "A3", "B"]) {
  const index = new Map<string, SelectableNode[]>([[ROOT_KEY, NODES.filter((n) => n.parentId === null)]]);
  for (const parent of loaded) index.set(parent, NODES.filter((n) => n.parentId === parent));
  return knownTree(index);
}

const full = treeWith();

function sel(ids: string[], branches: string[]): Selection {
  return { ids: new Set(ids), branches: new Set(branches) };
}

function plain(selection: Selection) {
  return { ids: [...selection.ids].sort(), branches: [...selection.branches].sort() };
}

function selectedIds(selection: Selection): string[] {
  return NODES.filter((n) => isSelected(selection, full, n.id)).map((n) => n.id);
}

describe("ticking", () => {
  it("ticks a leaf alone and a node with children as a branch", () => {
    expect(plain(tick(EMPTY_SELECTION, full, "A2"))).toEqual({ ids: ["A2"], branches: [] });
    expect(plain(tick(EMPTY_SELECTION, full, "A1"))).toEqual({ ids: [], branches: ["A1"] });
    expect(selectedIds(tick(EMPTY_SELECTION, full, "A1"))).toEqual(["A1", "A1a", "A1b"]);
  });

  it("drops what a new branch covers, and ignores a tick inside a ticked branch", () => {
    const before = sel(["A1a", "A2"], ["A3"]);
    expect(plain(tick(before, full, "A"))).toEqual({ ids: [], branches: ["A"] });
    const inside = sel([], ["A"]);
    expect(tick(inside, full, "A1b")).toBe(inside);
  });

  it("merges a node ticked alone whose children become wholly ticked into a branch, upwards", () => {
    // A1 alone, A1a ticked: ticking A1b makes A1 whole.
    expect(plain(tick(sel(["A1", "A1a"], []), full, "A1b"))).toEqual({ ids: [], branches: ["A1"] });
    // Not merged when the node itself is not ticked: its own row is not part of the selection.
    expect(plain(tick(sel(["A1a"], []), full, "A1b"))).toEqual({ ids: ["A1a", "A1b"], branches: [] });
    // Two levels: A and A1 alone, A1a, A2, A3 ticked; ticking A1b merges A1, then A.
    expect(plain(tick(sel(["A", "A1", "A1a", "A2"], ["A3"]), full, "A1b"))).toEqual({ ids: [], branches: ["A"] });
  });

  it("does not merge when some children are not loaded", () => {
    const partial = knownTree(
      new Map<string, SelectableNode[]>([
        [ROOT_KEY, NODES.filter((n) => n.parentId === null)],
        ["B", [NODES[8]!]],
      ]),
    );
    expect(plain(tick(sel(["B"], []), partial, "B1"))).toEqual({ ids: ["B", "B1"], branches: [] });
  });
});

describe("unticking", () => {
  it("unticks a leaf or a branch with its subtree", () => {
    expect(plain(untick(sel(["A2", "C"], []), full, "A2"))).toEqual({ ids: ["C"], branches: [] });
    expect(plain(untick(sel(["A1a", "C"], ["A"]), full, "A"))).toEqual({ ids: ["C"], branches: [] });
    expect(plain(untick(sel(["A", "A1a", "A2"], []), full, "A"))).toEqual({ ids: [], branches: [] });
  });

  it("turns a ticked branch into its other children when a child is unticked", () => {
    const after = untick(sel([], ["A"]), full, "A2");
    expect(plain(after)).toEqual({ ids: ["A"], branches: ["A1", "A3"] });
    expect(selectedIds(after)).toEqual(["A", "A1", "A1a", "A1b", "A3", "A3a"]);
  });

  it("keeps every other part of the branch when a deeper descendant is unticked", () => {
    const after = untick(sel(["C"], ["A"]), full, "A1b");
    expect(plain(after)).toEqual({ ids: ["A", "A1", "A1a", "A2", "C"], branches: ["A3"] });
    expect(selectedIds(after)).toEqual(["A", "A1", "A1a", "A2", "A3", "A3a", "C"]);
  });

  it("unticking a node with children under a branch drops its whole subtree", () => {
    const after = untick(sel([], ["A"]), full, "A1");
    expect(selectedIds(after)).toEqual(["A", "A2", "A3", "A3a"]);
  });

  it("ticking back what was unticked restores the branch", () => {
    const unticked = untick(sel([], ["A"]), full, "A1b");
    expect(plain(tick(unticked, full, "A1b"))).toEqual({ ids: [], branches: ["A"] });
  });

  it("toggles by the checkbox's state: checked unticks, mixed and unchecked tick", () => {
    expect(plain(toggle(sel([], ["A"]), full, "A", "checked"))).toEqual({ ids: [], branches: [] });
    expect(plain(toggle(sel(["A1a"], []), full, "A", "mixed"))).toEqual({ ids: [], branches: ["A"] });
    expect(plain(toggle(EMPTY_SELECTION, full, "C", "unchecked"))).toEqual({ ids: ["C"], branches: [] });
  });
});

describe("checkbox states", () => {
  it("shows a ticked branch and its loaded subtree checked", () => {
    const states = checkStates(sel([], ["A"]), full);
    for (const id of ["A", "A1", "A1a", "A1b", "A2", "A3", "A3a"]) expect(states.get(id)).toBe("checked");
    for (const id of ["B", "B1", "B2", "C"]) expect(states.get(id)).toBe("unchecked");
  });

  it("shows ancestors of a partly ticked subtree mixed", () => {
    const states = checkStates(sel(["A1a"], []), full);
    expect(states.get("A1a")).toBe("checked");
    expect(states.get("A1b")).toBe("unchecked");
    expect(states.get("A1")).toBe("mixed");
    expect(states.get("A")).toBe("mixed");
    expect(states.get("B")).toBe("unchecked");
  });

  it("shows a node whose children are all ticked but not itself as mixed; itself too as checked", () => {
    expect(checkStates(sel(["B1", "B2"], []), full).get("B")).toBe("mixed");
    expect(checkStates(sel(["B", "B1", "B2"], []), full).get("B")).toBe("checked");
    // The node alone, with none of its children.
    expect(checkStates(sel(["B"], []), full).get("B")).toBe("mixed");
  });

  it("after unticking inside a branch, the branch is mixed and the rest checked", () => {
    const states = checkStates(untick(sel([], ["A"]), full, "A1b"), full);
    expect(states.get("A")).toBe("mixed");
    expect(states.get("A1")).toBe("mixed");
    expect(states.get("A1a")).toBe("checked");
    expect(states.get("A1b")).toBe("unchecked");
    expect(states.get("A3")).toBe("checked");
    expect(states.get("A3a")).toBe("checked");
  });

  it("gives states for loaded nodes only", () => {
    const states = checkStates(sel([], ["A"]), treeWith([]));
    expect([...states.keys()].sort()).toEqual(["A", "B", "C"]);
  });
});

describe("counts", () => {
  it("measures subtrees from positions, the last one to the end of the framework", () => {
    expect(subtreeSize(full, "A", TOTAL)).toBe(7);
    expect(subtreeSize(full, "A1", TOTAL)).toBe(3);
    // A3 is A's last child: it ends where A ends (B's position).
    expect(subtreeSize(full, "A3", TOTAL)).toBe(2);
    expect(subtreeSize(full, "B", TOTAL)).toBe(3);
    expect(subtreeSize(full, "C", TOTAL)).toBe(1);
    expect(subtreeSize(full, "unknown", TOTAL)).toBe(0);
  });

  it("counts the subtrees of branches without loading them", () => {
    // Only the top level is loaded: A's subtree runs to B's position.
    expect(selectedCount(sel([], ["A"]), treeWith([]), TOTAL)).toBe(7);
    expect(selectedCount(sel(["C"], ["A", "B"]), full, TOTAL)).toBe(TOTAL);
  });

  it("counts ids and branches once, and leaves out those already picked that it knows of", () => {
    expect(selectedCount(EMPTY_SELECTION, full, TOTAL)).toBe(0);
    expect(selectedCount(sel(["A1a", "C"], ["A3"]), full, TOTAL)).toBe(4);
    const afterUntick = untick(sel([], ["A"]), full, "A1b");
    expect(selectedCount(afterUntick, full, TOTAL)).toBe(6);
    expect(selectedCount(sel([], ["A"]), full, TOTAL, new Set(["A2", "B1", "not-loaded"]))).toBe(6);
  });

  it("labels the button with the count, singular for one", () => {
    expect(addButtonLabel(0)).toBe("Add 0 competencies");
    expect(addButtonLabel(1)).toBe("Add 1 competency");
    expect(addButtonLabel(12)).toBe("Add 12 competencies");
    expect(addButtonLabel(3000)).toBe("Add 3,000 competencies");
  });
});

it("reads ancestry from the loaded levels and builds the request body", () => {
  expect(ancestorIds(full, "A1b")).toEqual(["A", "A1"]);
  expect(ancestorIds(full, "C")).toEqual([]);
  expect(selectionRequest(sel(["C"], ["A"]))).toEqual({ ids: ["C"], branches: ["A"] });
});
