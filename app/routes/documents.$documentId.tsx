import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { CollaborativeDocument } from "~/components/editor/collaborative-document";
import { richTextSections } from "~/components/editor/sections";
import { loadEditorSnapshot } from "~/components/editor/snapshot.server";
import { CommentsPanel } from "~/components/comments/CommentsPanel";
import { SignoffPanel } from "~/components/signoff/SignoffPanel";
import { HistoryPanel } from "~/components/history/HistoryPanel";
import { RoleBadge, StatusBadge } from "~/components/ui/badges";
import { requireActor } from "~/modules/auth/request.server";
import { getDocumentForActor } from "~/modules/documents/documents.server";
import { DOCUMENT_KIND_LABELS } from "~/modules/documents/labels";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.document.title ?? "Document"} — Concord` }];

const ROLE_WORDS = { editor: "You can edit", commenter: "You can read and comment", viewer: "You can read" } as const;

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user, actor } = await requireActor(request);
  const found = params.documentId ? await getDocumentForActor(actor, params.documentId) : null;
  if (!found) throw new Response("Not found", { status: 404 });
  const fields = richTextSections(found.document.kind).map((section) => section.field);
  const editor = await loadEditorSnapshot(found.document.id, fields);
  // The editor announces this exact id and name to the others; the server checks them against the session.
  return json({ ...found, viewer: { id: user.id, name: user.name }, editor });
}

export default function DocumentPage() {
  const { document, project, participants, role, canEdit, canComment, viewer, editor } = useLoaderData<typeof loader>();
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
        {/* Keyed by document: nothing of one document's Y.Doc or socket may carry over to the next. */}
        <CollaborativeDocument
          key={document.id}
          documentId={document.id}
          kind={document.kind}
          user={viewer}
          canEdit={canEdit}
          snapshot={editor.snapshot}
          firstPaint={editor.firstPaint}
        />
        <div className="document-aside">
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
          {/* SIDE PANELS */}
          <SignoffPanel documentId={document.id} status={document.status} canEdit={canEdit} />
          <CommentsPanel documentId={document.id} canComment={canComment} />
          <HistoryPanel documentId={document.id} canEdit={canEdit} />
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
      </div>
    </>
  );
}
