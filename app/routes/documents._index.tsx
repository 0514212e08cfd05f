import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { StatusBadge } from "~/components/ui/badges";
import { requireActor } from "~/modules/auth/request.server";
import { listDocumentsForActor } from "~/modules/documents/documents.server";
import { DOCUMENT_KIND_LABELS } from "~/modules/documents/labels";

export const meta: MetaFunction = () => [{ title: "Documents — Concord" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const { actor } = await requireActor(request);
  return json({ documents: await listDocumentsForActor(actor) });
}

export default function Documents() {
  const { documents } = useLoaderData<typeof loader>();
  return (
    <>
      <div className="page-header">
        <div>
          <p className="eyebrow">Documents</p>
          <h1>Every document you can see</h1>
          <p>Credential specifications, assessment plans and work-based learning agreements from your projects.</p>
        </div>
      </div>
      <section className="card">
        {documents.length === 0 ? (
          <p className="empty">No documents yet. Documents are created from a project page.</p>
        ) : (
          <table className="table">
            <thead>
              <tr><th>Title</th><th>Kind</th><th>Project</th><th>Complete</th><th>Status</th><th>Updated</th></tr>
            </thead>
            <tbody>
              {documents.map((document) => (
                <tr key={document.id}>
                  <td><Link to={`/documents/${document.id}`}>{document.title}</Link></td>
                  <td>{DOCUMENT_KIND_LABELS[document.kind]}</td>
                  <td><Link to={`/projects/${document.projectId}`}>{document.projectTitle}</Link></td>
                  {/* From the projection: how much of what the kind requires is filled in. */}
                  <td className="muted">{document.completenessPercent === null ? "—" : `${document.completenessPercent}%`}</td>
                  <td><StatusBadge status={document.status} /></td>
                  <td className="muted"><time dateTime={document.updatedAt}>{document.updatedAt.slice(0, 10)}</time></td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
    </>
  );
}
