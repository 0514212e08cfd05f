import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, useFetcher, useLoaderData, useLocation } from "@remix-run/react";
import { useEffect } from "react";
import frameworkStyles from "~/components/frameworks/frameworks.css";
import { ImportProblems } from "~/components/frameworks/ImportProblems";
import { ErrorPage } from "~/components/ui/error-page";
import { requireActor } from "~/modules/auth/request.server";
import { importProgress } from "~/modules/frameworks/imports.server";
import { competencyCount } from "~/modules/documents/labels";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: frameworkStyles }];

export const meta: MetaFunction = () => [{ title: "Framework import — Concord" }];

/** How often the page asks for progress while the import runs. */
const POLL_MS = 500;

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { actor } = await requireActor(request);
  // 404 for anyone outside the importing organization.
  const progress = await importProgress(actor, params.importId ?? "");
  return json({ progress }, { headers: { "Cache-Control": "no-store" } });
}

const STATUS_WORDS = { queued: "Waiting to start…", parsing: "Reading the file…", storing: "Storing the competencies…" } as const;

export default function FrameworkImportProgress() {
  const initial = useLoaderData<typeof loader>();
  // Polls this route's loader alone (not the whole page's), and only while the job runs.
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
            <Link to="/frameworks">Competency frameworks</Link>
          </p>
          <h1>Framework import</h1>
        </div>
      </div>
      <section className="card">
        {progress.status === "failed" ? null : (
          <>
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
        {progress.status === "failed" ? (
          <>
            <ImportProblems problems={progress.problems} title={`Nothing was imported: ${progress.problems.length} ${progress.problems.length === 1 ? "problem" : "problems"} in the file.`} />
            <p>
              <Link to="/frameworks/import" className="button button--secondary">Import another file</Link>
            </p>
          </>
        ) : null}
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
