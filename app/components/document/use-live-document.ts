import { startTransition, useDeferredValue, useEffect, useMemo, useRef, useState } from "react";
import type * as Y from "yjs";
import { useCollaboration } from "~/components/editor/use-collaboration";
import {
  canonicalFrom,
  completeness,
  fieldsMap,
  kindDefinition,
  kindIndex,
  LINKED_DOCUMENT,
  readText,
  textFragment,
  validateFields,
  type CompletenessReport,
  type DocumentKind,
  type FieldIssue,
  type JsonValue,
  type ProjectedCompetency,
  type ProseMirrorJSON,
} from "~/modules/documents/model";
import { useFieldPresence } from "~/components/document/field-presence";
import { LiveFieldsReader, type StoredFields } from "~/components/document/live-fields";
import { useLiveCoverage } from "~/components/document/coverage/use-coverage";
import type { CoverageReport } from "~/modules/coverage/rules";

/** How long rich-text typing may run before the checklist catches up (it reads every block). */
const TEXT_CHECK_THROTTLE_MS = 300;

export type { StoredFields };

/** A document of the same project another document can link to (options, competencies). */
export type LinkedDocumentOption = { id: string; kind: DocumentKind; title: string; competencies: ProjectedCompetency[]; keyFields: Record<string, JsonValue> };

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
  /** A specification's imported demand data (latest period end per subject), for the demand warnings. */
  demand?: Readonly<Record<string, string>>;
  onPermissionsChanged: () => void;
};

/**
 * The page's one Y.Doc and one provider (every editor and input of the page binds to them), the
 * live fields, who is where, and the checks. Used by the route so its header can show the live
 * title; the body is DocumentWorkspace.
 */
export function useLiveDocument(options: LiveDocumentOptions) {
  const { documentId, kind, user, canEdit, snapshot, initialFields, initialCompleteness, linkable, today, demand, onPermissionsChanged } = options;
  const collaboration = useCollaboration({ documentId, initialState: snapshot, user, onPermissionsChanged });
  const ydoc = collaboration.session?.ydoc ?? null;
  const fields = useLiveFields(ydoc, initialFields, coverageKeysOf(kind));
  const texts = useLiveTexts(ydoc, kind);
  const presence = useFieldPresence(collaboration.session);

  const linkField = LINKED_DOCUMENT[kind]?.field;
  const linkedId = linkField ? fields[linkField] : undefined;
  const linked = useMemo(() => (linkField ? linkable.find((doc) => doc.id === linkedId) : undefined), [linkField, linkable, linkedId]);
  const linkedCompetencies = linked?.competencies;
  const linkedKeyFields = linked?.keyFields;
  const coverage = useLiveCoverage({ kind, ydoc, fields, competencies: linkedCompetencies, linkedKeyFields });
  const checkedCoverage = useCountsOf(coverage?.loaded ? coverage.report : undefined);
  const checks = useDocumentChecks({ kind, fields, texts, linkedCompetencies, linkedKeyFields, coverage: checkedCoverage, today, initialCompleteness, demand });
  // After a permanent close nothing typed could reach the others: stop accepting input.
  const editable = canEdit && collaboration.closed === null && collaboration.session !== null;
  return { ...collaboration, fields, checks, linkedCompetencies, linkedKeyFields, coverage, presence, editable };
}

export type LiveDocument = ReturnType<typeof useLiveDocument>;

/**
 * The fields map as plain JSON, live: every input shows what the shared document holds right now.
 * Read change by change (live-fields.ts): what did not change keeps its object, so sections and
 * rows whose values did not change skip rendering and checking (a keystroke in one field must not
 * re-render, or re-read, hundreds of inputs). Before the Y.Doc exists (server render, first client
 * render) the loader's copy stands in.
 */
export function useLiveFields(ydoc: Y.Doc | null, initial: StoredFields, coverageKeys?: ReadonlySet<string>): StoredFields {
  const [fields, setFields] = useState(initial);
  useEffect(() => {
    if (!ydoc) return;
    const map = fieldsMap(ydoc);
    const reader = new LiveFieldsReader(map, coverageKeys);
    // The first full read (a big document's 3,000 rows) as a transition: the page turns editable first.
    startTransition(() => setFields((previous) => reader.readAll(previous)));
    const onChange = (events: Y.YEvent<Y.AbstractType<unknown>>[]) => setFields((previous) => reader.apply(previous, events));
    map.observeDeep(onChange);
    return () => map.unobserveDeep(onChange);
  }, [ydoc, coverageKeys]);
  return fields;
}

