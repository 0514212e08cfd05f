import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { StatusBadge } from "~/components/ui/badges";
import { requireActor } from "~/modules/auth/request.server";
import { listDocumentsForActor } from "~/modules/documents/documents.server";
import { useLabels } from "~/components/i18n/use-labels";
import { useTranslation } from "react-i18next";
import { metaT } from "~/components/i18n/meta";

export const meta: MetaFunction = ({ matches }) => [{ title: metaT(matches)("documents.index.metaTitle") }];

export async function loader({ request }: LoaderFunctionArgs) {
  const { actor } = await requireActor(request);
  return json({ documents: await listDocumentsForActor(actor) });
}

export default function Documents() {
  const { documents } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  const labels = useLabels();
  return (
    <>
      <div className="page-header">
        <div>
          <p className="eyebrow">{t("documents.index.eyebrow")}</p>
          <h1>{t("documents.index.title")}</h1>
          <p>{t("documents.index.intro")}</p>
        </div>
      </div>
      <section className="card">
        {documents.length === 0 ? (
          <p className="empty">{t("documents.index.empty")}</p>
        ) : (
          <table className="table">
            <thead>
              <tr><th>{t("documents.index.columns.title")}</th><th>{t("documents.index.columns.kind")}</th><th>{t("documents.index.columns.project")}</th><th>{t("documents.index.columns.complete")}</th><th>{t("documents.index.columns.status")}</th><th>{t("documents.index.columns.updated")}</th></tr>
            </thead>
            <tbody>
              {documents.map((document) => (
                <tr key={document.id}>
                  <td><Link to={`/documents/${document.id}`}>{document.title}</Link></td>
                  <td>{labels.documentKind(document.kind)}</td>
                  <td><Link to={`/projects/${document.projectId}`}>{document.projectTitle}</Link></td>
                  {/* From the projection: how much of what the kind requires is filled in. */}
                  <td className="muted">{document.completenessPercent === null ? "—" : t("documents.index.percent", { percent: document.completenessPercent })}</td>
                  <td><StatusBadge status={document.status} /></td>
                  <td className="muted"><time dateTime={document.updatedAt}>{document.updatedAt.slice(0, 10)}</time></td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
    </>
  );
}
