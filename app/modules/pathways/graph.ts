/**
 * The pathway graph of a consortium (issue #18): modules → stacked credentials → programs they
 * ladder into. Pure: callers load the approved specifications; the page lays it out (layout.ts)
 * and draws it as SVG beside a list of the same graph.
 */
import type { RecognitionStatus } from "~/modules/recognitions/laddering";

export type PathwaySpecification = {
  documentId: string;
  title: string;
  owner: string;
  province: string | null;
  kind: "standalone" | "module" | "stack";
  /** For a stack: the module documents it references. */
  moduleIds: string[];
  /** Where it counts, with the recognition's state. */
  ladders: Array<{ rowId: string; program: string; institution: string; province: string | null; grant: string; status: RecognitionStatus }>;
};

export type PathwayNodeType = "module" | "stack" | "credential" | "program";
export type PathwayNode = { id: string; type: PathwayNodeType; label: string; owner: string; province: string | null; href: string | null };
export type PathwayEdge = { from: string; to: string; label: string | null; status: RecognitionStatus | null };
export type PathwayGraph = { nodes: PathwayNode[]; edges: PathwayEdge[] };

const programKey = (institution: string, program: string) => `program:${institution.trim().toLowerCase()}|${program.trim().toLowerCase()}`;

/**
 * Stacks and the modules they reference (those among `specs`: modules the viewer may see), and the
 * programs stacks and modules ladder into. A module that is in no stack and ladders nowhere is left
 * out: the view is about pathways, the library lists every module.
 */
export function buildPathwayGraph(specs: ReadonlyArray<PathwaySpecification>): PathwayGraph {
  const byId = new Map(specs.map((s) => [s.documentId, s]));
  const nodes = new Map<string, PathwayNode>();
  const edges: PathwayEdge[] = [];
  const specNode = (s: PathwaySpecification): string => {
    const id = `doc:${s.documentId}`;
    if (!nodes.has(id)) nodes.set(id, { id, type: s.kind === "stack" ? "stack" : s.kind === "module" ? "module" : "credential", label: s.title, owner: s.owner, province: s.province, href: `/documents/${s.documentId}` });
    return id;
  };
  const ladder = (s: PathwaySpecification, from: string) => {
    for (const l of s.ladders) {
      const id = programKey(l.institution, l.program);
      if (!nodes.has(id)) nodes.set(id, { id, type: "program", label: l.program, owner: l.institution, province: l.province, href: null });
      edges.push({ from, to: id, label: l.grant, status: l.status });
    }
  };
  const sorted = [...specs].sort((a, b) => a.title.localeCompare(b.title) || a.documentId.localeCompare(b.documentId));
  for (const stack of sorted.filter((s) => s.kind === "stack")) {
    const stackId = specNode(stack);
    for (const moduleId of [...new Set(stack.moduleIds)]) {
      const module = byId.get(moduleId);
      if (!module || module.kind !== "module") continue;
      edges.push({ from: specNode(module), to: stackId, label: null, status: null });
    }
    ladder(stack, stackId);
  }
  for (const spec of sorted.filter((s) => s.kind !== "stack" && s.ladders.length > 0)) ladder(spec, specNode(spec));
  const order: Record<PathwayNodeType, number> = { module: 0, stack: 1, credential: 1, program: 2 };
  return { nodes: [...nodes.values()].sort((a, b) => order[a.type] - order[b.type] || a.label.localeCompare(b.label)), edges };
}

/** The list view: each stack or credential with what it is made of and where it leads. */
export function pathwayList(graph: PathwayGraph) {
  const node = new Map(graph.nodes.map((n) => [n.id, n]));
  return graph.nodes
    .filter((n) => n.type === "stack" || ((n.type === "module" || n.type === "credential") && graph.edges.some((e) => e.from === n.id && node.get(e.to)?.type === "program")))
    .map((n) => ({
      node: n,
      modules: graph.edges.filter((e) => e.to === n.id).map((e) => node.get(e.from)!),
      programs: graph.edges.filter((e) => e.from === n.id && node.get(e.to)?.type === "program").map((e) => ({ program: node.get(e.to)!, grant: e.label, status: e.status })),
    }));
}
