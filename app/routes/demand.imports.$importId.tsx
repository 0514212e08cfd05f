import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, useFetcher, useLoaderData, useLocation } from "@remix-run/react";
import { useEffect } from "react";
import frameworkStyles from "~/components/frameworks/frameworks.css";
import { ImportProblems } from "~/components/frameworks/ImportProblems";
import { ErrorPage } from "~/components/ui/error-page";
import { requireActor } from "~/modules/auth/request.server";
import { demandImportProgress } from "~/modules/demand/imports.server";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: frameworkStyles }];
export const meta: MetaFunction = () => [{ title: "Demand import — Concord" }];

const POLL_MS = 500;

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { actor } = await requireActor(request);
  const progress = await demandImportProgress(actor, params.importId ?? "");
  return json({ progress }, { headers: { "Cache-Control": "no-store" } });
}

const STATUS_WORDS = { queued: "Waiting to start…", parsing: "Reading the file…", storing: "Storing the rows…" } as const;

/** The same progress page as a framework import's: polls while the job runs, then the outcome. */
export default function DemandImportProgress() {
  const initial = useLoaderData<typeof loader>();
  const fetcher = useFetcher<typeof loader>();
  const { progress } = fetcher.data ?? initial;
  const running = progress.status !== "done" && progress.status !== "failed";
  const url = useLocation().pathname;
  useEffect(() => {
    if (!running || fetcher.state !== "idle") return;
    const timer = setTimeout(() => fetcher.load(url), POLL_MS);
    return () => clearTimeout(timer);
  }, [running, fetcher, url, progress]);
  const total = progress.total;
  const stored = progress.status === "done" ? total : progress.stored;
  const percent = total > 0 ? Math.round((stored / total) * 100) : progress.status === "done" ? 100 : 0;
  const counts = `${stored.toLocaleString("en-CA")} of ${total.toLocaleString("en-CA")} stored`;
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
        {progress.status === "failed" ? null : (
          <div
            className="import-progress"
            role="progressbar"
            aria-label="Import progress"
            aria-valuemin={0}
            aria-valuemax={Math.max(total, 1)}
            aria-valuenow={total > 0 ? stored : 0}
            aria-valuetext={total > 0 ? counts : "Reading the file"}
          >
            <div className="import-progress__bar" style={{ width: `${percent}%` }} />
          </div>
        )}
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
        {progress.status === "failed" ? (
          <>
            <ImportProblems problems={progress.problems} title={`Nothing was imported: ${progress.problems.length} ${progress.problems.length === 1 ? "problem" : "problems"} in the file.`} />
            <p>
              <Link to="/demand" className="button button--secondary">
                Import another file
              </Link>
            </p>
          </>
        ) : null}
      </section>
    </>
  );
}

export function ErrorBoundary() {
  return <ErrorPage />;
}
