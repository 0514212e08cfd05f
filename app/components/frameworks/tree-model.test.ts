import { describe, expect, it } from "vitest";
import {
  childrenKey,
  flattenTree,
  keyMove,
  missingBranches,
  scrollToReveal,
  visibleWindow,
  type TreeModelNode,
} from "~/components/frameworks/tree-model";

const node = (id: string, parentId: string | null, childCount = 0): TreeModelNode => ({ id, parentId, childCount });

// A            (2 children)
//   A1         (1 child)
//     A1a
//   A2
// B            (1 child, not loaded)
// C            (leaf)
function sample(): Map<string, TreeModelNode[] | "loading"> {
  return new Map<string, TreeModelNode[] | "loading">([
    ["", [node("A", null, 2), node("B", null, 1), node("C", null)]],
    ["A", [node("A1", "A", 1), node("A2", "A")]],
    ["A1", [node("A1a", "A1")]],
  ]);
}

describe("flattenTree", () => {
  it("shows only the top level when nothing is expanded", () => {
    const rows = flattenTree(sample(), new Set());
    expect(rows.map((row) => row.node.id)).toEqual(["A", "B", "C"]);
    expect(rows.map((row) => [row.level, row.posInSet, row.setSize, row.expanded])).toEqual([
      [1, 1, 3, false],
      [1, 2, 3, false],
      [1, 3, 3, undefined],
    ]);
  });

  it("walks expanded branches in pre-order with levels, positions and parents", () => {
    const rows = flattenTree(sample(), new Set(["A", "A1"]));
    expect(rows.map((row) => row.node.id)).toEqual(["A", "A1", "A1a", "A2", "B", "C"]);
    expect(rows.map((row) => row.level)).toEqual([1, 2, 3, 2, 1, 1]);
    expect(rows.map((row) => row.parentIndex)).toEqual([-1, 0, 1, 0, -1, -1]);
    expect(rows[3]).toMatchObject({ posInSet: 2, setSize: 2, expanded: undefined });
  });

  it("hides the children of a collapsed branch even when they are loaded", () => {
    const rows = flattenTree(sample(), new Set(["A1"]));
    expect(rows.map((row) => row.node.id)).toEqual(["A", "B", "C"]);
  });

  it("marks an expanded branch whose children are not loaded yet as loading", () => {
    const children = sample();
    children.set("B", "loading");
    const rows = flattenTree(children, new Set(["B"]));
    expect(rows[1]).toMatchObject({ expanded: true, loading: true });
    expect(rows).toHaveLength(3);
  });

  it("is empty until the top level is loaded", () => {
    expect(flattenTree(new Map(), new Set())).toEqual([]);
    expect(flattenTree(new Map([["", "loading" as const]]), new Set())).toEqual([]);
  });

  it("flattens 50,000 expanded nodes, 5,000 levels deep, without recursion", () => {
    const children = new Map<string, TreeModelNode[]>();
    const top: TreeModelNode[] = [];
    const expanded = new Set<string>();
    // Ten sections of a 5,000-deep chain each: deep enough to overflow a recursive walk.
    for (let section = 0; section < 10; section++) {
      let parent: string | null = null;
      for (let depth = 0; depth < 5_000; depth++) {
        const id = `s${section}-${depth}`;
        const item = node(id, parent, depth < 4_999 ? 1 : 0);
        if (parent === null) top.push(item);
        else children.set(parent, [item]);
        expanded.add(id);
        parent = id;
      }
    }
    children.set("", top);
    const rows = flattenTree(children, expanded);
    expect(rows).toHaveLength(50_000);
    expect(rows[4_999]!.level).toBe(5_000);
    expect(rows[5_000]).toMatchObject({ level: 1, posInSet: 2, setSize: 10 });
  });
});

