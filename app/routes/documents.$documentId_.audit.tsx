/**
 * /documents/<id>/audit — the document's audit trail (every participant may read it) and the
 * Verify action that re-checks its hash chain.
 */
import type { ActionFunctionArgs, LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import signoffStyles from "~/components/signoff/signoff.css";
import { StatusBadge } from "~/components/ui/badges";
import { requireUser } from "~/modules/auth/request.server";
import { shortHash } from "~/modules/signoff/format";
import { documentAuditTrail, verifyDocumentAudit } from "~/modules/signoff/read-models/audit-trail.server";
import { formatUtc } from "~/utils/dates";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: signoffStyles }];

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `Audit trail — ${data?.document.title ?? "Document"} — Concord` }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  // Outsiders get the access gate's 404 (thrown by the read model).
  return json(await documentAuditTrail(user.id, params.documentId ?? ""));
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const form = await request.formData();
  if (form.get("intent") !== "verify") throw new Response("Unknown action", { status: 400 });
  const result = await verifyDocumentAudit(user.id, params.documentId ?? "");
  return json({ result, checkedAt: new Date().toISOString() });
}

export default function AuditTrailPage() {
  const { document, rows } = useLoaderData<typeof loader>();
  const verified = useActionData<typeof action>();
  const navigation = useNavigation();
  const result = verified?.result;
  return (
    <>
      <div className="page-header">
        <div>
          <p className="eyebrow">
            <Link to={`/documents/${document.id}`}>{document.title}</Link>
          </p>
          <h1>Audit trail</h1>
          <p>
            Every sign-off event of this document, in order. Each event carries the hash of the one before it, so changing or removing an
            event breaks the chain.
          </p>
        </div>
        <StatusBadge status={document.status} />
      </div>
      <section className="card" aria-labelledby="verify-heading">
        <h2 id="verify-heading">Verify the chain</h2>
        <Form method="post">
          <button type="submit" className="button" name="intent" value="verify" disabled={navigation.state === "submitting"}>
            Verify
          </button>
        </Form>
        {result ? (
          result.intact ? (
            <p className="verify-result verify-result--intact" role="status">
              Chain intact — {result.length} {result.length === 1 ? "event" : "events"} checked
              {result.headHash ? (
                <>
                  , latest hash <code className="hash">{shortHash(result.headHash)}</code>
                </>
              ) : null}
              .
            </p>
          ) : (
            <p className="verify-result verify-result--broken" role="alert">
              Chain broken at event {result.brokenAt + 1}: {result.message}
            </p>
          )
        ) : null}
      </section>
      <section className="card" aria-labelledby="events-heading" style={{ marginTop: "1rem", overflowX: "auto" }}>
        <h2 id="events-heading">Events</h2>
        {rows.length === 0 ? (
          <p className="empty">Nothing has happened yet: sign-off has not been requested.</p>
        ) : (
          <table className="table audit-table">
            <thead>
              <tr>
                <th>#</th>
                <th>When</th>
                <th>Who</th>
                <th>For</th>
                <th>What</th>
                <th>Version</th>
                <th>From</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => (
                <tr key={row.seq}>
                  <td>{row.seq}</td>
                  <td>
                    <time dateTime={row.at}>{formatUtc(row.at)}</time>
                  </td>
                  <td>{row.who ?? <span className="muted">System</span>}</td>
                  <td>{row.organization ?? <span className="muted">—</span>}</td>
                  <td>{row.what}</td>
                  <td>{row.versionHash ? <code className="hash" title={row.versionHash}>{shortHash(row.versionHash)}</code> : "—"}</td>
                  <td>
                    {row.ip ?? "—"}
                    {row.userAgent ? <div className="muted">{row.userAgent}</div> : null}
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
