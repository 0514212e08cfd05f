import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { metaT } from "~/components/i18n/meta";
import { useLocale } from "~/components/i18n/use-locale";
import { requireActor } from "~/modules/auth/request.server";
import { consortiumLibrary } from "~/modules/consortia/library.server";
import { formatCad } from "~/components/consortia/format";

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => {
  const t = metaT(matches);
  return [{ title: t("consortia.library.metaTitle", { name: data?.consortium.name ?? t("consortia.fallbackName") }) }];
};

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { actor } = await requireActor(request);
  const query = (new URL(request.url).searchParams.get("q") ?? "").slice(0, 200);
  // The access gate's 404 for anyone outside the consortium; approved modules only.
  const library = await consortiumLibrary(actor, params.consortiumId ?? "", query);
  return json({ ...library, query });
}

export default function ModuleLibrary() {
  const { consortium, modules, query } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  const locale = useLocale();
  return (
    <>
      <div className="page-header">
        <div>
          <p className="eyebrow">
            <Link to={`/consortia/${consortium.id}`}>{consortium.name}</Link>
          </p>
          <h1>{t("consortia.library.title")}</h1>
          <p>{t("consortia.library.intro")}</p>
        </div>
      </div>
      <section className="card" aria-labelledby="library-heading">
        <h2 id="library-heading" className="visually-hidden">
          {t("consortia.library.modules")}
        </h2>
        <Form method="get" role="search" style={{ display: "flex", gap: "0.5rem", marginBottom: "1rem" }}>
          <label htmlFor="library-search" className="visually-hidden">
            {t("consortia.library.searchLabel")}
          </label>
          <input id="library-search" type="search" name="q" defaultValue={query} placeholder={t("consortia.library.searchPlaceholder")} />
          <button type="submit" className="button button--secondary">
            {t("consortia.library.search")}
          </button>
        </Form>
        {modules.length === 0 ? (
          <p className="empty">{query ? t("consortia.library.noMatch") : t("consortia.library.empty")}</p>
        ) : (
          <table className="table" data-testid="module-library">
            <thead>
              <tr>
                <th scope="col">{t("consortia.library.module")}</th>
                <th scope="col">{t("consortia.library.owner")}</th>
                <th scope="col">{t("consortia.library.hours")}</th>
                <th scope="col">{t("consortia.library.credits")}</th>
                <th scope="col">{t("consortia.library.cost")}</th>
                <th scope="col">{t("consortia.library.deliveryMode")}</th>
                <th scope="col">{t("consortia.library.competencies")}</th>
                <th scope="col">{t("consortia.library.level")}</th>
              </tr>
            </thead>
            <tbody>
              {modules.map((module) => (
                <tr key={module.documentId}>
                  <th scope="row">{module.title}</th>
                  <td>{module.owner}</td>
                  <td>{module.hours ?? "—"}</td>
                  <td>{module.credits ?? "—"}</td>
                  <td>{module.cost === null ? "—" : formatCad(module.cost, locale)}</td>
                  <td>{module.deliveryMode ?? "—"}</td>
                  <td title={module.competencies.join("\n")}>{module.competencyCount}</td>
                  <td>{module.level ?? "—"}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
    </>
  );
}
