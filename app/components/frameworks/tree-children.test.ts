import { describe, expect, it } from "vitest";
import { loadTreeChildren } from "~/components/frameworks/tree-children";
import type { ChildrenIndex } from "~/components/frameworks/tree-model";

type Node = { id: string; parentId: string | null; childCount: number; statement: string };
const node = (id: string, parentId: string): Node => ({ id, parentId, childCount: 0, statement: id });

function tree(initial: ChildrenIndex<Node> = new Map()) {
  const state = { index: initial, seen: [] as ChildrenIndex<Node>[] };
  return {
    state,
    current: () => state.index,
    update: (change: (index: ChildrenIndex<Node>) => ChildrenIndex<Node>) => {
      state.index = change(state.index);
      state.seen.push(state.index);
    },
  };
}

describe("loadTreeChildren", () => {
  it("marks the wanted parents as loading, then stores what they hold; asks nothing for those loaded or loading", async () => {
    const t = tree(new Map<string, Node[] | "loading">([["done", []], ["busy", "loading"]]));
    const asked: string[] = [];
    const outcome = await loadTreeChildren<Node>({
      parentIds: ["a", "done", "busy", "b"],
      ...t,
      fetchChildren: async (id) => (asked.push(id), [node(`${id}1`, id)]),
      failure: "The branch did not load",
    });
    expect(asked).toEqual(["a", "b"]);
    expect(t.state.seen[0]!.get("a")).toBe("loading");
    expect(t.state.index.get("a")).toEqual([node("a1", "a")]);
    expect(t.state.index.get("busy")).toBe("loading");
    expect(outcome).toEqual({ problem: null });
    expect(await loadTreeChildren<Node>({ parentIds: ["a"], ...t, fetchChildren: async () => [], failure: "x" })).toBeUndefined();
  });

  it("forgets the loading marks on a failure, so asking again retries, and says what failed", async () => {
    const t = tree();
    const outcome = await loadTreeChildren<Node>({
      parentIds: ["a"],
      ...t,
      fetchChildren: async () => {
        throw new Error("The branch did not load (500).");
      },
      failure: "The branch did not load",
    });
    expect(outcome).toEqual({ problem: "The branch did not load (500)." });
    expect(t.state.index.has("a")).toBe(false);
  });

  it("drops the answer for a tree replaced meanwhile", async () => {
    const t = tree();
    let wanted = true;
    const outcome = await loadTreeChildren<Node>({
      parentIds: ["a"],
      ...t,
      fetchChildren: async (id) => {
        wanted = false;
        return [node("a1", id)];
      },
      stillWanted: () => wanted,
      failure: "Part of the framework did not load",
    });
    expect(outcome).toBeUndefined();
    expect(t.state.index.get("a")).toBe("loading");
  });
});
