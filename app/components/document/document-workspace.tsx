import { useMemo, useRef } from "react";
import { ConnectionIndicator } from "~/components/editor/connection-indicator";
import { PresenceList } from "~/components/editor/presence-list";
import { useCollaboration } from "~/components/editor/use-collaboration";
import { jsonEqual, kindDefinition, type CompletenessReport, type DocumentKind, type FieldIssue, type ProjectedCompetency } from "~/modules/documents/model";
import { DocumentOverview } from "./document-overview";
import { SectionView, type EditingContext } from "./document-sections";
import { useFieldPresence } from "./field-presence";
import { ownCompetencies, useDocumentChecks, useLiveFields, useLiveTexts, type StoredFields } from "./use-live-document";

/** A document of the same project another document can link to (options, competencies). */
export type LinkedDocumentOption = { id: string; kind: DocumentKind; title: string; competencies: ProjectedCompetency[] };

export type LiveDocumentOptions = {
  documentId: string;
  kind: DocumentKind;
  user: { id: string; name: string };
  canEdit: boolean;
  /** base64 Yjs state from storage (seeds the Y.Doc), null for a document never stored. */
  snapshot: string | null;
  /** The stored fields, for the server's render and the first client render. */
  initialFields: StoredFields;
  initialCompleteness: CompletenessReport;
  linkable: readonly LinkedDocumentOption[];
  /** YYYY-MM-DD, for warnings such as evidence past its review date. */
  today: string;
  onPermissionsChanged: () => void;
};

/** Which field links a kind to the document its competencies come from. */
const LINK_FIELD: Partial<Record<DocumentKind, string>> = { assessment_plan: "credentialSpecId", wbl_agreement: "assessmentPlanId" };

/**
 * The page's one Y.Doc and one provider (every editor and input of the page binds to them), the
 * live fields, who is where, and the checks. Used by the route so its header can show the live
 * title; the body is DocumentWorkspace.
 */
export function useLiveDocument(options: LiveDocumentOptions) {
  const { documentId, kind, user, canEdit, snapshot, initialFields, initialCompleteness, linkable, today, onPermissionsChanged } = options;
  const collaboration = useCollaboration({ documentId, initialState: snapshot, user, onPermissionsChanged });
  const ydoc = collaboration.session?.ydoc ?? null;
  const fields = useLiveFields(ydoc, initialFields);
  const texts = useLiveTexts(ydoc, kind);
  const presence = useFieldPresence(collaboration.session);

  const linkField = LINK_FIELD[kind];
  const linkedId = linkField ? fields[linkField] : undefined;
  const linkedCompetencies = useMemo(
    () => (linkField ? linkable.find((doc) => doc.id === linkedId)?.competencies : undefined),
    [linkField, linkable, linkedId],
  );
  const checks = useDocumentChecks({ kind, fields, texts, linkedCompetencies, today, initialCompleteness });
  // After a permanent close nothing typed could reach the others: stop accepting input.
  const editable = canEdit && collaboration.closed === null && collaboration.session !== null;
  return { ...collaboration, fields, checks, linkedCompetencies, presence, editable };
}

export type LiveDocument = ReturnType<typeof useLiveDocument>;

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
};

/** The document's body: who is here, the outline and checklist, then every section. */
export function DocumentWorkspace({ live, kind, canEdit, canComment, linkable, firstPaint }: WorkspaceProps) {
  const { fields, checks, linkedCompetencies, presence, session, editable } = live;
  const definition = kindDefinition(kind);
  const issuesBySection = useStableIssuesBySection(checks.issues);
  // A specification's rows (demand signals) name its own competencies; other kinds the linked ones.
  const own = useStable(useMemo(() => (kind === "credential_spec" ? ownCompetencies(kind, fields) : undefined), [kind, fields]));
  const fieldContext = useMemo(
    () => ({
      documents: linkable,
      documentTitles: new Map(linkable.map((doc) => [doc.id, doc.title])),
      competencies: own ?? linkedCompetencies,
    }),
    [linkable, own, linkedCompetencies],
  );
  // Until the browser has its Y.Doc, an editor still sees inputs (the same markup), inert.
  const editing: EditingContext = {
    kind,
    session,
    editable: canEdit && live.closed === null,
    canComment,
    fields,
    // Each section gets its own issues (SectionView), so one field's error re-renders one section.
    issuesByPath: NO_ISSUES_BY_PATH,
    fieldContext,
    linkedCompetencies,
    visitorsAt: presence.visitorsAt,
    announce: presence.announce,
    firstPaint,
  };

  return (
    <div className="doc-workspace">
      <div className="doc-bar" role="group" aria-label="Collaboration">
        <PresenceList people={live.people} />
        <ConnectionIndicator view={live.connection} />
      </div>
      {!canEdit ? (
        <p className="notice doc-notice">You can read this document and see changes as others make them. Only editors can change its content.</p>
      ) : live.closed !== null ? (
        <p className="notice doc-notice">Editing is paused: this page is no longer connected. Reload the page to continue.</p>
      ) : null}
      <DocumentOverview kind={kind} completeness={checks.completeness} issues={checks.issues} />
      <div className="doc-sections" role="region" aria-label="Document content" aria-busy={canEdit && !editable ? true : undefined}>
        {definition.sections.map((section) => (
          <SectionView key={section.key} section={section} editing={editing} issues={issuesBySection.get(section.key) ?? NO_ISSUES} presenceKey={presence.key} />
        ))}
      </div>
    </div>
  );
}
