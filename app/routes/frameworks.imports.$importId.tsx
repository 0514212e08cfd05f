import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { metaT } from "~/components/i18n/meta";
import frameworkStyles from "~/components/frameworks/frameworks.css";
import { ImportFailure, ImportProgressBar, useImportProgress } from "~/components/imports/ImportProgress";
import { ErrorPage } from "~/components/ui/error-page";
import { requireActor } from "~/modules/auth/request.server";
import { importProgress } from "~/modules/frameworks/imports.server";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: frameworkStyles }];

export const meta: MetaFunction = ({ matches }) => [{ title: metaT(matches)("frameworks.progress.metaTitle") }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { actor } = await requireActor(request);
  // 404 for anyone outside the importing organization.
  const progress = await importProgress(actor, params.importId ?? "");
  return json({ progress }, { headers: { "Cache-Control": "no-store" } });
}


export default function FrameworkImportProgress() {
  const { progress, running, stored, counts } = useImportProgress(useLoaderData<typeof loader>().progress);
  const total = progress.total;
  const { t } = useTranslation();
  return (
    <>
      <div className="page-header">
        <div>
          <p className="eyebrow">
            <Link to="/frameworks">{t("frameworks.eyebrow")}</Link>
          </p>
          <h1>{t("frameworks.progress.title")}</h1>
        </div>
      </div>
      <section className="card">
        {progress.status === "failed" ? null : (
          <>
            <ImportProgressBar status={progress.status} total={total} stored={stored} counts={counts} />
            <p className="muted">
              {total > 0 ? t("frameworks.progress.read", { count: total, counts }) : t("frameworks.progress.reading")}
            </p>
          </>
        )}
        <div role="status" aria-live="polite">
          {running ? <p>{t(`frameworks.progress.${progress.status as "queued" | "parsing" | "storing"}`)}</p> : null}
          {progress.status === "done" ? (
            <>
              <p>
                <strong>{t("frameworks.progress.imported", { count: total })}</strong>
                {progress.changes
                  ? t("frameworks.progress.asNewVersion", { added: progress.changes.added.length, removed: progress.changes.removed.length, reworded: progress.changes.reworded.length })
                  : "."}
              </p>
              {progress.frameworkId ? (
                <p>
                  <Link to={`/frameworks/${progress.frameworkId}`} className="button">
                    {t("frameworks.progress.open", { name: progress.frameworkName ?? t("frameworks.progress.theFramework") })}
                  </Link>
                </p>
              ) : null}
            </>
          ) : null}
        </div>
        {progress.status === "failed" ? <ImportFailure problems={progress.problems} againHref="/frameworks/import" /> : null}
        {progress.ignored.length > 0 ? (
          <details>
            <summary>{t("frameworks.progress.ignored", { count: progress.ignored.length })}</summary>
            <ul>
              {progress.ignored.map((note) => (
                <li key={note}>{note}</li>
              ))}
            </ul>
          </details>
        ) : null}
      </section>
    </>
  );
}

export function ErrorBoundary() {
  return <ErrorPage />;
}