describe("keyMove", () => {
  const rows = flattenTree(sample(), new Set(["A", "A1"])); // A, A1, A1a, A2, B, C

  it.each([
    ["ArrowDown", 0, { kind: "focus", index: 1 }],
    ["ArrowDown", 5, { kind: "none" }],
    ["ArrowUp", 3, { kind: "focus", index: 2 }],
    ["ArrowUp", 0, { kind: "none" }],
    ["Home", 4, { kind: "focus", index: 0 }],
    ["End", 1, { kind: "focus", index: 5 }],
    // Right on an open branch enters it; on a closed one opens it; on a leaf does nothing.
    ["ArrowRight", 0, { kind: "focus", index: 1 }],
    ["ArrowRight", 4, { kind: "expand", id: "B" }],
    ["ArrowRight", 2, { kind: "none" }],
    // Left on an open branch closes it; elsewhere goes to the parent; at the top does nothing.
    ["ArrowLeft", 1, { kind: "collapse", id: "A1" }],
    ["ArrowLeft", 2, { kind: "focus", index: 1 }],
    ["ArrowLeft", 3, { kind: "focus", index: 0 }],
    ["ArrowLeft", 5, { kind: "none" }],
    // Enter and Space toggle a branch, and do nothing on a leaf.
    ["Enter", 0, { kind: "collapse", id: "A" }],
    [" ", 4, { kind: "expand", id: "B" }],
    ["Enter", 5, { kind: "none" }],
    ["x", 0, { kind: "none" }],
  ] as const)("%s on row %i", (key, focused, expected) => {
    expect(keyMove(rows, focused, key)).toEqual(expected);
  });

  it("does not move into a branch whose children are still loading", () => {
    const children = sample();
    children.set("B", "loading");
    const loading = flattenTree(children, new Set(["B"]));
    expect(keyMove(loading, 1, "ArrowRight")).toEqual({ kind: "none" });
  });

  it("does nothing in an empty tree", () => {
    expect(keyMove([], 0, "ArrowDown")).toEqual({ kind: "none" });
  });
});

describe("visibleWindow", () => {
  it("renders the rows in view plus the overscan, with spacers for the rest", () => {
    // 50,000 rows of 32 px, viewport 480 px scrolled to row 1,000.
    const window = visibleWindow({ scrollTop: 32_000, viewportHeight: 480, rowHeight: 32, rowCount: 50_000, overscan: 5 });
    expect(window).toEqual({ start: 995, end: 1_021, padTop: 995 * 32, padBottom: (50_000 - 1_021) * 32 });
    expect(window.end - window.start).toBeLessThan(30);
  });

  it("clamps at the top and at the bottom", () => {
    expect(visibleWindow({ scrollTop: 0, viewportHeight: 100, rowHeight: 20, rowCount: 3, overscan: 5 })).toEqual({
      start: 0,
      end: 3,
      padTop: 0,
      padBottom: 0,
    });
    const bottom = visibleWindow({ scrollTop: 10_000, viewportHeight: 100, rowHeight: 20, rowCount: 100, overscan: 2 });
    expect(bottom.end).toBe(100);
    expect(bottom.padTop + (bottom.end - bottom.start) * 20 + bottom.padBottom).toBe(100 * 20);
  });

  it("is empty for no rows", () => {
    expect(visibleWindow({ scrollTop: 0, viewportHeight: 100, rowHeight: 20, rowCount: 0 })).toEqual({ start: 0, end: 0, padTop: 0, padBottom: 0 });
  });
});

describe("scrollToReveal", () => {
  it("scrolls up or down just enough, and not at all when the row is in view", () => {
    expect(scrollToReveal(2, 100, 200, 20)).toBe(40);
    expect(scrollToReveal(20, 100, 200, 20)).toBe(220);
    expect(scrollToReveal(6, 100, 200, 20)).toBeNull();
  });
});

describe("missingBranches", () => {
  it("lists the ancestors whose children are not loaded, in order", () => {
    const children = sample();
    children.set("B", "loading");
    expect(missingBranches(children, ["A", "A1", "B", "X"])).toEqual(["B", "X"]);
    expect(childrenKey(null)).toBe("");
  });
});
