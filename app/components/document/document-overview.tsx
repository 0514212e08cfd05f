import type { MouseEvent } from "react";
import { useTranslation } from "react-i18next";
import { tableOfContents, type CompletenessReport, type DocumentKind, type FieldIssue } from "~/modules/documents/model";
import { useLocale } from "~/components/i18n/use-locale";
import { localizedKindDefinition, rowNoun } from "~/modules/i18n/kind-text";
import { issueText } from "~/components/document/field-issues";
import { REVEAL_EVENT } from "~/components/document/marks";
import { scrollBehavior } from "~/utils/motion";

const FOCUSABLE = 'input:not([type="hidden"]), select, textarea, [contenteditable="true"]';

/**
 * Goes to a value of the document: opens collapsed rows up to it, scrolls it into view and puts
 * the cursor in it (a link to a section or a read-only value just scrolls). The hash is updated
 * without a jump, so the address can be shared.
 */
export function revealAnchor(anchor: string): void {
  window.dispatchEvent(new CustomEvent(REVEAL_EVENT, { detail: anchor }));
  // Rows opened by the event render on the next frame.
  requestAnimationFrame(() => {
    const element = document.getElementById(anchor);
    if (!element) return;
    const target = element.matches(FOCUSABLE) ? element : element.querySelector<HTMLElement>(FOCUSABLE);
    element.scrollIntoView({ block: "center", behavior: scrollBehavior() });
    target?.focus({ preventScroll: true });
    history.replaceState(null, "", `#${anchor}`);
  });
}

function onAnchorClick(anchor: string) {
  return (event: MouseEvent<HTMLAnchorElement>) => {
    if (event.metaKey || event.ctrlKey || event.shiftKey || event.button !== 0) return;
    event.preventDefault();
    revealAnchor(anchor);
  };
}

type Props = {
  kind: DocumentKind;
  completeness: CompletenessReport;
  issues: readonly FieldIssue[];
};

/** Table of contents with each section's state, the completeness checklist and the problems to fix. */
/** Field issues as links to the inputs they concern. */
function IssueList({ label, issues, text }: { label: string; issues: readonly FieldIssue[]; text: (issue: FieldIssue) => string }) {
  return (
    <ul className="doc-checks__list" aria-label={label}>
      {issues.map((issue, index) => (
        <li key={`${issue.path}-${index}`}>
          <a href={`#${issue.anchor}`} onClick={onAnchorClick(issue.anchor)}>
            {issue.label}
          </a>
          <span className="doc-checks__message">{text(issue)}</span>
        </li>
      ))}
    </ul>
  );
}

export function DocumentOverview({ kind, completeness, issues }: Props) {
  const { t } = useTranslation();
  const locale = useLocale();
  const toc = tableOfContents(localizedKindDefinition(kind, locale));
  const missingIn = new Map<string, number>();
  for (const item of completeness.missing) missingIn.set(item.sectionKey, (missingIn.get(item.sectionKey) ?? 0) + 1);
  const errors = issues.filter((issue) => issue.severity === "error");
  const warnings = issues.filter((issue) => issue.severity === "warning");
  const errorsIn = new Map<string, number>();
  for (const issue of errors) errorsIn.set(issue.sectionKey, (errorsIn.get(issue.sectionKey) ?? 0) + 1);
  const done = completeness.missing.length === 0;
  const noun = (fieldKey: string) => rowNoun(kind, fieldKey, locale);
  const text = (issue: FieldIssue) => issueText(t, issue, noun);

  return (
    <div className="card doc-overview">
      <nav className="doc-overview__toc" aria-labelledby="doc-toc-heading">
        <h2 id="doc-toc-heading" className="doc-overview__heading">
          {t("documents.overview.contents")}
        </h2>
        <ol className="doc-toc">
          {toc.map((entry) => {
            const missing = missingIn.get(entry.key) ?? 0;
            const problems = errorsIn.get(entry.key) ?? 0;
            return (
              <li key={entry.key} className="doc-toc__item">
                <a href={`#${entry.anchor}`} onClick={onAnchorClick(entry.anchor)}>
                  {entry.title}
                </a>
                {problems > 0 ? (
                  <span className="doc-pill doc-pill--error">{t("documents.overview.problems", { count: problems })}</span>
                ) : missing > 0 ? (
                  <span className="doc-pill doc-pill--warn">{t("documents.overview.missing", { count: missing })}</span>
                ) : (
                  <span className="doc-pill doc-pill--ok" aria-label={t("documents.overview.complete")}>
                    ✓
                  </span>
                )}
              </li>
            );
          })}
        </ol>
      </nav>

      <section className="doc-overview__checks" aria-labelledby="doc-checks-heading">
        <h2 id="doc-checks-heading" className="doc-overview__heading">
          {t("documents.overview.completeness")}
        </h2>
        <div className="doc-meter">
          <div className="doc-meter__bar" aria-hidden="true">
            <span className={`doc-meter__fill${done ? " doc-meter__fill--done" : ""}`} style={{ width: `${completeness.percent}%` }} />
          </div>
          <p className="doc-meter__label" role="status" aria-live="polite">
            <strong>{t("documents.overview.percent", { percent: completeness.percent })}</strong> · {t("documents.overview.filled", { filled: completeness.filled, required: completeness.required })}
          </p>
        </div>
        {done ? (
          <p className="doc-checks__done">{t("documents.overview.done")}</p>
        ) : (
          // Open at first (the list scrolls when long); a person may fold it away.
          <details className="doc-checks" open>
            <summary>
              {t("documents.overview.missingItems", { count: completeness.missing.length })}
            </summary>
            <ul className="doc-checks__list" aria-label={t("documents.overview.missingLabel")}>
              {completeness.missing.map((item, index) => (
                <li key={`${item.path}-${index}`}>
                  <a href={`#${item.anchor}`} onClick={onAnchorClick(item.anchor)}>
                    {item.label}
                  </a>
                  <span className="doc-checks__message">{issueText(t, item, noun)}</span>
                </li>
              ))}
            </ul>
          </details>
        )}
        {errors.length > 0 ? (
          <div className="doc-problems">
            <h3 className="doc-problems__heading">{t("documents.overview.valuesToFix", { count: errors.length })}</h3>
            <IssueList label={t("documents.overview.valuesToFixLabel")} issues={errors} text={text} />
          </div>
        ) : null}
        {warnings.length > 0 ? (
          <details className="doc-problems doc-problems--warnings">
            <summary>{t("documents.overview.warnings", { count: warnings.length })}</summary>
            <IssueList label={t("documents.overview.warningsLabel")} issues={warnings} text={text} />
          </details>
        ) : null}
      </section>
    </div>
  );
}
