/**
 * What changed between two canonical forms of a document (diffCanonical's result), for people:
 * grouped by section in document order, field labels from the kind definition, values formatted
 * as the form shows them, rich text as a word-level diff. Inline (deletions and insertions in one
 * flow) or side by side (before | after). Reused by sign-off to show a signatory what changed
 * since the version they approved.
 */
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { useLocale } from "~/components/i18n/use-locale";
import type { CanonicalDiff as Diff, DiffOp, DocumentKind, FieldChange, TextChange } from "~/modules/documents/model";
import styles from "~/components/history/history.css";
import { fieldOfChange, formatValue, groupBySection, summarize, type Words } from "~/components/history/format";

export const historyStylesheet = styles;

export type DiffMode = "inline" | "side-by-side";

type Props = {
  kind: DocumentKind;
  diff: Diff;
  mode?: DiffMode;
  /** Where a field's anchor (`field-…`) lives, to link each change to it; no links when absent. */
  hrefFor?: (anchor: string) => string;
  /** Names of the two sides, e.g. "Version 1" and "Current content". */
  beforeLabel?: string;
  afterLabel?: string;
  /** Heading level of the section titles (the page decides the outline). */
  headingLevel?: 2 | 3 | 4;
  /** Who edited each change between the two sides ("Maya Okafor, Northwind Energy"), by the change's path. */
  authors?: Readonly<Record<string, readonly string[]>>;
};

function Removed({ children }: { children: string }) {
  const { t } = useTranslation();
  return (
    <del className="diff-del">
      <span className="visually-hidden">{t("history.diff.removedOpen")}</span>
      {children}
      <span className="visually-hidden">]</span>
    </del>
  );
}

function Added({ children }: { children: string }) {
  const { t } = useTranslation();
  return (
    <ins className="diff-ins">
      <span className="visually-hidden">{t("history.diff.addedOpen")}</span>
      {children}
      <span className="visually-hidden">]</span>
    </ins>
  );
}

function Ops({ ops, side }: { ops: DiffOp[]; side?: "before" | "after" }) {
  return (
    <>
      {ops.map((op, i) => {
        if (op.op === "equal") return <span key={i}>{op.text}</span>;
        if (op.op === "delete") return side === "after" ? null : <Removed key={i}>{op.text}</Removed>;
        return side === "before" ? null : <Added key={i}>{op.text}</Added>;
      })}
    </>
  );
}

function Sides({ before, after, beforeLabel, afterLabel }: { before: ReactNode; after: ReactNode; beforeLabel: string; afterLabel: string }) {
  return (
    <div className="diff-sides">
      <div className="diff-side">
        <span className="diff-side__title">{beforeLabel}</span>
        {before}
      </div>
      <div className="diff-side">
        <span className="diff-side__title">{afterLabel}</span>
        {after}
      </div>
    </div>
  );
}

function Head({ change, hrefFor, authors }: { change: FieldChange | TextChange; hrefFor?: (anchor: string) => string; authors?: readonly string[] }) {
  const { t } = useTranslation();
  return (
    <>
      <div className="diff-item__head">
        {hrefFor ? (
          <a className="diff-item__label" href={hrefFor(change.anchor)}>{change.label}</a>
        ) : (
          <span className="diff-item__label">{change.label}</span>
        )}
        <span className={`diff-badge diff-badge--${change.change}`}>{t(`history.diff.change.${change.change}`)}</span>
      </div>
      {authors && authors.length > 0 ? <p className="diff-note diff-authors">{t("history.diff.editedBy", { authors: authors.join("; ") })}</p> : null}
    </>
  );
}

function FieldItem({ kind, change, mode, hrefFor, beforeLabel, afterLabel, authors }: { kind: DocumentKind; change: FieldChange; mode: DiffMode; hrefFor?: (anchor: string) => string; beforeLabel: string; afterLabel: string; authors?: readonly string[] }) {
  const { t } = useTranslation();
  const words: Words = { t, locale: useLocale() };
  const field = fieldOfChange(kind, change);
  if (change.change === "reordered") {
    return (
      <div className="diff-item" data-path={change.path}>
        <Head change={change} hrefFor={hrefFor} authors={authors} />
        <p className="diff-note">{t("history.diff.reordered")}</p>
      </div>
    );
  }
  const before = formatValue(field, change.before, words);
  const after = formatValue(field, change.after, words);
  return (
    <div className="diff-item" data-path={change.path}>
      <Head change={change} hrefFor={hrefFor} authors={authors} />
      {mode === "side-by-side" ? (
        <Sides
          beforeLabel={beforeLabel}
          afterLabel={afterLabel}
          before={change.change === "added" ? <span className="diff-note">{t("history.diff.empty")}</span> : <Removed>{before}</Removed>}
          after={change.change === "removed" ? <span className="diff-note">{t("history.diff.empty")}</span> : <Added>{after}</Added>}
        />
      ) : (
        <p className="diff-inline">
          {change.change !== "added" ? <Removed>{before}</Removed> : null}
          {change.change === "changed" ? " " : null}
          {change.change !== "removed" ? <Added>{after}</Added> : null}
        </p>
      )}
    </div>
  );
}

function TextItem({ change, mode, hrefFor, beforeLabel, afterLabel, authors }: { change: TextChange; mode: DiffMode; hrefFor?: (anchor: string) => string; beforeLabel: string; afterLabel: string; authors?: readonly string[] }) {
  const { t } = useTranslation();
  return (
    <div className="diff-item" data-path={change.path}>
      <Head change={change} hrefFor={hrefFor} authors={authors} />
      {change.formattingOnly ? <p className="diff-note">{t("history.diff.formattingOnly")}</p> : null}
      {change.formattingOnly ? null : mode === "side-by-side" ? (
        <Sides beforeLabel={beforeLabel} afterLabel={afterLabel} before={<Ops ops={change.ops} side="before" />} after={<Ops ops={change.ops} side="after" />} />
      ) : (
        <p className="diff-inline">
          <Ops ops={change.ops} />
        </p>
      )}
    </div>
  );
}

export function CanonicalDiff({ kind, diff, mode = "side-by-side", hrefFor, beforeLabel: beforeName, afterLabel: afterName, headingLevel = 3, authors }: Props) {
  const { t } = useTranslation();
  const words: Words = { t, locale: useLocale() };
  const beforeLabel = beforeName ?? t("history.diff.before");
  const afterLabel = afterName ?? t("history.diff.after");
  const Heading = `h${headingLevel}` as "h2" | "h3" | "h4";
  if (diff.identical) return <p className="diff-summary">{t("history.diff.identical")}</p>;
  return (
    <div className="canonical-diff">
      <link rel="stylesheet" href={styles} />
      <p className="diff-summary" role="status">{summarize(diff, words)}</p>
      {groupBySection(kind, diff, words).map((group) => (
        <section key={group.key} className="diff-section" aria-label={group.title}>
          <Heading>{group.title}</Heading>
          {group.items.map((item) =>
            item.type === "field" ? (
              <FieldItem key={`f:${item.change.path}:${item.change.change}`} kind={kind} change={item.change} mode={mode} hrefFor={hrefFor} beforeLabel={beforeLabel} afterLabel={afterLabel} authors={authors?.[item.change.path]} />
            ) : (
              <TextItem key={`t:${item.change.path}`} change={item.change} mode={mode} hrefFor={hrefFor} beforeLabel={beforeLabel} afterLabel={afterLabel} authors={authors?.[item.change.path]} />
            ),
          )}
        </section>
      ))}
    </div>
  );
}