/**
 * The live coverage report as the checks read it (gaps, soft only): a new object only when those
 * counts change, so a tick that changes no count re-checks nothing.
 */
function useCountsOf(report: CoverageReport | undefined): CoverageReport | undefined {
  const kept = useRef(report);
  const counts = (r: CoverageReport | undefined) => (r ? `${r.gaps}|${r.routeGaps}|${r.softOnly}` : "");
  if (report !== kept.current && (report === undefined || kept.current === undefined || counts(report) !== counts(kept.current))) kept.current = report;
  return kept.current;
}

const coverageKeysByKind = new Map<DocumentKind, ReadonlySet<string>>();

/** The kind's coverage fields (a plan's matrix), read as sorted keys by the live fields reader. */
function coverageKeysOf(kind: DocumentKind): ReadonlySet<string> {
  let keys = coverageKeysByKind.get(kind);
  if (!keys) coverageKeysByKind.set(kind, (keys = new Set(kindIndex(kind).fields.filter((f) => f.type === "coverage").map((f) => f.key))));
  return keys;
}

/**
 * The rich-text blocks as ProseMirror JSON, for the checklist only (the editors render
 * themselves): re-read at most every TEXT_CHECK_THROTTLE_MS while people type.
 */
export function useLiveTexts(ydoc: Y.Doc | null, kind: DocumentKind): Record<string, ProseMirrorJSON> | null {
  const [texts, setTexts] = useState<Record<string, ProseMirrorJSON> | null>(null);
  useEffect(() => {
    if (!ydoc) return;
    const keys = kindIndex(kind).texts.map((text) => text.key);
    const read = () => setTexts(Object.fromEntries(keys.map((key) => [key, readText(ydoc, key)])));
    let timer: ReturnType<typeof setTimeout> | null = null;
    const schedule = () => {
      timer ??= setTimeout(() => {
        timer = null;
        read();
      }, TEXT_CHECK_THROTTLE_MS);
    };
    const fragments = keys.map((key) => textFragment(ydoc, key));
    read();
    for (const fragment of fragments) fragment.observeDeep(schedule);
    return () => {
      for (const fragment of fragments) fragment.unobserveDeep(schedule);
      if (timer) clearTimeout(timer);
    };
  }, [ydoc, kind]);
  return texts;
}

export type DocumentChecks = {
  issues: FieldIssue[];
  completeness: CompletenessReport;
};

/**
 * Validation (every value, live, with the kind's rules and the day's warnings) and the
 * completeness checklist, from the live fields and texts. Until the texts are read in the browser
 * the server's checklist is used (it was computed from the same stored state).
 */
export function useDocumentChecks(options: {
  kind: DocumentKind;
  fields: StoredFields;
  texts: Record<string, ProseMirrorJSON> | null;
  linkedCompetencies: readonly ProjectedCompetency[] | undefined;
  linkedKeyFields: Readonly<Record<string, JsonValue>> | undefined;
  /** The page's live coverage of a plan (use-coverage.ts): the checks read it rather than recount. */
  coverage?: CoverageReport;
  today: string;
  initialCompleteness: CompletenessReport;
  demand?: Readonly<Record<string, string>>;
}): DocumentChecks {
  const { kind, texts, linkedCompetencies, linkedKeyFields, coverage, today, initialCompleteness, demand } = options;
  // Checks follow the fields in a deferred render: what someone typed or ticked is on screen first,
  // then validation and the checklist over the whole document (a 3,000 × 60 matrix included).
  const fields = useDeferredValue(options.fields);
  const issues = useMemo(
    () => validateFields(kind, fields, { today, linkedCompetencies, linkedKeyFields, coverage, ...(demand ? { demand } : {}) }),
    [kind, fields, today, linkedCompetencies, linkedKeyFields, coverage, demand],
  );
  const report = useMemo(
    () => (texts ? completeness(kind, canonicalFrom(kind, fields, texts, { sortKeys: false }), { linkedCompetencies, linkedKeyFields, coverage }) : initialCompleteness),
    [kind, fields, texts, linkedCompetencies, linkedKeyFields, coverage, initialCompleteness],
  );
  return { issues, completeness: report };
}

/** The competencies a document's own rows name (a specification's, for its demand signals). */
export function ownCompetencies(kind: DocumentKind, fields: StoredFields): ProjectedCompetency[] {
  // Unsorted: a sorted copy of every row on each change costs more than the competencies themselves.
  return kindDefinition(kind).competencies(canonicalFrom(kind, fields, {}, { sortKeys: false }).fields);
}
