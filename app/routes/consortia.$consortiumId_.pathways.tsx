import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { requireActor } from "~/modules/auth/request.server";
import { pathwayList } from "~/modules/pathways/graph";
import { layoutPathway } from "~/modules/pathways/layout";
import { consortiumPathways } from "~/modules/pathways/pathways.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `Pathways — ${data?.consortium.name ?? "Consortium"} — Concord` }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { actor } = await requireActor(request);
  // The access gate's 404 for anyone outside the consortium.
  const { consortium, graph } = await consortiumPathways(actor, params.consortiumId ?? "");
  // Laid out on the server: the page ships coordinates, not the layout library.
  return json({ consortium, graph, layout: layoutPathway(graph), list: pathwayList(graph) });
}

const TYPE_LABEL = { module: "Module", stack: "Stacked credential", credential: "Credential", program: "Program" } as const;
const STATUS_LABEL = { proposed: "proposed", confirmed: "confirmed", withdrawn: "withdrawn" } as const;

export default function Pathways() {
  const { consortium, layout, list } = useLoaderData<typeof loader>();
  // Laid out on the server (dagre stays out of the browser bundle).
  const nodeById = new Map(layout.nodes.map((n) => [n.id, n]));
  return (
    <>
      <div className="page-header">
        <div>
          <p className="eyebrow">
            <Link to={`/consortia/${consortium.id}`}>{consortium.name}</Link>
          </p>
          <h1>Pathways</h1>
          <p>Modules → stacked credentials → the programs they ladder into, with owners and provinces. A recognition is confirmed once the receiving institution signs it.</p>
        </div>
      </div>
      {layout.nodes.length === 0 ? (
        <p className="empty">No approved stack or laddering yet.</p>
      ) : (
        <div style={{ display: "flex", flexWrap: "wrap", gap: "1.5rem", alignItems: "flex-start" }}>
          <section className="card" aria-labelledby="diagram-heading" style={{ overflowX: "auto", flex: "2 1 36rem" }}>
            <h2 id="diagram-heading">Diagram</h2>
            {/* A group, not an image: its boxes are links (an image's content is not reachable). */}
            <svg role="group" aria-labelledby="pathway-title" width={layout.width} height={layout.height} viewBox={`0 0 ${layout.width} ${layout.height}`} style={{ maxWidth: "100%", height: "auto" }} data-testid="pathway-diagram">
              <title id="pathway-title">{`Pathways of ${consortium.name}: ${layout.nodes.length} modules, credentials and programs`}</title>
              <defs>
                <marker id="arrow" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="8" markerHeight="8" orient="auto-start-reverse">
                  <path d="M 0 0 L 10 5 L 0 10 z" fill="currentColor" />
                </marker>
              </defs>
              {layout.edges.map((edge, i) => (
                <polyline
                  key={i}
                  points={edge.points.map((p) => `${p.x},${p.y}`).join(" ")}
                  fill="none"
                  stroke="currentColor"
                  strokeDasharray={edge.status && edge.status !== "confirmed" ? "6 4" : undefined}
                  markerEnd="url(#arrow)"
                >
                  <title>{`${nodeById.get(edge.from)?.label} → ${nodeById.get(edge.to)?.label}${edge.label ? ` (${edge.label}, ${edge.status})` : ""}`}</title>
                </polyline>
              ))}
              {layout.nodes.map((node) => {
                const box = (
                  <g>
                    <title>{`${TYPE_LABEL[node.type]}: ${node.label}, ${node.owner}${node.province ? ` (${node.province})` : ""}`}</title>
                    <rect x={node.x} y={node.y} width={layout.nodeWidth} height={layout.nodeHeight} rx={8} fill={node.type === "stack" || node.type === "credential" ? "#e8f0fe" : node.type === "program" ? "#e6f4ea" : "#fff"} stroke="currentColor" />
                    {/* The words on the box are a shortened copy of the box's name: hidden from assistive technology. */}
                    <text x={node.x + 10} y={node.y + 20} fontSize="13" fontWeight="600" aria-hidden="true">
                      {node.label.length > 26 ? `${node.label.slice(0, 25)}…` : node.label}
                    </text>
                    <text x={node.x + 10} y={node.y + 38} fontSize="11" aria-hidden="true">
                      {`${TYPE_LABEL[node.type]}`}
                    </text>
                    <text x={node.x + 10} y={node.y + 54} fontSize="11" aria-hidden="true">
                      {`${node.owner}${node.province ? ` (${node.province})` : ""}`.slice(0, 36)}
                    </text>
                  </g>
                );
                return node.href ? (
                  // Named by its <title> (an SVG element's name), not aria-label: the shortened words on the box are not its name (WCAG 2.5.3).
                  <a key={node.id} href={node.href}>
                    <title>{`${TYPE_LABEL[node.type]}: ${node.label}, ${node.owner}`}</title>
                    {box}
                  </a>
                ) : (
                  <g key={node.id} aria-label={`${TYPE_LABEL[node.type]}: ${node.label}, ${node.owner}`} role="group">
                    {box}
                  </g>
                );
              })}
            </svg>
          </section>
          <section className="card" aria-labelledby="list-heading" style={{ flex: "1 1 20rem" }} data-testid="pathway-list">
            <h2 id="list-heading">List</h2>
            <ul>
              {list.map(({ node, modules, programs }) => (
                <li key={node.id}>
                  <strong>{node.href ? <Link to={node.href}>{node.label}</Link> : node.label}</strong> — {TYPE_LABEL[node.type]}, {node.owner}
                  {node.province ? ` (${node.province})` : ""}
                  {modules.length > 0 ? (
                    <>
                      <br />
                      Modules:
                      <ul>
                        {modules.map((m) => (
                          <li key={m.id}>
                            {m.href ? <Link to={m.href}>{m.label}</Link> : m.label} — {m.owner}
                            {m.province ? ` (${m.province})` : ""}
                          </li>
                        ))}
                      </ul>
                    </>
                  ) : null}
                  {programs.length > 0 ? (
                    <>
                      <br />
                      Ladders into:
                      <ul>
                        {programs.map((p) => (
                          <li key={p.program.id}>
                            {p.program.label}, {p.program.owner}
                            {p.program.province ? ` (${p.program.province})` : ""}: {p.grant} — {p.status ? STATUS_LABEL[p.status] : ""}
                          </li>
                        ))}
                      </ul>
                    </>
                  ) : null}
                </li>
              ))}
            </ul>
          </section>
        </div>
      )}
    </>
  );
}
