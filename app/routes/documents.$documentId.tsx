import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { RoleBadge, StatusBadge } from "~/components/ui/badges";
import { requireActor } from "~/modules/auth/request.server";
import { getDocumentForActor } from "~/modules/documents/documents.server";
import { DOCUMENT_KIND_LABELS } from "~/modules/documents/labels";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.document.title ?? "Document"} — Concord` }];

const ROLE_WORDS = { editor: "You can edit", commenter: "You can read and comment", viewer: "You can read" } as const;

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { actor } = await requireActor(request);
  const found = params.documentId ? await getDocumentForActor(actor, params.documentId) : null;
  if (!found) throw new Response("Not found", { status: 404 });
  return json(found);
}

export default function DocumentPage() {
  const { document, project, participants, role } = useLoaderData<typeof loader>();
  return (
    <>
      <div className="page-header">
        <div>
          <p className="eyebrow">
            <Link to={`/projects/${project.id}`}>{project.title}</Link> · {DOCUMENT_KIND_LABELS[document.kind]}
          </p>
          <h1>{document.title}</h1>
        </div>
        <StatusBadge status={document.status} />
      </div>
      <div className="grid grid--sidebar">
        <section className="card" aria-label="Document">
          <dl className="kv">
            <dt>Kind</dt>
            <dd>{DOCUMENT_KIND_LABELS[document.kind]}</dd>
            <dt>Status</dt>
            <dd><StatusBadge status={document.status} /></dd>
            <dt>Project</dt>
            <dd><Link to={`/projects/${project.id}`}>{project.title}</Link></dd>
            <dt>Last updated</dt>
            <dd><time dateTime={document.updatedAt}>{new Date(document.updatedAt).toUTCString()}</time></dd>
            <dt>Your access</dt>
            <dd>{role ? ROLE_WORDS[role] : "—"}</dd>
          </dl>
        </section>
        <aside className="card" aria-labelledby="participants-heading">
          <h2 id="participants-heading">Participants</h2>
          <ul className="list">
            {participants.map((participant) => (
              <li key={participant.organizationId}>
                <span>{participant.name}</span>
                <RoleBadge role={participant.role} />
              </li>
            ))}
          </ul>
        </aside>
      </div>
    </>
  );
}
