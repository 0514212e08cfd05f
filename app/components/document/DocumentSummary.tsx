/**
 * The one-page Summary a document opens on (issue #15): what the kind's summary module picks,
 * formatted like the read-only view, live from the page's Y.Doc. The full text follows below it.
 */
import { useEffect, useMemo, useState, type ReactNode } from "react";
import { useTranslation } from "react-i18next";
import type { CollaborationSession } from "~/components/editor/use-collaboration";
import { CoverageSummary } from "~/components/coverage/CoverageSummary";
import type { LiveCoverage } from "~/components/document/coverage/use-coverage";
import { formatValue, type DisplayContext } from "~/modules/documents/format";
import { jsonEqual, textFragmentName, type DocumentKind, type JsonValue } from "~/modules/documents/model";
import { readFragment } from "~/modules/documents/model/richtext";
import { textFragment } from "~/modules/documents/model/ydoc";
import { EVIDENCE_KIND_LABELS } from "~/modules/coverage/methods";
import { gapMessage, headline, softOnlyMessage, summarizeCoverage, type PlanCoverage } from "~/modules/coverage/rules";
import {
  documentSummary,
  openingParagraphs,
  openingParagraphsFromHtml,
  SUMMARY_TEXT,
  type SummaryWords,
  type CompetencyGroup,
  type SummaryBlock,
  type SummaryFact,
  type SummaryTable,
} from "~/modules/documents/summary";
import { useLocale } from "~/components/i18n/use-locale";
import { localizedKindDefinition, rowNoun } from "~/modules/i18n/kind-text";

/** Competencies named per branch before the rest fold away. */
const NAMED_PER_GROUP = 3;
/** Table rows shown before the rest fold away. */
const ROWS_SHOWN = 6;

/** The opening paragraphs of a text block, live: the server's first paint until the Y.Doc is here. */
function useOpeningParagraphs(session: CollaborationSession | null, key: string, firstPaintHtml: string): string[] {
  const [paragraphs, setParagraphs] = useState(() => openingParagraphsFromHtml(firstPaintHtml));
  useEffect(() => {
    if (!session) return;
    const fragment = textFragment(session.ydoc, key);
    const read = () => {
      const next = openingParagraphs(readFragment(fragment));
      setParagraphs((previous) => (jsonEqual(previous, next) ? previous : next));
    };
    read();
    fragment.observeDeep(read);
    return () => fragment.unobserveDeep(read);
  }, [session, key]);
  return paragraphs;
}

type Props = {
  kind: DocumentKind;
  fields: Record<string, JsonValue>;
  session: CollaborationSession | null;
  firstPaint: Record<string, string>;
  display: DisplayContext;
  /** A specification's plans and their coverage (page data). */
  planCoverage?: readonly PlanCoverage[];
  /** A plan's own live coverage. */
  liveCoverage: LiveCoverage | null;
  /** Beside the heading: the Edit link, for people who may edit. */
  action?: ReactNode;
};

export function DocumentSummary({ kind, fields, session, firstPaint, display, planCoverage, liveCoverage, action }: Props) {
  const textKey = SUMMARY_TEXT[kind].key;
  const intro = useOpeningParagraphs(session, textKey, firstPaint[textFragmentName(textKey)] ?? "");
  const { t } = useTranslation();
  const locale = useLocale();
  const words = useMemo<SummaryWords>(
    () => ({
      word: (key) => t(`documents.summary.words.${key}`),
      nothingYet: (rowsKey, itemLabel) => t("documents.sections.noRows", { noun: itemLabel, gender: rowNoun(kind, rowsKey, locale)?.gender ?? "other" }),
    }),
    [t, kind, locale],
  );
  const summary = useMemo(() => documentSummary(kind, fields, intro, localizedKindDefinition(kind, locale), words), [kind, fields, intro, locale, words]);
  const shown = useMemo(() => ({ ...display, locale }), [display, locale]);
  return (
    <section className="card doc-summary" aria-labelledby="doc-summary-heading">
      <div className="doc-summary__head">
        <h2 id="doc-summary-heading">{t("documents.summary.title")}</h2>
        {action}
      </div>
      <div className="doc-summary__intro">
        <h3 className="doc-summary__subheading">{summary.introLabel}</h3>
        {summary.intro.length > 0 ? summary.intro.map((paragraph, index) => <p key={index}>{paragraph}</p>) : <p className="muted">{t("documents.summary.nothingWritten")}</p>}
      </div>
      {summary.blocks.map((block, index) => (
        <SummaryBlockView key={index} block={block} display={shown} planCoverage={planCoverage} liveCoverage={liveCoverage} />
      ))}
    </section>
  );
}

function SummaryBlockView({ block, display, planCoverage, liveCoverage }: { block: SummaryBlock; display: DisplayContext; planCoverage?: readonly PlanCoverage[]; liveCoverage: LiveCoverage | null }) {
  switch (block.type) {
    case "facts":
      return <Facts heading={block.heading} facts={block.facts} display={display} />;
    case "table":
      return <Table table={block.table} display={display} />;
    case "competencies":
      return <Competencies heading={block.heading} total={block.total} groups={block.groups} />;
    case "coverage":
      return <Coverage heading={block.heading} planCoverage={planCoverage} liveCoverage={liveCoverage} />;
  }
}

function Facts({ heading, facts, display }: { heading: string; facts: readonly SummaryFact[]; display: DisplayContext }) {
  const { t } = useTranslation();
  return (
    <div className="doc-summary__block">
      <h3 className="doc-summary__subheading">{heading}</h3>
      <dl className="doc-summary__facts">
        {facts.map((fact) => {
          const text = formatValue(fact.field, fact.value, display);
          return (
            <div key={fact.key} className="doc-summary__fact">
              <dt>{fact.label}</dt>
              <dd className={text ? undefined : "muted"}>{text || t("documents.summary.notFilled")}</dd>
            </div>
          );
        })}
      </dl>
    </div>
  );
}

