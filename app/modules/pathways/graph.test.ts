import { describe, expect, it } from "vitest";
import { buildPathwayGraph, pathwayList, type PathwaySpecification } from "~/modules/pathways/graph";
import { layoutPathway, NODE_WIDTH } from "~/modules/pathways/layout";

const spec = (over: Partial<PathwaySpecification> & Pick<PathwaySpecification, "documentId" | "title" | "kind">): PathwaySpecification => ({
  owner: "Lakeshore College",
  province: "ON",
  moduleIds: [],
  ladders: [],
  ...over,
});

const specs: PathwaySpecification[] = [
  spec({ documentId: "m1", title: "Flood-risk modelling", kind: "module", owner: "Prairie University", province: "SK" }),
  spec({ documentId: "m2", title: "Climate risk assessment", kind: "module" }),
  spec({ documentId: "m3", title: "Adaptation planning", kind: "module" }),
  spec({ documentId: "m4", title: "Unrelated module", kind: "module" }),
  spec({
    documentId: "s1",
    title: "Climate Adaptation Practitioner",
    kind: "stack",
    // m9 is not among the specifications the viewer may see: no node, no edge.
    moduleIds: ["m1", "m2", "m3", "m9", "m2"],
    ladders: [{ rowId: "r1", program: "BSc Environmental Science", institution: "Prairie University", province: "SK", grant: "6 credits", status: "confirmed" }],
  }),
  spec({
    documentId: "c1",
    title: "Stand-alone credential",
    kind: "standalone",
    ladders: [{ rowId: "r2", program: "BSc Environmental Science", institution: "Prairie University", province: "SK", grant: "3 credits", status: "proposed" }],
  }),
];

describe("the pathway graph", () => {
  const graph = buildPathwayGraph(specs);

  it("links modules to the stacks that use them, and stacks and credentials to the programs they ladder into", () => {
    expect(graph.nodes.map((n) => [n.type, n.label])).toEqual([
      ["module", "Adaptation planning"],
      ["module", "Climate risk assessment"],
      ["module", "Flood-risk modelling"],
      ["stack", "Climate Adaptation Practitioner"],
      ["credential", "Stand-alone credential"],
      ["program", "BSc Environmental Science"],
    ]);
    const program = graph.nodes.find((n) => n.type === "program")!;
    expect(program).toMatchObject({ owner: "Prairie University", province: "SK", href: null });
    expect(graph.edges).toEqual([
      { from: "doc:m1", to: "doc:s1", label: null, status: null },
      { from: "doc:m2", to: "doc:s1", label: null, status: null },
      { from: "doc:m3", to: "doc:s1", label: null, status: null },
      { from: "doc:s1", to: program.id, label: "6 credits", status: "confirmed" },
      { from: "doc:c1", to: program.id, label: "3 credits", status: "proposed" },
    ]);
    expect(graph.nodes.some((n) => n.label === "Unrelated module")).toBe(false);
  });

  it("lists the same graph: each stack with its modules and programs", () => {
    const list = pathwayList(graph);
    const stack = list.find((l) => l.node.type === "stack")!;
    expect(stack.modules.map((m) => `${m.label} (${m.owner})`)).toEqual(["Flood-risk modelling (Prairie University)", "Climate risk assessment (Lakeshore College)", "Adaptation planning (Lakeshore College)"]);
    expect(stack.programs).toEqual([{ program: expect.objectContaining({ label: "BSc Environmental Science" }), grant: "6 credits", status: "confirmed" }]);
  });

  it("lays out left to right: modules, then the stack, then the program", () => {
    const laid = layoutPathway(graph);
    const x = (label: string) => laid.nodes.find((n) => n.label === label)!.x;
    expect(x("Flood-risk modelling") + NODE_WIDTH).toBeLessThan(x("Climate Adaptation Practitioner"));
    expect(x("Climate Adaptation Practitioner") + NODE_WIDTH).toBeLessThan(x("BSc Environmental Science"));
    expect(laid.edges.every((e) => e.points.length >= 2)).toBe(true);
    expect(laid.width).toBeGreaterThan(3 * NODE_WIDTH);
  });

  it("is empty without stacks or laddering", () => {
    expect(buildPathwayGraph([specs[0]!, specs[3]!])).toEqual({ nodes: [], edges: [] });
  });
});
