import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { metaT } from "~/components/i18n/meta";
import { useLocale } from "~/components/i18n/use-locale";
import frameworkStyles from "~/components/frameworks/frameworks.css";
import { requireUser } from "~/modules/auth/request.server";
import { listFrameworks } from "~/modules/frameworks/library.server";
import { formatNumber } from "~/modules/i18n/format";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: frameworkStyles }];

export const meta: MetaFunction = ({ matches }) => [{ title: metaT(matches)("frameworks.index.metaTitle") }];

export async function loader({ request }: LoaderFunctionArgs) {
  // Frameworks are reference data: every signed-in user reads every one.
  await requireUser(request);
  return json({ frameworks: await listFrameworks() });
}

export default function Frameworks() {
  const { frameworks } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  const locale = useLocale();
  return (
    <>
      <div className="page-header">
        <div>
          <p className="eyebrow">{t("frameworks.index.eyebrow")}</p>
          <h1>{t("frameworks.index.title")}</h1>
          <p>{t("frameworks.index.intro")}</p>
        </div>
        <Link to="/frameworks/import" className="button">{t("frameworks.index.import")}</Link>
      </div>
      <section className="card">
        {frameworks.length === 0 ? (
          <p className="empty">{t("frameworks.index.empty")}</p>
        ) : (
          <table className="table">
            <thead>
              <tr>
                <th scope="col">{t("frameworks.index.name")}</th>
                <th scope="col">{t("frameworks.index.publisher")}</th>
                <th scope="col">{t("frameworks.index.version")}</th>
                <th scope="col" className="numeric">{t("frameworks.index.competencies")}</th>
                <th scope="col">{t("frameworks.index.language")}</th>
              </tr>
            </thead>
            <tbody>
              {frameworks.map((framework) => (
                <tr key={framework.id}>
                  <td>
                    <Link to={`/frameworks/${framework.id}`}><strong>{framework.name}</strong></Link>
                    <br />
                    <span className="muted">{t("frameworks.index.importedBy", { organization: framework.organizationName })}</span>
                  </td>
                  <td>{framework.publisher ?? <span className="muted">—</span>}</td>
                  <td>
                    {framework.versionLabel ?? t("frameworks.index.versionNumber", { number: framework.versionNumber })}
                    {framework.olderVersionIds.length > 0 ? (
                      <>
                        <br />
                        <span className="muted">{t("frameworks.index.olderVersions", { count: framework.olderVersionIds.length })}</span>
                      </>
                    ) : null}
                  </td>
                  <td className="numeric">{formatNumber(locale, framework.competencyCount)}</td>
                  <td>{framework.language ?? <span className="muted">—</span>}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
    </>
  );
}