function Table({ table, display }: { table: SummaryTable; display: DisplayContext }) {
  const { t } = useTranslation();
  const headingId = `doc-summary-${table.key}`;
  const withEvidence = table.rows.some((row) => row.evidence !== undefined);
  const renderRows = (rows: SummaryTable["rows"]) =>
    rows.map((row, index) => (
      <tr key={row.id ?? `position-${index}`}>
        {table.columns.map((column) => (
          <td key={column.key}>{formatValue(column.field, row.cells[column.key], display)}</td>
        ))}
        {withEvidence ? <td>{row.evidence ? EVIDENCE_KIND_LABELS[row.evidence] : "—"}</td> : null}
      </tr>
    ));
  const head = (
    <thead>
      <tr>
        {table.columns.map((column) => (
          <th key={column.key} scope="col">
            {column.label}
          </th>
        ))}
        {withEvidence ? <th scope="col">{t("documents.summary.evidence")}</th> : null}
      </tr>
    </thead>
  );
  return (
    <div className="doc-summary__block">
      <h3 className="doc-summary__subheading" id={headingId}>
        {table.heading} <span className="doc-rows__count">{table.rows.length}</span>
      </h3>
      {table.rows.length === 0 ? (
        <p className="muted">{table.emptyText}</p>
      ) : (
        <>
          <table className="doc-summary__table" aria-labelledby={headingId}>
            {head}
            <tbody>{renderRows(table.rows.slice(0, ROWS_SHOWN))}</tbody>
          </table>
          {table.rows.length > ROWS_SHOWN ? (
            <details className="doc-summary__more">
              <summary>{t("documents.summary.more", { count: table.rows.length - ROWS_SHOWN })}</summary>
              <table className="doc-summary__table" aria-label={t("documents.summary.continued", { heading: table.heading })}>
                {head}
                <tbody>{renderRows(table.rows.slice(ROWS_SHOWN))}</tbody>
              </table>
            </details>
          ) : null}
        </>
      )}
    </div>
  );
}

function competencyName(c: CompetencyGroup["competencies"][number], untitled: string): string {
  return [c.code, c.title].filter(Boolean).join(" ") || untitled;
}

function Competencies({ heading, total, groups }: { heading: string; total: number; groups: readonly CompetencyGroup[] }) {
  const { t } = useTranslation();
  const untitled = t("documents.summary.untitledCompetency");
  return (
    <div className="doc-summary__block">
      <h3 className="doc-summary__subheading">
        {heading} <span className="doc-rows__count">{total}</span>
      </h3>
      {groups.length === 0 ? (
        <p className="muted">{t("documents.summary.noCompetencies")}</p>
      ) : (
        <ul className="doc-summary__groups" aria-label={t("documents.summary.competenciesByBranch")}>
          {groups.map((group) => {
            const count = group.competencies.length;
            const optional = count - group.essential;
            return (
              <li key={group.name} className="doc-summary__group">
                <strong>{group.name}</strong>{" "}
                <span className="muted">
                  {t("documents.summary.groupCount", { count })}
                  {optional > 0 ? t("documents.summary.groupOptional", { count: optional }) : ""}
                </span>
                <ul>
                  {group.competencies.slice(0, NAMED_PER_GROUP).map((c, index) => (
                    <li key={c.id ?? index}>{competencyName(c, untitled)}</li>
                  ))}
                </ul>
                {count > NAMED_PER_GROUP ? (
                  <details className="doc-summary__more">
                    <summary>{t("documents.summary.more", { count: count - NAMED_PER_GROUP })}</summary>
                    <ul>
                      {group.competencies.slice(NAMED_PER_GROUP).map((c, index) => (
                        <li key={c.id ?? index}>{competencyName(c, untitled)}</li>
                      ))}
                    </ul>
                  </details>
                ) : null}
              </li>
            );
          })}
        </ul>
      )}
    </div>
  );
}

function Coverage({ heading, planCoverage, liveCoverage }: { heading: string; planCoverage?: readonly PlanCoverage[]; liveCoverage: LiveCoverage | null }) {
  const { t } = useTranslation();
  // A plan: its own live numbers (the full matrix and chart are in the text below).
  if (liveCoverage) {
    const summary = liveCoverage.loaded ? summarizeCoverage(liveCoverage.report) : null;
    return (
      <div className="doc-summary__block">
        <h3 className="doc-summary__subheading">{heading}</h3>
        {summary ? (
          <ul className="doc-summary__coverage">
            <li>{headline(summary)}</li>
            <li>{summary.gaps > 0 ? t("documents.summary.gapsBlock", { gaps: gapMessage(summary.gaps) }) : t("documents.summary.allAssessed")}</li>
            {summary.softOnly > 0 ? <li>{t("documents.summary.softOnly", { message: softOnlyMessage(summary.softOnly) })}</li> : null}
          </ul>
        ) : (
          <p className="muted">{t("documents.summary.loadingCoverage")}</p>
        )}
      </div>
    );
  }
  return (
    <div className="doc-summary__block">
      <h3 className="doc-summary__subheading">{heading}</h3>
      {planCoverage && planCoverage.length > 0 ? (
        planCoverage.map((plan) => <CoverageSummary key={plan.planId} summary={plan.summary} matrixHref={`/documents/${plan.planId}`} title={t("documents.summary.planCoverage", { title: plan.planTitle })} />)
      ) : (
        <p className="muted">{t("documents.summary.noPlan")}</p>
      )}
    </div>
  );
}
