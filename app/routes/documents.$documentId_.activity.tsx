/**
 * /documents/<id>/activity — what happened to a document, newest first: edits (grouped per person
 * and minute, as the collaboration server recorded them), comments, and sign-off decisions and
 * events. Anyone who may view the document may read it; others get the gate's 404.
 */
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { ErrorPage } from "~/components/ui/error-page";
import { Moment } from "~/components/ui/moment";
import { requireActor } from "~/modules/auth/request.server";
import { personAndOrganization } from "~/modules/documents/edits";
import { documentActivity, type ActivityItem } from "~/modules/documents/edits.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `Activity — ${data?.document.title ?? "Document"} — Concord` }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { actor } = await requireActor(request);
  return json(await documentActivity(actor, params.documentId ?? ""));
}

const KIND_WORDS: Record<ActivityItem["kind"], string> = { edit: "Edit", comment: "Comment", event: "Sign-off" };

export default function DocumentActivityPage() {
  const { document, items } = useLoaderData<typeof loader>();
  return (
    <>
      <div className="page-header">
        <div>
          <p className="eyebrow">
            <Link to={`/documents/${document.id}`}>{document.title}</Link>
          </p>
          <h1>Activity</h1>
          <p>Who changed what, who commented and who decided, newest first. Edits are grouped per person and minute.</p>
        </div>
        <Link className="button button--secondary" to={`/documents/${document.id}`}>Back to the document</Link>
      </div>
      <section className="card">
        {items.length === 0 ? (
          <p className="empty">Nothing has happened yet.</p>
        ) : (
          <ol className="list" aria-label="Activity, newest first">
            {items.map((item, index) => (
              <li key={`${item.kind}:${item.at}:${index}`} data-kind={item.kind}>
                <span>
                  <span className="visually-hidden">{KIND_WORDS[item.kind]}: </span>
                  {item.person ? <strong>{personAndOrganization(item.person, item.organization)}</strong> : <strong>Concord</strong>} — {item.what}
                </span>
                <span className="muted" style={{ whiteSpace: "nowrap" }}>
                  <Moment iso={item.at} />
                </span>
              </li>
            ))}
          </ol>
        )}
      </section>
    </>
  );
}

export function ErrorBoundary() {
  return <ErrorPage />;
}
