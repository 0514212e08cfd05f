/** /inbox — what awaits me or my organization in sign-off, oldest first. */
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { StatusBadge } from "~/components/ui/badges";
import { requireUser } from "~/modules/auth/request.server";
import { inbox } from "~/modules/signoff/read-models/inbox.server";
import { formatUtc } from "~/utils/dates";

export const meta: MetaFunction = () => [{ title: "Inbox — Concord" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  return json({ items: await inbox(user.id) });
}

export default function InboxPage() {
  const { items } = useLoaderData<typeof loader>();
  return (
    <>
      <div className="page-header">
        <div>
          <p className="eyebrow">Sign-off</p>
          <h1>Inbox</h1>
          <p>Documents waiting for you or your organization, the longest waiting first.</p>
        </div>
      </div>
      <section className="card">
        {items.length === 0 ? (
          <p className="empty">Nothing is waiting for you.</p>
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
                    <Link to={`/documents/${item.documentId}`}>{item.documentTitle}</Link>
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
                    <time dateTime={item.since}>{formatUtc(item.since, "minute")}</time>
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
