import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { metaT } from "~/components/i18n/meta";
import frameworkStyles from "~/components/frameworks/frameworks.css";
import { ImportFailure, ImportProgressBar, useImportProgress } from "~/components/imports/ImportProgress";
import { ErrorPage } from "~/components/ui/error-page";
import { requireActor } from "~/modules/auth/request.server";
import { demandImportProgress } from "~/modules/demand/imports.server";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: frameworkStyles }];
export const meta: MetaFunction = ({ matches }) => [{ title: metaT(matches)("demand.progress.metaTitle") }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { actor } = await requireActor(request);
  const progress = await demandImportProgress(actor, params.importId ?? "");
  return json({ progress }, { headers: { "Cache-Control": "no-store" } });
}

/** The same progress page as a framework import's: polls while the job runs, then the outcome. */
export default function DemandImportProgress() {
  const { progress, running, stored, counts } = useImportProgress(useLoaderData<typeof loader>().progress);
  const total = progress.total;
  const { t } = useTranslation();
  return (
    <>
      <div className="page-header">
        <div>
          <p className="eyebrow">
            <Link to="/demand">{t("demand.title")}</Link>
          </p>
          <h1>{t("demand.progress.title")}</h1>
        </div>
      </div>
      <section className="card">
        <ImportProgressBar status={progress.status} total={total} stored={stored} counts={counts} />
        <div role="status" aria-live="polite">
          {running ? <p>{t(`demand.progress.${progress.status as "queued" | "parsing" | "storing"}`)}</p> : null}
          {progress.status === "done" ? (
            <>
              <p>
                <strong>{t("demand.progress.imported", { count: total })}</strong>
                {t("demand.progress.from", { sources: progress.sources.join(", ") })}
                {progress.replaced > 0 ? t("demand.progress.replacing", { count: progress.replaced }) : ""}.
              </p>
              <p>
                <Link to="/demand" className="button">
                  {t("demand.progress.back")}
                </Link>
              </p>
            </>
          ) : null}
        </div>
        {progress.status === "failed" ? <ImportFailure problems={progress.problems} againHref="/demand" /> : null}
      </section>
    </>
  );
}

export function ErrorBoundary() {
  return <ErrorPage />;
}
