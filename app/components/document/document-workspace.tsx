import { useDeferredValue, useEffect, useMemo, useRef, type ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { ConnectionIndicator, SaveStatus } from "~/components/editor/connection-indicator";
import { UnsavedChangesGuard } from "~/components/editor/unsaved-changes-guard";
import { PresenceList } from "~/components/editor/presence-list";
import { jsonEqual, type DocumentKind, type FieldIssue } from "~/modules/documents/model";
import { useLocale } from "~/components/i18n/use-locale";
import { localizedKindDefinition } from "~/modules/i18n/kind-text";
import { DocumentOverview, revealAnchor } from "~/components/document/document-overview";
import { FrameworkUpdateNotice } from "~/components/frameworks/FrameworkUpdateNotice";
import type { FrameworkUpdate } from "~/modules/documents/kinds/framework-update";
import { CoverageSummary } from "~/components/coverage/CoverageSummary";
import type { PlanCoverage } from "~/modules/coverage/rules";
import { SectionView, type EditingContext } from "~/components/document/document-sections";
import { DocumentSummary } from "~/components/document/DocumentSummary";
import { ownCompetencies, type LinkedDocumentOption, type LiveDocument } from "~/components/document/use-live-document";

const NO_ISSUES: FieldIssue[] = [];
const NO_ISSUES_BY_PATH: ReadonlyMap<string, FieldIssue[]> = new Map();

/** The previous value while the new one is equal to it: keeps memoised children from re-rendering. */
function useStable<T>(value: T): T {
  const previous = useRef(value);
  if (previous.current !== value && !jsonEqual(previous.current, value)) previous.current = value;
  return previous.current;
}

/** Issues grouped by section; a section's array is the previous one while its issues are the same. */
function useStableIssuesBySection(issues: readonly FieldIssue[]): Map<string, FieldIssue[]> {
  const previous = useRef(new Map<string, FieldIssue[]>());
  return useMemo(() => {
    const next = new Map<string, FieldIssue[]>();
    for (const issue of issues) next.set(issue.sectionKey, [...(next.get(issue.sectionKey) ?? []), issue]);
    for (const [key, list] of next) {
      const before = previous.current.get(key);
      if (before && jsonEqual(before, list)) next.set(key, before);
    }
    previous.current = next;
    return next;
  }, [issues]);
}

type WorkspaceProps = {
  live: LiveDocument;
  kind: DocumentKind;
  canEdit: boolean;
  canComment: boolean;
  linkable: readonly LinkedDocumentOption[];
  firstPaint: Record<string, string>;
  /** Fields the page data left out (a big document's table or matrix), with their sizes. */
  withheld: Readonly<Record<string, number>>;
  /** A specification's newer framework versions (page data); none for other kinds. */
  frameworkUpdates?: readonly FrameworkUpdate[];
  /** A specification's assessment plans and their coverage of it (page data); none for other kinds. */
  planCoverage?: readonly PlanCoverage[];
  /**
   * Edit mode (`?edit`, for people who may edit): today's form. Otherwise the Summary, then the
   * document as text (the read-only rendering QA reviewers see).
   */
  editMode: boolean;
  /** The Edit / "Back to summary" link (edit-mode.tsx); null for people who may not edit. */
  modeLink: ReactNode;
};

/** The document's body: who is here, the Summary (view mode), the outline and checklist, then every section. */
export function DocumentWorkspace({ live, kind, canEdit, canComment, linkable, firstPaint, withheld, frameworkUpdates, planCoverage, editMode, modeLink }: WorkspaceProps) {
  const { t } = useTranslation();
  const { fields, checks, linkedCompetencies, presence, session, editable } = live;
  useRevealLinkedValue(session !== null);
  const locale = useLocale();
  // Sections, labels, help and options in the reader's language (app/locales/fr/kinds.ts).
  const definition = useMemo(() => localizedKindDefinition(kind, locale), [kind, locale]);
  const issuesBySection = useStableIssuesBySection(checks.issues);
  // A specification's rows (demand signals) name its own competencies; other kinds the linked ones.
  // Read in a deferred render (3,000 rows): a keystroke or the first sync is on screen first.
  const deferredFields = useDeferredValue(fields);
  const own = useStable(useMemo(() => (kind === "credential_spec" ? ownCompetencies(kind, deferredFields) : undefined), [kind, deferredFields]));
  const fieldContext = useMemo(
    () => ({
      documents: linkable,
      documentTitles: new Map(linkable.map((doc) => [doc.id, doc.title])),
      competencies: own ?? linkedCompetencies,
      locale,
    }),
    [linkable, own, linkedCompetencies, locale],
  );
  // Until the browser has its Y.Doc, an editor still sees inputs (the same markup), inert.
  const editing: EditingContext = {
    kind,
    session,
    editable: editMode && canEdit && live.closed === null,
    canComment,
    fields,
    // Each section gets its own issues (SectionView), so one field's error re-renders one section.
    issuesByPath: NO_ISSUES_BY_PATH,
    fieldContext,
    linkedCompetencies,
    linkedKeyFields: live.linkedKeyFields,
    liveCoverage: live.coverage,
    visitorsAt: presence.visitorsAt,
    announce: presence.announce,
    firstPaint,
    withheld,
  };

  return (
    <div className="doc-workspace">
      <div className="doc-bar" role="group" aria-label={t("editor.bar.label")}>
        <PresenceList people={live.people} />
        <ConnectionIndicator view={live.connection} />
        {canEdit ? <SaveStatus view={live.save} /> : null}
      </div>
      {canEdit ? <UnsavedChangesGuard unsaved={live.save.pending} /> : null}
      {!canEdit ? (
        <p className="notice doc-notice">{t("documents.workspace.readOnly")}</p>
      ) : editMode && live.closed !== null ? (
        <p className="notice doc-notice">{t("documents.workspace.paused")}</p>
      ) : null}
      {editMode ? (
        <div className="doc-mode-bar" role="group" aria-label={t("documents.workspace.editMode")}>
          <span className="doc-mode-bar__label">{t("documents.workspace.editing")}</span>
          {modeLink}
        </div>
      ) : null}
      {frameworkUpdates && frameworkUpdates.length > 0 ? (
        <FrameworkUpdateNotice updates={frameworkUpdates} fields={fields} canEdit={canEdit && editMode} session={session} editable={editMode && editable} />
      ) : null}
      {editMode ? null : (
        <DocumentSummary kind={kind} fields={deferredFields} session={session} firstPaint={firstPaint} display={fieldContext} planCoverage={planCoverage} liveCoverage={live.coverage} action={modeLink} />
      )}
      <DocumentOverview kind={kind} completeness={checks.completeness} issues={checks.issues} />
      {editMode
        ? planCoverage?.map((plan) => (
            <div key={plan.planId} className="card doc-coverage">
              <CoverageSummary summary={plan.summary} matrixHref={`/documents/${plan.planId}`} title={t("documents.summary.planCoverage", { title: plan.planTitle })} />
            </div>
          ))
        : null}
      <div className="doc-sections" role="region" aria-label={t("documents.workspace.content")} aria-busy={editMode && canEdit && !editable ? true : undefined}>
        {definition.sections.map((section) => (
          <SectionView key={section.key} section={section} editing={editing} issues={issuesBySection.get(section.key) ?? NO_ISSUES} presenceKey={presence.key} />
        ))}
      </div>
    </div>
  );
}

/**
 * A link to one value (`/documents/<id>?edit#field-…`, e.g. from the standards readiness page or a
 * shared address) reveals it once the document is live: the browser's own jump on load finds
 * nothing inside collapsed or virtualized rows, which only render when revealed.
 */
function useRevealLinkedValue(live: boolean): void {
  const done = useRef(false);
  useEffect(() => {
    if (!live || done.current) return;
    done.current = true;
    const anchor = decodeURIComponent(window.location.hash.slice(1));
    if (anchor.startsWith("field-")) revealAnchor(anchor);
  }, [live]);
}
