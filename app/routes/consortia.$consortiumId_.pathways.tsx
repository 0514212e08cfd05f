import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { metaT } from "~/components/i18n/meta";
import { requireActor } from "~/modules/auth/request.server";
import { pathwayList } from "~/modules/pathways/graph";
import { layoutPathway } from "~/modules/pathways/layout";
import { consortiumPathways } from "~/modules/pathways/pathways.server";

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => {
  const t = metaT(matches);
  return [{ title: t("consortia.pathways.metaTitle", { name: data?.consortium.name ?? t("consortia.fallbackName") }) }];
};

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { actor } = await requireActor(request);
  // The access gate's 404 for anyone outside the consortium.
  const { consortium, graph } = await consortiumPathways(actor, params.consortiumId ?? "");
  // Laid out on the server: the page ships coordinates, not the layout library.
  return json({ consortium, graph, layout: layoutPathway(graph), list: pathwayList(graph) });
}

export default function Pathways() {
  const { consortium, layout, list } = useLoaderData<typeof loader>();
  // Laid out on the server (dagre stays out of the browser bundle).
  const nodeById = new Map(layout.nodes.map((n) => [n.id, n]));
  const { t } = useTranslation();
  const typeLabel = (type: "module" | "stack" | "credential" | "program") => t(`consortia.pathways.types.${type}`);
  const statusLabel = (status: string) => t(`consortia.pathways.statuses.${status as "proposed" | "confirmed" | "withdrawn"}`);
  return (
    <>
      <div className="page-header">
        <div>
          <p className="eyebrow">
            <Link to={`/consortia/${consortium.id}`}>{consortium.name}</Link>
          </p>
          <h1>{t("consortia.pathways.title")}</h1>
          <p>{t("consortia.pathways.intro")}</p>
        </div>
      </div>
      {layout.nodes.length === 0 ? (
        <p className="empty">{t("consortia.pathways.empty")}</p>
      ) : (
        <div style={{ display: "flex", flexWrap: "wrap", gap: "1.5rem", alignItems: "flex-start" }}>
          <section className="card" aria-labelledby="diagram-heading" style={{ overflowX: "auto", flex: "2 1 36rem" }}>
            <h2 id="diagram-heading">{t("consortia.pathways.diagram")}</h2>
            {/* A group, not an image: its boxes are links (an image's content is not reachable). */}
            <svg role="group" aria-labelledby="pathway-title" width={layout.width} height={layout.height} viewBox={`0 0 ${layout.width} ${layout.height}`} style={{ maxWidth: "100%", height: "auto" }} data-testid="pathway-diagram">
              <title id="pathway-title">{t("consortia.pathways.diagramTitle", { name: consortium.name, count: layout.nodes.length })}</title>
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
                  <title>{`${nodeById.get(edge.from)?.label} → ${nodeById.get(edge.to)?.label}${edge.label ? ` (${edge.label}, ${edge.status ? statusLabel(edge.status) : ""})` : ""}`}</title>
                </polyline>
              ))}
              {layout.nodes.map((node) => {
                const box = (
                  <g>
                    <title>{`${typeLabel(node.type)}: ${node.label}, ${node.owner}${node.province ? ` (${node.province})` : ""}`}</title>
                    <rect x={node.x} y={node.y} width={layout.nodeWidth} height={layout.nodeHeight} rx={8} fill={node.type === "stack" || node.type === "credential" ? "#e8f0fe" : node.type === "program" ? "#e6f4ea" : "#fff"} stroke="currentColor" />
                    {/* The words on the box are a shortened copy of the box's name: hidden from assistive technology. */}
                    <text x={node.x + 10} y={node.y + 20} fontSize="13" fontWeight="600" aria-hidden="true">
                      {node.label.length > 26 ? `${node.label.slice(0, 25)}…` : node.label}
                    </text>
                    <text x={node.x + 10} y={node.y + 38} fontSize="11" aria-hidden="true">
                      {`${typeLabel(node.type)}`}
                    </text>
                    <text x={node.x + 10} y={node.y + 54} fontSize="11" aria-hidden="true">
                      {`${node.owner}${node.province ? ` (${node.province})` : ""}`.slice(0, 36)}
                    </text>
                  </g>
                );
                return node.href ? (
                  // Named by its <title> (an SVG element's name), not aria-label: the shortened words on the box are not its name (WCAG 2.5.3).
                  <a key={node.id} href={node.href}>
                    <title>{`${typeLabel(node.type)}: ${node.label}, ${node.owner}`}</title>
                    {box}
                  </a>
                ) : (
                  <g key={node.id} aria-label={`${typeLabel(node.type)}: ${node.label}, ${node.owner}`} role="group">
                    {box}
                  </g>
                );
              })}
            </svg>
          </section>
          <section className="card" aria-labelledby="list-heading" style={{ flex: "1 1 20rem" }} data-testid="pathway-list">
            <h2 id="list-heading">{t("consortia.pathways.list")}</h2>
            <ul>
              {list.map(({ node, modules, programs }) => (
                <li key={node.id}>
                  <strong>{node.href ? <Link to={node.href}>{node.label}</Link> : node.label}</strong> — {typeLabel(node.type)}, {node.owner}
                  {node.province ? ` (${node.province})` : ""}
                  {modules.length > 0 ? (
                    <>
                      <br />
                      {t("consortia.pathways.modules")}
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
                      {t("consortia.pathways.laddersInto")}
                      <ul>
                        {programs.map((p) => (
                          <li key={p.program.id}>
                            {p.program.label}, {p.program.owner}
                            {p.program.province ? ` (${p.program.province})` : ""}: {p.grant} — {p.status ? statusLabel(p.status) : ""}
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
