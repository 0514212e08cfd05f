import * as Y from "yjs";
import { db } from "~/db.server";
import { richTextSections } from "~/components/editor/sections";
import { encodeState, renderFirstPaint } from "~/components/editor/first-paint";
import { canonicalDocument, completeness, kindDefinition, kindIndex, readFields, type CompletenessReport, type DocumentKind, type ModelContext } from "~/modules/documents/model";
import { projectedPlanCoverage } from "~/modules/coverage/coverage-gate.server";
import type { PlanCoverage } from "~/modules/coverage/rules";
import type { FrameworkUpdate } from "~/modules/documents/kinds/framework-update";
import { frameworkUpdatesFor } from "~/modules/frameworks/spec-updates.server";
import { applyStoredDocument, loadStoredDocument } from "~/modules/documents/store/stored-document.server";
import type { StoredFields } from "~/components/document/use-live-document";

/**
 * Larger states are not inlined in the page: the socket's first sync brings them as binary while
 * the page paints from `fields` and `firstPaint`, instead of the page carrying them as base64.
 */
export const INLINE_SNAPSHOT_LIMIT = 256 * 1024;

export type DocumentPageData = {
  /**
   * base64 Yjs state that seeds the browser's Y.Doc; null for a document never stored or larger
   * than INLINE_SNAPSHOT_LIMIT (the page binds to its Y.Doc after the socket's first sync).
   */
  snapshot: string | null;
  /** Server-rendered HTML per rich-text fragment (`text:<key>`), for the first paint. */
  firstPaint: Record<string, string>;
  /** The stored fields; a coverage matrix is left out when the state is not inlined (it arrives with the first sync). */
  fields: StoredFields;
  completeness: CompletenessReport;
  /** A specification's newer framework versions to update to (empty for other kinds). */
  frameworkUpdates: FrameworkUpdate[];
  /** A specification's assessment plans and how they cover it (empty for other kinds). */
  planCoverage: PlanCoverage[];
};

/**
 * Everything the document page paints before its socket is up, from ONE read of the durable
 * state: the inputs' values, the rich text, and the checklist — so what loads is what is stored,
 * and the browser's Y.Doc starts from exactly that state.
 */
export async function loadDocumentPageData(
  document: { id: string; kind: DocumentKind; projectId: string },
  linked: Omit<ModelContext, "today"> = {},
): Promise<DocumentPageData> {
  const { id: documentId, kind } = document;
  const stored = await loadStoredDocument(db(), documentId);
  const ydoc = new Y.Doc();
  try {
    // Applied once and encoded from the doc (a 3,000-competency state is 1.5 MB: each apply costs).
    applyStoredDocument(ydoc, stored);
    // The stored bytes bound the merged state from above: a state that cannot be inlined is not even
    // encoded (a long log that would merge smaller goes over the socket too, which is harmless).
    const storedBytes = (stored.snapshot?.byteLength ?? 0) + stored.updates.reduce((sum, update) => sum + update.byteLength, 0);
    const state = storedBytes === 0 || storedBytes > INLINE_SNAPSHOT_LIMIT ? null : stored.updates.length === 0 ? stored.snapshot : Y.encodeStateAsUpdate(ydoc);
    const canonical = canonicalDocument(ydoc, kind);
    const fields = readFields(ydoc);
    // A state too big to inline reaches the page over the socket, and so do its matrices: 30,000
    // ticks as JSON would be parsed and rendered only to be replaced at the first sync.
    if (state === null) for (const field of kindIndex(kind).fields) if (field.type === "coverage") delete fields[field.key];
    // From the state just read rather than the projection, which lags by its debounce: after
    // "Update to version N" the revalidated page must not offer the update it just applied.
    const frameworkUpdates = kind === "credential_spec" ? await frameworkUpdatesFor(kindDefinition(kind).competencies(canonical.fields)) : [];
    return {
      snapshot: state ? encodeState(state) : null,
      firstPaint: renderFirstPaint(ydoc, richTextSections(kind).map((section) => section.field)),
      fields,
      completeness: completeness(kind, canonical, linked),
      frameworkUpdates,
      planCoverage: kind === "credential_spec" ? await projectedPlanCoverage(db(), document) : [],
    };
  } finally {
    ydoc.destroy();
  }
}
