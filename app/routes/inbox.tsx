/** /inbox — what awaits me or my organization: invitations into projects, and sign-off (oldest first). */
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { ProjectInvitations } from "~/components/projects/ProjectInvitations";
import { StatusBadge } from "~/components/ui/badges";
import { requireActor } from "~/modules/auth/request.server";
import { invitationsAwaitingActor } from "~/modules/projects/participation.server";
import { inbox } from "~/modules/signoff/read-models/inbox.server";
import { SIGNOFF_ANCHOR } from "~/components/signoff/SignoffPanel";
import { Moment } from "~/components/ui/moment";

export const meta: MetaFunction = () => [{ title: "Inbox — Concord" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const { user, actor } = await requireActor(request);
  const [items, invitations] = await Promise.all([inbox(user.id), invitationsAwaitingActor(actor)]);
  return json({ items, invitations });
}

export default function InboxPage() {
  const { items, invitations } = useLoaderData<typeof loader>();
  return (
    <>
      <div className="page-header">
        <div>
          <p className="eyebrow">Sign-off</p>
          <h1>Inbox</h1>
          <p>Documents waiting for you or your organization, the longest waiting first.</p>
        </div>
      </div>
      {invitations.length > 0 ? (
        <section className="card" aria-labelledby="invitations-heading" style={{ marginBottom: "1rem" }}>
          <h2 id="invitations-heading">Invitations to projects</h2>
          <p className="muted">Your organization takes part only if you accept; its members see the project from then on.</p>
          <ProjectInvitations invitations={invitations} redirectTo="/inbox" />
        </section>
      ) : null}
      <section className="card">
        {items.length === 0 ? (
          <p className="empty">{invitations.length > 0 ? "No document is waiting for you." : "Nothing is waiting for you."}</p>
        ) : (
          <table className="table">
            <thead>
              <tr>
                <th>Document</th>
                <th>Waiting for</th>
                <th>Status</th>
                <th>Since</th>
              </tr>
            </thead>
            <tbody>
              {items.map((item) => (
                <tr key={`${item.documentId}:${item.organizationName ?? item.kind}`}>
                  <td>
                    <Link to={item.kind === "decide" ? `/documents/${item.documentId}#${SIGNOFF_ANCHOR}` : `/documents/${item.documentId}`}>{item.documentTitle}</Link>
                    <div className="muted">{item.projectTitle}</div>
                  </td>
                  <td>
                    {item.kind === "decide" ? (
                      <>
                        {item.outdated ? "A new decision" : "A decision"} by {item.organizationName}
                        {item.stageName ? <span className="muted"> ({item.stageName})</span> : null}
                        {item.outdated ? <div className="muted">The content changed after your organization approved.</div> : null}
                        {!item.mayAct ? <div className="muted">A signatory of your organization decides.</div> : null}
                      </>
                    ) : (
                      "Changes were requested: edit and resubmit"
                    )}
                  </td>
                  <td>
                    <StatusBadge status={item.status} />
                  </td>
                  <td className="muted">
                    <Moment iso={item.since} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
    </>
  );
}
