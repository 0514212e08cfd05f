/**
 * The progress page of a background import (framework files, demand data): one way to poll the
 * job, draw the bar and report a failed file, so both imports read and behave alike.
 */
import { Link, useFetcher, useLocation } from "@remix-run/react";
import { useEffect } from "react";
import { useTranslation } from "react-i18next";
import { useLocale } from "~/components/i18n/use-locale";
import { formatNumber } from "~/modules/i18n/format";
import { ImportProblems } from "~/components/frameworks/ImportProblems";

/** How often the page asks for progress while the import runs. */
const POLL_MS = 500;

type ProgressBase = { status: string; total: number; stored: number };

/**
 * The job's progress: the loader's, then this route's loader alone re-read (not the whole page's)
 * every POLL_MS while the job runs.
 */
export function useImportProgress<P extends ProgressBase>(initial: P): { progress: P; running: boolean; stored: number; counts: string } {
  // The route's own loader answers `{ progress }`, the same (serialized) shape as `initial`.
  const fetcher = useFetcher();
  const { t } = useTranslation();
  const locale = useLocale();
  const progress = (fetcher.data as { progress: P } | undefined)?.progress ?? initial;
  const running = progress.status !== "done" && progress.status !== "failed";
  const url = useLocation().pathname;
  useEffect(() => {
    if (!running || fetcher.state !== "idle") return;
    const timer = setTimeout(() => fetcher.load(url), POLL_MS);
    return () => clearTimeout(timer);
  }, [running, fetcher, url, progress]);
  const stored = progress.status === "done" ? progress.total : progress.stored;
  const counts = t("ui.imports.counts", { stored: formatNumber(locale, stored), total: formatNumber(locale, progress.total) });
  return { progress, running, stored, counts };
}

/** "N of M stored" as a progress bar (role="progressbar"); nothing once the import failed. */
export function ImportProgressBar({ status, total, stored, counts }: { status: string; total: number; stored: number; counts: string }) {
  const { t } = useTranslation();
  if (status === "failed") return null;
  const percent = total > 0 ? Math.round((stored / total) * 100) : status === "done" ? 100 : 0;
  return (
    <div
      className="import-progress"
      role="progressbar"
      aria-label={t("ui.imports.progress")}
      aria-valuemin={0}
      aria-valuemax={Math.max(total, 1)}
      aria-valuenow={total > 0 ? stored : 0}
      aria-valuetext={total > 0 ? counts : t("ui.imports.reading")}
    >
      <div className="import-progress__bar" style={{ width: `${percent}%` }} />
    </div>
  );
}

/** A failed file: nothing was imported, every problem by line, and the way back to try again. */
export function ImportFailure({ problems, againHref }: { problems: ReadonlyArray<{ message: string; code?: string; params?: Record<string, string | number> }>; againHref: string }) {
  const { t } = useTranslation();
  return (
    <>
      <ImportProblems problems={problems} title={t("ui.imports.failed", { count: problems.length })} />
      <p>
        <Link to={againHref} className="button button--secondary">
          {t("ui.imports.again")}
        </Link>
      </p>
    </>
  );
}
