/**
 * /projects/<id>/audit — the project's own audit trail: organizations invited, accepting,
 * declining, withdrawn and removed, who did it and for which organization (every participant may
 * read it; request details only for the read model's chosen few, under "Details"), and Verify.
 */
import type { ActionFunctionArgs, LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { metaT } from "~/components/i18n/meta";
import { AuditTrailTable } from "~/components/audit/AuditTrailTable";
import { VerifyChain } from "~/components/audit/VerifyChain";
import signoffStyles from "~/components/signoff/signoff.css";
import { requireActor } from "~/modules/auth/request.server";
import { projectAuditTrail, verifyProjectAudit } from "~/modules/projects/project-audit.server";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: signoffStyles }];

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => {
  const t = metaT(matches);
  return [{ title: t("projects.audit.metaTitle", { title: data?.project.title ?? t("projects.page.fallbackTitle") }) }];
};

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { actor } = await requireActor(request);
  // Outsiders get the access gate's 404 (thrown by the read model).
  return json(await projectAuditTrail(actor, params.projectId ?? ""));
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { actor } = await requireActor(request);
  const form = await request.formData();
  if (form.get("intent") !== "verify") throw new Response("Unknown action", { status: 400 });
  return json({ result: await verifyProjectAudit(actor, params.projectId ?? ""), checkedAt: new Date().toISOString() });
}

export default function ProjectAuditTrailPage() {
  const { project, rows } = useLoaderData<typeof loader>();
  const verified = useActionData<typeof action>();
  const { t } = useTranslation();
  return (
    <>
      <div className="page-header">
        <div>
          <p className="eyebrow">
            <Link to={`/projects/${project.id}`}>{project.title}</Link>
          </p>
          <h1>{t("projects.audit.title")}</h1>
          <p>{t("projects.audit.intro")}</p>
        </div>
      </div>
      <VerifyChain result={verified?.result} />
      <section className="card" aria-labelledby="events-heading" style={{ marginTop: "1rem", overflowX: "auto" }}>
        <h2 id="events-heading">{t("projects.audit.events")}</h2>
        <AuditTrailTable rows={rows} empty={t("projects.audit.empty")} />
      </section>
    </>
  );
}
