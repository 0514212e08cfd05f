import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import frameworkStyles from "~/components/frameworks/frameworks.css";
import { requireUser } from "~/modules/auth/request.server";
import { listFrameworks } from "~/modules/frameworks/library.server";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: frameworkStyles }];

export const meta: MetaFunction = () => [{ title: "Competency frameworks — Concord" }];

export async function loader({ request }: LoaderFunctionArgs) {
  // Frameworks are reference data: every signed-in user reads every one.
  await requireUser(request);
  return json({ frameworks: await listFrameworks() });
}

export default function Frameworks() {
  const { frameworks } = useLoaderData<typeof loader>();
  return (
    <>
      <div className="page-header">
        <div>
          <p className="eyebrow">Library</p>
          <h1>Competency frameworks</h1>
          <p>Recognised frameworks your specifications pick competencies from: CTDL-ASN, CASE or any spreadsheet, with every version kept.</p>
        </div>
        <Link to="/frameworks/import" className="button">Import framework</Link>
      </div>
      <section className="card">
        {frameworks.length === 0 ? (
          <p className="empty">No framework has been imported yet.</p>
        ) : (
          <table className="table">
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col">Publisher</th>
                <th scope="col">Version</th>
                <th scope="col" className="numeric">Competencies</th>
                <th scope="col">Language</th>
              </tr>
            </thead>
            <tbody>
              {frameworks.map((framework) => (
                <tr key={framework.id}>
                  <td>
                    <Link to={`/frameworks/${framework.id}`}><strong>{framework.name}</strong></Link>
                    <br />
                    <span className="muted">Imported by {framework.organizationName}</span>
                  </td>
                  <td>{framework.publisher ?? <span className="muted">—</span>}</td>
                  <td>
                    {framework.versionLabel ?? `Version ${framework.versionNumber}`}
                    {framework.olderVersionIds.length > 0 ? (
                      <>
                        <br />
                        <span className="muted">{framework.olderVersionIds.length} older {framework.olderVersionIds.length === 1 ? "version" : "versions"}</span>
                      </>
                    ) : null}
                  </td>
                  <td className="numeric">{framework.competencyCount.toLocaleString("en-CA")}</td>
                  <td>{framework.language ?? <span className="muted">—</span>}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
    </>
  );
}
