import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import frameworkStyles from "~/components/frameworks/frameworks.css";
import { ImportFailure, ImportProgressBar, useImportProgress } from "~/components/imports/ImportProgress";
import { ErrorPage } from "~/components/ui/error-page";
import { requireActor } from "~/modules/auth/request.server";
import { importProgress } from "~/modules/frameworks/imports.server";
import { competencyCount } from "~/modules/documents/labels";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: frameworkStyles }];

export const meta: MetaFunction = () => [{ title: "Framework import — Concord" }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { actor } = await requireActor(request);
  // 404 for anyone outside the importing organization.
  const progress = await importProgress(actor, params.importId ?? "");
  return json({ progress }, { headers: { "Cache-Control": "no-store" } });
}

const STATUS_WORDS = { queued: "Waiting to start…", parsing: "Reading the file…", storing: "Storing the competencies…" } as const;

export default function FrameworkImportProgress() {
  const { progress, running, stored, counts } = useImportProgress(useLoaderData<typeof loader>().progress);
  const total = progress.total;
  return (
    <>
      <div className="page-header">
        <div>
          <p className="eyebrow">
            <Link to="/frameworks">Competency frameworks</Link>
          </p>
          <h1>Framework import</h1>
        </div>
      </div>
      <section className="card">
        {progress.status === "failed" ? null : (
          <>
            <ImportProgressBar status={progress.status} total={total} stored={stored} counts={counts} />
            <p className="muted">
              {total > 0 ? `${total.toLocaleString("en-CA")} competencies read from the file · ${counts}` : "Reading the file"}
            </p>
          </>
        )}
        <div role="status" aria-live="polite">
          {running ? <p>{STATUS_WORDS[progress.status as keyof typeof STATUS_WORDS]}</p> : null}
          {progress.status === "done" ? (
            <>
              <p>
                <strong>Imported {competencyCount(total)}</strong>
                {progress.changes
                  ? ` as a new version: ${progress.changes.added.length} added, ${progress.changes.removed.length} removed, ${progress.changes.reworded.length} reworded.`
                  : "."}
              </p>
              {progress.frameworkId ? (
                <p>
                  <Link to={`/frameworks/${progress.frameworkId}`} className="button">
                    Open {progress.frameworkName ?? "the framework"}
                  </Link>
                </p>
              ) : null}
            </>
          ) : null}
        </div>
        {progress.status === "failed" ? <ImportFailure problems={progress.problems} againHref="/frameworks/import" /> : null}
        {progress.ignored.length > 0 ? (
          <details>
            <summary>Read leniently or ignored ({progress.ignored.length})</summary>
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
