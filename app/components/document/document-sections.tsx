import { memo, useEffect, useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import type { TFunction } from "i18next";
import { useLocale } from "~/components/i18n/use-locale";
import { rowNoun } from "~/modules/i18n/kind-text";
import { CommentButton, CommentThread, useCommentToggle } from "~/components/comments/CommentOnField";
import { RichTextEditor } from "~/components/editor/rich-text-editor";
import { StaticRichText } from "~/components/editor/static-rich-text";
import type { CollaborationSession } from "~/components/editor/use-collaboration";
import {
  addRow,
  anchorFor,
  cellPath,
  isShown,
  issuesByPath,
  removeRow,
  rowPath,
  rowsOf,
  RowNotFoundError,
  rowTitle,
  sectionAnchor,
  setValue,
  textFragmentName,
  textPath,
  type CanonicalRow,
  type CoverageFieldDef,
  type DocumentKind,
  type FieldDef,
  type FieldIssue,
  type JsonValue,
  type ProjectedCompetency,
  type RichTextDef,
  type RowsFieldDef,
  type SectionDef,
  type SectionItem,
} from "~/modules/documents/model";
import { SpecificationCompetencies } from "~/components/document/competencies/SpecificationCompetencies";
import { CoverageMatrixField } from "~/components/document/coverage/CoverageMatrix";
import type { LiveCoverage } from "~/components/document/coverage/use-coverage";
import { evidenceKindOf } from "~/modules/coverage/methods";
import { FieldControl, type FieldContext } from "~/components/document/field-control";
import { RequiredMark, REVEAL_EVENT } from "~/components/document/marks";
import type { FieldVisitor } from "~/components/document/field-presence";
import type { StoredFields } from "~/components/document/use-live-document";
import { FieldIssueList } from "~/components/document/field-issues";
import { useUndoableRemoval } from "~/components/document/use-undoable-removal";
import { LastChangedAt } from "~/components/document/last-changed";
import { StackModulesField } from "~/components/stacks/StackModules";

/** Everything a section needs to render and edit its part of the shared document. */
export type EditingContext = {
  kind: DocumentKind;
  session: CollaborationSession | null;
  editable: boolean;
  /** May comment (editors, QA reviewers): a "Comment on …" button beside each field, row and text block. */
  canComment: boolean;
  fields: StoredFields;
  issuesByPath: ReadonlyMap<string, FieldIssue[]>;
  fieldContext: FieldContext;
  /** Competencies of the linked document (a plan's specification, an agreement's plan). */
  linkedCompetencies: readonly ProjectedCompetency[] | undefined;
  /** Key fields of the linked document (a specification's assessment-only route, for its plan's matrix). */
  linkedKeyFields: Readonly<Record<string, JsonValue>> | undefined;
  /** A plan's live coverage (the matrix, its summary and the page's checks share it); null for other kinds. */
  liveCoverage: LiveCoverage | null;
  visitorsAt: (path: string) => readonly FieldVisitor[];
  announce: (path: string | null) => void;
  /** Server-rendered HTML per fragment name (`text:<key>`), shown until the editors mount. */
  firstPaint: Record<string, string>;
  /** Fields the page data left out (page-data.server.ts) with their sizes: loading until the first sync. */
  withheld: Readonly<Record<string, number>>;
};

const NO_ISSUES: FieldIssue[] = [];
/** Rows rendered at first; more on request (a Red Seal plan has thousands). */
const ROWS_PAGE = 50;

/** Writes one value; an edit to a row someone else just removed has nowhere to go and is dropped. */
function writer(editing: EditingContext, path: string) {
  return (value: JsonValue) => {
    if (!editing.session) return;
    try {
      setValue(editing.session.ydoc, editing.kind, path, value);
    } catch (error) {
      if (!(error instanceof RowNotFoundError)) throw error;
    }
  };
}

function isWide(item: SectionItem): boolean {
  return item.type === "richtext" || item.type === "rows" || item.type === "longtext" || (item.type === "multiselect" && item.options.length > 4);
}

type SectionProps = {
  section: SectionDef;
  editing: EditingContext;
  /** Validation issues in this section (a new array only when they changed). */
  issues: readonly FieldIssue[];
  /** Changes when someone enters or leaves a field. */
  presenceKey: string;
};

/** Top-level fields a section's rendering reads: its own, and those its conditions look at. */
function fieldsReadBy(section: SectionDef): string[] {
  const keys = new Set<string>();
  for (const item of section.items) {
    keys.add(item.key);
    if (item.type !== "richtext" && item.showWhen) keys.add(item.showWhen.field);
    if (item.type === "coverage") for (const key of [item.columnsFrom, ...(item.alsoReads ?? [])]) keys.add(key);
    // A stack's competency union compares its modules with the specification's own competencies.
    if (item.type === "rows" && item.key === "stackModules") keys.add("competencies");
  }
  return [...keys];
}

/**
 * A section renders again only when something it shows changed: one of its values (kept
 * referentially stable by useLiveFields), its issues, who is in its fields, or the page's state.
 */
function sameSection(previous: SectionProps, next: SectionProps): boolean {
  const a = previous.editing;
  const b = next.editing;
  if (previous.section !== next.section || previous.issues !== next.issues || previous.presenceKey !== next.presenceKey) return false;
  if (a.session !== b.session || a.editable !== b.editable || a.canComment !== b.canComment || a.fieldContext !== b.fieldContext || a.linkedCompetencies !== b.linkedCompetencies || a.linkedKeyFields !== b.linkedKeyFields || a.firstPaint !== b.firstPaint) {
    return false;
  }
  // A matrix re-renders with the page's live coverage (a tick, or its cells arriving after the sync).
  if (a.liveCoverage !== b.liveCoverage && next.section.items.some((item) => item.type === "coverage")) return false;
  return fieldsReadBy(next.section).every((key) => a.fields[key] === b.fields[key]);
}

/** One section of the document: its heading (a table-of-contents target), fields and text. */
export const SectionView = memo(function SectionView({ section, editing: shared, issues }: SectionProps) {
  const issuesByPathInSection = useMemo(() => issuesByPath(issues), [issues]);
  const editing: EditingContext = { ...shared, issuesByPath: issuesByPathInSection };
  const visible = section.items.filter((item) => item.type === "richtext" || isShown(item.showWhen, editing.fields));
  // Consecutive short fields share a two-column grid; long ones take the full width.
  const groups: SectionItem[][] = [];
  for (const item of visible) {
    const last = groups[groups.length - 1];
    if (!isWide(item) && last && !isWide(last[0]!)) last.push(item);
    else groups.push([item]);
  }
  const headingId = `${sectionAnchor(section.key)}-heading`;
  return (
    <section className="card doc-section" id={sectionAnchor(section.key)} aria-labelledby={headingId}>
      <h2 id={headingId} className="doc-section__title">
        {section.title}
      </h2>
      {section.intro ? <p className="doc-section__intro">{section.intro}</p> : null}
      {groups.map((group) =>
        isWide(group[0]!) ? (
          <SectionItemView key={group[0]!.key} item={group[0]!} editing={editing} />
        ) : (
          <div key={group[0]!.key} className="doc-grid">
            {group.map((item) => (
              <SectionItemView key={item.key} item={item} editing={editing} />
            ))}
          </div>
        ),
      )}
    </section>
  );
}, sameSection);

function SectionItemView({ item, editing }: { item: SectionItem; editing: EditingContext }) {
  if (item.type === "richtext") return <RichTextBlock block={item} editing={editing} />;
  // The table and the matrix draw their own heads: who changed them last goes just above.
  if (item.type === "rows" && item.competencyTable) return <><LastChangedAt path={item.key} /><SpecificationCompetencies field={item} editing={editing} /></>;
  // A stack's modules: references to approved module versions, with totals and the competency union (issue #18).
  if (item.type === "rows" && item.key === "stackModules") return <StackModulesField field={item} editing={editing} />;
  if (item.type === "rows") return <RowsField field={item} editing={editing} />;
  if (item.type === "coverage") return <><LastChangedAt path={item.key} /><CoverageMatrixField field={item} editing={editing} /></>;
  return <ScalarField field={item} path={item.key} value={editing.fields[item.key]} editing={editing} commentable={editing.canComment} />;
}

/** `commentable`: a field of its own gets a comment button; a row's cells share their row's. */
function ScalarField({ field, path, value, editing, commentable }: { field: Exclude<FieldDef, RowsFieldDef | CoverageFieldDef>; path: string; value: JsonValue | undefined; editing: EditingContext; commentable: boolean }) {
  return (
    <FieldControl
      field={field}
      path={path}
      value={value}
      issues={editing.issuesByPath.get(path) ?? NO_ISSUES}
      editable={editing.editable}
      write={writer(editing, path)}
      context={editing.fieldContext}
      visitors={editing.visitorsAt(path)}
      onFocusChange={editing.announce}
      commentable={commentable}
    />
  );
}

function RichTextBlock({ block, editing }: { block: RichTextDef; editing: EditingContext }) {
  const { t } = useTranslation();
  const fragment = textFragmentName(block.key);
  const path = textPath(block.key);
  const section = { field: fragment, label: block.label, placeholder: block.placeholder ?? t("documents.sections.writeHere") };
  const firstPaint = editing.firstPaint[fragment] ?? "";
  const comments = useCommentToggle();
  return (
    <div className="doc-richtext" id={anchorFor(path)} data-path={path}>
      <div className="doc-richtext__head">
        <span className="doc-field__label">
          {block.label}
          {block.required ? <RequiredMark /> : null}
        </span>
        {editing.canComment ? (
          <CommentButton place={path} label={block.label} canComment expanded={comments.open} controls={comments.threadId} onClick={comments.toggle} buttonRef={(element) => (comments.button.current = element)} />
        ) : null}
      </div>
      {editing.canComment && comments.open ? <CommentThread id={comments.threadId} place={path} label={block.label} canComment onClose={comments.close} /> : null}
      <LastChangedAt path={path} />
      {block.help ? <p className="field__hint">{block.help}</p> : null}
      <div className="doc-richtext__body">
        {editing.session ? (
          <RichTextEditor session={editing.session} section={section} editable={editing.editable} firstPaint={firstPaint} />
        ) : (
          <StaticRichText html={firstPaint} placeholder={editing.editable ? section.placeholder : t("documents.summary.nothingWritten")} />
        )}
      </div>
    </div>
  );
}

/**
 * An assessment plan's competencies say whether a workplace assessment assesses them: an
 * agreement evidences at work only those (plus the one already chosen, flagged by its rules).
 */
function workplaceChoices(options: readonly ProjectedCompetency[], chosen: JsonValue | undefined): readonly ProjectedCompetency[] {
  if (!options.some((c) => c.assessedAtWorkplace !== undefined)) return options;
  return options.filter((c) => c.assessedAtWorkplace === true || c.id === chosen);
}

/** The competencies a row's competency cell chooses from: a specification's own, or the linked document's. */
function competencyOptions(editing: EditingContext): readonly ProjectedCompetency[] {
  return editing.fieldContext.competencies ?? editing.linkedCompetencies ?? [];
}

/** A row's evidence kind, when its kind derives one from a method cell (an assessment's "Direct" / "Soft"). */
function evidenceBadge(field: RowsFieldDef, row: CanonicalRow, t: TFunction): { text: string; tone: "ok" | "warn" } | null {
  if (!field.evidenceKindFrom) return null;
  const kind = evidenceKindOf(row[field.evidenceKindFrom]);
  if (kind === null) return null;
  return kind === "direct" ? { text: t("documents.sections.directEvidence"), tone: "ok" } : { text: t("documents.sections.softEvidence"), tone: "warn" };
}

/** A list of rows (competencies, modules, parties, assessments…): each row a card of its cells, with add and remove. */
function RowsField({ field, editing }: { field: RowsFieldDef; editing: EditingContext }) {
  const { t } = useTranslation();
  const locale = useLocale();
  // The row noun with its plural and gender, for "Add …" and "No … yet" in the reader's language.
  const noun = rowNoun(editing.kind, field.key, locale) ?? { singular: field.itemLabel, plural: field.itemLabel, gender: "other" as const };
  const rows = rowsOf(editing.fields, field.key);
  const [shown, setShown] = useState(ROWS_PAGE);

  useEffect(() => {
    // A checklist link to a row beyond the first page opens the rows up to it.
    const onReveal = (event: Event) => {
      const anchor = (event as CustomEvent<string>).detail;
      const position = rows.findIndex((row) => row.id && anchor.startsWith(anchorFor(rowPath(field.key, row.id))));
      if (position >= shown) setShown(position + 1);
    };
    window.addEventListener(REVEAL_EVENT, onReveal);
    return () => window.removeEventListener(REVEAL_EVENT, onReveal);
  }, [rows, shown, field.key]);

  const add = () => {
    if (!editing.session) return;
    const id = addRow(editing.session.ydoc, editing.kind, field.key);
    setShown((count) => Math.max(count, rows.length + 1));
    // Put the person in the new row's first cell, ready to type.
    requestAnimationFrame(() => document.getElementById(anchorFor(rowPath(field.key, id)))?.querySelector<HTMLElement>("input, select, textarea")?.focus());
  };
  const undoable = useUndoableRemoval(editing.session?.ydoc ?? null);
  // One click removes the row for everyone; Undo puts it back (for everyone) for a few seconds.
  const remove = (rowId: string, title: string) => {
    const session = editing.session;
    if (!session) return;
    undoable.remove(t("documents.sections.removedWhat", { noun: noun.singular, title }), (origin) => removeRow(session.ydoc, editing.kind, field.key, rowId, origin));
  };

  const headingId = `${anchorFor(field.key)}-heading`;
  const issues = editing.issuesByPath.get(field.key) ?? NO_ISSUES;
  const comments = useCommentToggle();
  return (
    <div className="doc-rows" id={anchorFor(field.key)} data-path={field.key} role="group" aria-labelledby={headingId}>
      <div className="doc-rows__head">
        <h3 id={headingId} className="doc-rows__title">
          {field.label}
          {field.required ? <RequiredMark /> : null}
          <span className="doc-rows__count">{rows.length}</span>
        </h3>
        {editing.canComment ? (
          <CommentButton place={field.key} label={field.label} canComment expanded={comments.open} controls={comments.threadId} onClick={comments.toggle} buttonRef={(element) => (comments.button.current = element)} />
        ) : null}
        {editing.editable ? (
          <button type="button" className="button button--secondary button--small" onClick={add}>
            {t("documents.sections.add", { noun: noun.singular, gender: noun.gender })}
          </button>
        ) : null}
      </div>
      <LastChangedAt path={field.key} />
      {editing.canComment && comments.open ? <CommentThread id={comments.threadId} place={field.key} label={field.label} canComment onClose={comments.close} /> : null}
      {field.help ? <p className="field__hint">{field.help}</p> : null}
      <FieldIssueList issues={issues} />
      {rows.length === 0 ? (
        <p className="doc-rows__empty">{field.emptyText ?? t("documents.sections.noRows", { noun: noun.singular, gender: noun.gender })}</p>
      ) : (
        <ol className="doc-rows__list">
          {rows.slice(0, shown).map((row, position) => (
            <RowCard
              key={row.id ?? `position-${position}`}
              field={field}
              row={row}
              position={position}
              editing={editing}
              removable={editing.editable}
              onRemove={remove}
            />
          ))}
        </ol>
      )}
      {rows.length > shown ? (
        <div className="doc-rows__more">
          <button type="button" className="button button--secondary button--small" onClick={() => setShown((count) => count + ROWS_PAGE)}>
            {t("documents.sections.showMore", { count: Math.min(ROWS_PAGE, rows.length - shown) })}
          </button>
          <button type="button" className="button button--secondary button--small" onClick={() => setShown(rows.length)}>
            {t("documents.sections.showAll", { count: rows.length })}
          </button>
        </div>
      ) : null}
      {undoable.removed ? (
        <div className="doc-toast" role="status">
          <span>{t("documents.sections.removed", { what: undoable.removed })}</span>
          <button type="button" className="button button--small" onClick={undoable.undo}>
            {t("documents.sections.undo")}
          </button>
          <button type="button" className="button button--secondary button--small" onClick={undoable.dismiss}>
            {t("documents.sections.dismiss")}
          </button>
        </div>
      ) : null}
    </div>
  );
}

function RowCard(props: {
  field: RowsFieldDef;
  row: CanonicalRow;
  position: number;
  editing: EditingContext;
  removable: boolean;
  onRemove: (rowId: string, title: string) => void;
}) {
  const { field, row, position, editing, removable, onRemove } = props;
  const { t } = useTranslation();
  const title = rowTitle(field, row, position);
  const id = row.id;
  const evidence = evidenceBadge(field, row, t);
  const comments = useCommentToggle();
  const commentPlace = editing.canComment && id ? rowPath(field.key, id) : null;
  return (
    <li className="doc-row" id={id ? anchorFor(rowPath(field.key, id)) : undefined} data-path={id ? rowPath(field.key, id) : undefined}>
      <div className="doc-row__head">
        <span className="doc-row__title">{title}</span>
        <span className="doc-row__badges">
          {evidence ? <span className={`doc-pill doc-pill--${evidence.tone}`}>{evidence.text}</span> : null}
        </span>
        {commentPlace ? (
          <CommentButton place={commentPlace} label={title} canComment expanded={comments.open} controls={comments.threadId} onClick={comments.toggle} buttonRef={(element) => (comments.button.current = element)} />
        ) : null}
        {removable && id ? (
          <button type="button" className="button button--danger button--small" aria-label={t("documents.sections.removeLabel", { noun: field.itemLabel, title })} onClick={() => onRemove(id, title)}>
            {t("documents.sections.remove")}
          </button>
        ) : null}
      </div>
      {id ? <LastChangedAt path={rowPath(field.key, id)} /> : null}
      {commentPlace && comments.open ? <CommentThread id={comments.threadId} place={commentPlace} label={title} canComment onClose={comments.close} className="comment-thread--in-row" /> : null}
      {id ? (
        <div className="doc-grid doc-grid--row">
          {field.fields
            .filter((cell) => isShown(cell.showWhen, row))
            .map((cell) => {
              const path = cellPath(field.key, id, cell.key);
              if (cell.type === "competency") return <CompetencyCell key={cell.key} field={field} cell={cell} row={row} path={path} editing={editing} />;
              return <ScalarField key={cell.key} field={cell} path={path} value={row[cell.key]} editing={editing} commentable={false} />;
            })}
        </div>
      ) : (
        <p className="field__error">{t("documents.sections.noId")}</p>
      )}
    </li>
  );
}

/**
 * The competency a row is about, chosen among the linked document's competencies. Choosing one
 * also copies its code and title into the row (cells `competencyCode`/`competencyTitle`), in the
 * same transaction, so the row reads right for everyone at once.
 */
function CompetencyCell({ field, cell, row, path, editing }: { field: RowsFieldDef; cell: Extract<FieldDef, { type: "competency" }>; row: CanonicalRow; path: string; editing: EditingContext }) {
  const options = workplaceChoices(competencyOptions(editing), row[cell.key]);
  const write = (value: JsonValue) => {
    const session = editing.session;
    if (!session || !row.id) return;
    const rowId = row.id;
    const chosen = typeof value === "string" ? options.find((c) => c.id === value) : undefined;
    try {
      session.ydoc.transact(() => {
        setValue(session.ydoc, editing.kind, path, value);
        for (const [cellKey, copied] of [
          ["competencyCode", chosen?.code ?? null],
          ["competencyTitle", chosen?.title ?? null],
        ] as const) {
          if (chosen && field.fields.some((f) => f.key === cellKey)) setValue(session.ydoc, editing.kind, cellPath(field.key, rowId, cellKey), copied);
        }
      });
    } catch (error) {
      if (!(error instanceof RowNotFoundError)) throw error;
    }
  };
  return (
    <FieldControl
      field={cell}
      path={path}
      value={row[cell.key]}
      issues={editing.issuesByPath.get(path) ?? NO_ISSUES}
      editable={editing.editable}
      write={write}
      context={{ ...editing.fieldContext, competencies: options }}
      visitors={editing.visitorsAt(path)}
      onFocusChange={editing.announce}
    />
  );
}
