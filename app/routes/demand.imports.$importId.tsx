import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import frameworkStyles from "~/components/frameworks/frameworks.css";
import { ImportFailure, ImportProgressBar, useImportProgress } from "~/components/imports/ImportProgress";
import { ErrorPage } from "~/components/ui/error-page";
import { requireActor } from "~/modules/auth/request.server";
import { demandImportProgress } from "~/modules/demand/imports.server";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: frameworkStyles }];
export const meta: MetaFunction = () => [{ title: "Demand import — Concord" }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { actor } = await requireActor(request);
  const progress = await demandImportProgress(actor, params.importId ?? "");
  return json({ progress }, { headers: { "Cache-Control": "no-store" } });
}

const STATUS_WORDS = { queued: "Waiting to start…", parsing: "Reading the file…", storing: "Storing the rows…" } as const;

/** The same progress page as a framework import's: polls while the job runs, then the outcome. */
export default function DemandImportProgress() {
  const { progress, running, stored, counts } = useImportProgress(useLoaderData<typeof loader>().progress);
  const total = progress.total;
  return (
    <>
      <div className="page-header">
        <div>
          <p className="eyebrow">
            <Link to="/demand">Labour-market demand</Link>
          </p>
          <h1>Demand import</h1>
        </div>
      </div>
      <section className="card">
        <ImportProgressBar status={progress.status} total={total} stored={stored} counts={counts} />
        <div role="status" aria-live="polite">
          {running ? <p>{STATUS_WORDS[progress.status as keyof typeof STATUS_WORDS]}</p> : null}
          {progress.status === "done" ? (
            <>
              <p>
                <strong>Imported {total.toLocaleString("en-CA")} demand rows</strong> from {progress.sources.join(", ")}
                {progress.replaced > 0 ? ` (replacing ${progress.replaced.toLocaleString("en-CA")} earlier rows of the same periods)` : ""}.
              </p>
              <p>
                <Link to="/demand" className="button">
                  Back to Labour-market demand
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
