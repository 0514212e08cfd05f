/**
 * /documents/<id>/audit — the document's audit trail (every participant may read it; where each
 * request came from only the read model's chosen few, under "Details") and the Verify action that
 * re-checks its hash chain.
 */
import type { ActionFunctionArgs, LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { AuditTrailTable } from "~/components/audit/AuditTrailTable";
import { VerifyChain } from "~/components/audit/VerifyChain";
import signoffStyles from "~/components/signoff/signoff.css";
import { StatusBadge } from "~/components/ui/badges";
import { requireUser } from "~/modules/auth/request.server";
import { documentAuditTrail, verifyDocumentAudit } from "~/modules/signoff/read-models/audit-trail.server";

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
          <p className="muted">
            Where a change came from (IP address and browser) is shown under “Details” only to the admins of the organization the person
            acted for and to the project’s QA reviewer; it never appears on certificates or exports.
          </p>
        </div>
        <StatusBadge status={document.status} />
      </div>
      <VerifyChain result={verified?.result} />
      <section className="card" aria-labelledby="events-heading" style={{ marginTop: "1rem", overflowX: "auto" }}>
        <h2 id="events-heading">Events</h2>
        <AuditTrailTable rows={rows} empty="Nothing has happened yet: sign-off has not been requested." />
      </section>
    </>
  );
}
