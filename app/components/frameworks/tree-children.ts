import type { ChildrenIndex, TreeModelNode } from "~/components/frameworks/tree-model";

/**
 * Loading branches of a lazily loaded tree (the framework page's tree and the competency picker):
 * the parents not loaded or loading yet are marked "loading", fetched together and stored; on a
 * failure their marks are forgotten, so asking again retries. Returns what happened — `problem`
 * null when all loaded, the failure's message otherwise — or undefined when nothing was asked for
 * (all loaded or loading already) or the answer was dropped.
 */
export async function loadTreeChildren<N extends TreeModelNode>(options: {
  parentIds: readonly string[];
  /** The index as it is now (a ref's current value: a state value would be stale). */
  current: () => ChildrenIndex<N>;
  update: (change: (index: ChildrenIndex<N>) => ChildrenIndex<N>) => void;
  fetchChildren: (parentId: string) => Promise<N[]>;
  /** False when the tree was replaced meanwhile (another framework): the answer is dropped. */
  stillWanted?: () => boolean;
  /** What to say when a failure carries no message of its own, e.g. "The branch did not load". */
  failure: string;
}): Promise<{ problem: string | null } | undefined> {
  const { current, update, fetchChildren, stillWanted = () => true } = options;
  const wanted = options.parentIds.filter((id) => current().get(id) === undefined);
  if (wanted.length === 0) return undefined;
  update((index) => {
    const next = new Map(index);
    for (const id of wanted) next.set(id, "loading");
    return next;
  });
  try {
    const loaded = await Promise.all(wanted.map(async (id) => [id, await fetchChildren(id)] as const));
    if (!stillWanted()) return undefined;
    update((index) => {
      const next = new Map(index);
      for (const [id, nodes] of loaded) next.set(id, nodes);
      return next;
    });
    return { problem: null };
  } catch (error) {
    if (!stillWanted()) return undefined;
    update((index) => {
      const next = new Map(index);
      for (const id of wanted) if (next.get(id) === "loading") next.delete(id);
      return next;
    });
    return { problem: error instanceof Error ? error.message : `${options.failure}.` };
  }
}

/** GET a children resource route (`…/children[?parent=<id>]`) answering `{ nodes }`. */
export async function fetchChildNodes<N>(url: string, failure: string): Promise<N[]> {
  const response = await fetch(url, { headers: { Accept: "application/json" } });
  if (!response.ok) throw new Error(`${failure} (${response.status}).`);
  return ((await response.json()) as { nodes: N[] }).nodes;
}
