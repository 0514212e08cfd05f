/**
 * /documents/<id>/readiness — "Standards readiness" of a credential specification: for the EU
 * micro-credential standard, Open Badges 3.0, CTDL publishing and eCampusOntario, each element ✓
 * or what is missing, linked to the field (of the specification or its assessment plan).
 */
import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import exportsStyles from "~/components/exports/exports.css";
import { StandardsReadiness } from "~/components/exports/StandardsReadiness";
import { requireUser } from "~/modules/auth/request.server";
import { loadReadiness } from "~/modules/exports/exports.server";
import { useTranslation } from "react-i18next";
import { metaT } from "~/components/i18n/meta";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: exportsStyles }];

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => {
  const t = metaT(matches);
  return [{ title: t("documents.readiness.metaTitle", { title: data?.document.title ?? t("documents.page.untitled") }) }];
};

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const page = await loadReadiness(user.id, params.documentId ?? "");
  return json(page, { headers: { "Cache-Control": "no-store" } });
}

export default function ReadinessPage() {
  const { document, plan, targets } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  return (
    <article aria-labelledby="readiness-title">
      <p className="eyebrow">
        <Link to={`/documents/${document.id}`}>{t("documents.backToDocument")}</Link>
      </p>
      <h1 id="readiness-title">{t("documents.readiness.title")}</h1>
      <p>
        <strong>{document.title}</strong>
        {t("documents.readiness.intro")}
        {plan ? (
          <>
            {" "}
            {t("documents.readiness.introPlanBefore")} <Link to={`/documents/${plan.id}`}>{t("documents.readiness.introPlanLink")}</Link>
          </>
        ) : null}
        {t("documents.readiness.introEnd")}
      </p>
      {document.status === "approved" ? (
        <p className="row">
          <a className="button button--secondary" href={`/documents/${document.id}/export/openbadges`} download>
            {t("documents.page.downloadOpenBadges")}
          </a>
          <a className="button button--secondary" href={`/documents/${document.id}/export/ctdl`} download>
            {t("documents.page.downloadCtdl")}
          </a>
        </p>
      ) : null}
      <StandardsReadiness targets={targets} />
    </article>
  );
}
