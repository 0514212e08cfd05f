import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { requireActor } from "~/modules/auth/request.server";
import { consortiumLibrary } from "~/modules/consortia/library.server";
import { formatCad } from "~/components/consortia/format";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `Module library — ${data?.consortium.name ?? "Consortium"} — Concord` }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { actor } = await requireActor(request);
  const query = (new URL(request.url).searchParams.get("q") ?? "").slice(0, 200);
  // The access gate's 404 for anyone outside the consortium; approved modules only.
  const library = await consortiumLibrary(actor, params.consortiumId ?? "", query);
  return json({ ...library, query });
}

export default function ModuleLibrary() {
  const { consortium, modules, query } = useLoaderData<typeof loader>();
  return (
    <>
      <div className="page-header">
        <div>
          <p className="eyebrow">
            <Link to={`/consortia/${consortium.id}`}>{consortium.name}</Link>
          </p>
          <h1>Module library</h1>
          <p>The approved modules of the consortium&apos;s members, as approved. Drafts and modules in review are not shown.</p>
        </div>
      </div>
      <section className="card" aria-labelledby="library-heading">
        <h2 id="library-heading" className="visually-hidden">
          Modules
        </h2>
        <Form method="get" role="search" style={{ display: "flex", gap: "0.5rem", marginBottom: "1rem" }}>
          <label htmlFor="library-search" className="visually-hidden">
            Search modules
          </label>
          <input id="library-search" type="search" name="q" defaultValue={query} placeholder="Search by title, owner, competency…" />
          <button type="submit" className="button button--secondary">
            Search
          </button>
        </Form>
        {modules.length === 0 ? (
          <p className="empty">{query ? "No approved module matches your search." : "No member has an approved module yet."}</p>
        ) : (
          <table className="table" data-testid="module-library">
            <thead>
              <tr>
                <th scope="col">Module</th>
                <th scope="col">Owner</th>
                <th scope="col">Hours</th>
                <th scope="col">Credits</th>
                <th scope="col">Cost</th>
                <th scope="col">Delivery mode</th>
                <th scope="col">Competencies</th>
                <th scope="col">Level</th>
              </tr>
            </thead>
            <tbody>
              {modules.map((module) => (
                <tr key={module.documentId}>
                  <th scope="row">{module.title}</th>
                  <td>{module.owner}</td>
                  <td>{module.hours ?? "—"}</td>
                  <td>{module.credits ?? "—"}</td>
                  <td>{module.cost === null ? "—" : formatCad(module.cost)}</td>
                  <td>{module.deliveryMode ?? "—"}</td>
                  <td title={module.competencies.join("\n")}>{module.competencyCount}</td>
                  <td>{module.level ?? "—"}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
    </>
  );
}
