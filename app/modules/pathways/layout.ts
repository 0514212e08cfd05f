/**
 * Lays out a pathway graph left to right with dagre (@dagrejs/dagre, the maintained fork): pure and
 * synchronous, so the server renders the SVG and the browser bundle needs nothing more.
 */
import dagre from "@dagrejs/dagre";
import type { PathwayGraph, PathwayNode } from "~/modules/pathways/graph";

export const NODE_WIDTH = 220;
export const NODE_HEIGHT = 64;

export type LaidOutGraph = {
  nodeWidth: number;
  nodeHeight: number;
  width: number;
  height: number;
  nodes: Array<PathwayNode & { x: number; y: number }>;
  edges: Array<{ from: string; to: string; label: string | null; status: string | null; points: Array<{ x: number; y: number }> }>;
};

export function layoutPathway(graph: PathwayGraph): LaidOutGraph {
  const g = new dagre.graphlib.Graph({ multigraph: true });
  g.setGraph({ rankdir: "LR", nodesep: 24, ranksep: 80, marginx: 12, marginy: 12 });
  g.setDefaultEdgeLabel(() => ({}));
  for (const node of graph.nodes) g.setNode(node.id, { width: NODE_WIDTH, height: NODE_HEIGHT });
  graph.edges.forEach((edge, i) => g.setEdge(edge.from, edge.to, {}, `e${i}`));
  dagre.layout(g);
  const size = g.graph();
  return {
    nodeWidth: NODE_WIDTH,
    nodeHeight: NODE_HEIGHT,
    width: Math.ceil(size.width ?? 0),
    height: Math.ceil(size.height ?? 0),
    nodes: graph.nodes.map((n) => {
      const at = g.node(n.id);
      return { ...n, x: at.x - NODE_WIDTH / 2, y: at.y - NODE_HEIGHT / 2 };
    }),
    edges: graph.edges.map((edge, i) => ({ ...edge, points: (g.edge({ v: edge.from, w: edge.to, name: `e${i}` }).points ?? []).map((p: { x: number; y: number }) => ({ x: p.x, y: p.y })) })),
  };
}
