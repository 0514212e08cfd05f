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
import { useTranslation } from "react-i18next";
import { metaT } from "~/components/i18n/meta";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: signoffStyles }];

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => {
  const t = metaT(matches);
  return [{ title: t("signoff.audit.metaTitle", { title: data?.document.title ?? t("documents.page.untitled") }) }];
};

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
  const { t } = useTranslation();
  return (
    <>
      <div className="page-header">
        <div>
          <p className="eyebrow">
            <Link to={`/documents/${document.id}`}>{document.title}</Link>
          </p>
          <h1>{t("signoff.audit.title")}</h1>
          <p>{t("signoff.audit.intro")}</p>
          <p className="muted">{t("signoff.audit.privacy")}</p>
        </div>
        <StatusBadge status={document.status} />
      </div>
      <VerifyChain result={verified?.result} />
      <section className="card" aria-labelledby="events-heading" style={{ marginTop: "1rem", overflowX: "auto" }}>
        <h2 id="events-heading">{t("signoff.audit.events")}</h2>
        <AuditTrailTable rows={rows} empty={t("signoff.audit.empty")} />
      </section>
    </>
  );
}
