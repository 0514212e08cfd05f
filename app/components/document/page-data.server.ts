import * as Y from "yjs";
import { db } from "~/db.server";
import { richTextSections } from "~/components/editor/sections";
import { encodeState, renderFirstPaint } from "~/components/editor/first-paint";
import { canonicalDocument, completeness, fieldsMap, kindDefinition, kindIndex, readFields, type CanonicalDocument, type CompletenessReport, type DocumentKind, type ModelContext } from "~/modules/documents/model";
import { NO_LIVE_DOCUMENTS, type LiveDocuments } from "~/modules/documents/live-documents";
import { projectedPlanCoverage } from "~/modules/coverage/coverage-gate.server";
import type { PlanCoverage } from "~/modules/coverage/rules";
import type { FrameworkUpdate } from "~/modules/documents/kinds/framework-update";
import { frameworkUpdatesFor } from "~/modules/frameworks/spec-updates.server";
import { applyStoredDocument, loadStoredDocument } from "~/modules/documents/store/stored-document.server";
import type { StoredFields } from "~/components/document/use-live-document";
import type { LastChanges } from "~/modules/documents/edits";
import { lastChanges } from "~/modules/documents/edits.server";

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
  /** The stored fields, without those in `withheld`. */
  fields: StoredFields;
  /**
   * Fields left out of a page whose state is not inlined, with how many rows or cells each holds: a
   * 3,000-competency table (1.6 MB of JSON) or a 30,000-tick matrix would be parsed and painted only
   * to be replaced at the first sync. Their components say they are loading until then.
   */
  withheld: Record<string, number>;
  completeness: CompletenessReport;
  /** A specification's newer framework versions to update to (empty for other kinds). */
  frameworkUpdates: FrameworkUpdate[];
  /** A specification's assessment plans and how they cover it (empty for other kinds). */
  planCoverage: PlanCoverage[];
  /** "Last changed by" of each field and row, as the collaboration server recorded them (refreshed on revalidation). */
  lastChanges: LastChanges;
};

/**
 * Everything the document page paints before its socket is up, from ONE read of the document:
 * the inputs' values, the rich text, and the checklist — so the browser's Y.Doc starts from
 * exactly what the page shows. Read from the document's live room when there is a collaboration
 * server (`liveDocuments.readForPage`: the room stays loaded for the socket the page opens next,
 * so a big document is decoded once, not once for the page and again for its socket), else from
 * the store.
 */
export async function loadDocumentPageData(
  document: { id: string; kind: DocumentKind; projectId: string },
  linked: Omit<ModelContext, "today"> = {},
  liveDocuments: LiveDocuments = NO_LIVE_DOCUMENTS,
): Promise<DocumentPageData> {
  const { id: documentId, kind } = document;
  const read = (await liveDocuments.readForPage(documentId, (ydoc) => readPage(ydoc, kind, linked, null))) ?? (await readStored(documentId, kind, linked));
  // From the state just read rather than the projection, which lags by its debounce: after
  // "Update to version N" the revalidated page must not offer the update it just applied.
  const frameworkUpdates = kind === "credential_spec" ? await frameworkUpdatesFor(kindDefinition(kind).competencies(read.canonicalFields)) : [];
  const { canonicalFields: _canonical, ...page } = read;
  const [planCoverage, changes] = await Promise.all([kind === "credential_spec" ? projectedPlanCoverage(db(), document) : [], lastChanges(documentId)]);
  return { ...page, frameworkUpdates, planCoverage, lastChanges: changes };
}

type PageRead = Omit<DocumentPageData, "frameworkUpdates" | "planCoverage" | "lastChanges"> & { canonicalFields: CanonicalDocument["fields"] };

async function readStored(documentId: string, kind: DocumentKind, linked: Omit<ModelContext, "today">): Promise<PageRead> {
  const stored = await loadStoredDocument(db(), documentId);
  const ydoc = new Y.Doc();
  try {
    // Applied once and encoded from the doc (a 3,000-competency state is 1.5 MB: each apply costs).
    applyStoredDocument(ydoc, stored);
    // The stored bytes bound the merged state from above: a state that cannot be inlined is not even
    // encoded (a long log that would merge smaller goes over the socket too, which is harmless).
    const storedBytes = (stored.snapshot?.byteLength ?? 0) + stored.updates.reduce((sum, update) => sum + update.byteLength, 0);
    const small = storedBytes > 0 && storedBytes <= INLINE_SNAPSHOT_LIMIT;
    return readPage(ydoc, kind, linked, small ? (stored.updates.length === 0 ? stored.snapshot : Y.encodeStateAsUpdate(ydoc)) : undefined);
  } finally {
    ydoc.destroy();
  }
}

/** How many rows (or ticked cells) a stored field holds. */
function sizeOf(value: unknown): number {
  if (value instanceof Y.Array) return value.length;
  if (value instanceof Y.Map) return value.size;
  if (Array.isArray(value)) return value.length;
  return value !== null && typeof value === "object" ? Object.keys(value).length : 0;
}

/** Bytes a document's items take at least when encoded: a bound to skip encoding what cannot be inlined. */
const MIN_BYTES_PER_ITEM = 12;

/**
 * The page's part of a Y.Doc. `state`: the state to inline when the caller has it (null: none;
 * undefined: encode it here if it can be inlined).
 */
function readPage(ydoc: Y.Doc, kind: DocumentKind, linked: Omit<ModelContext, "today">, state: Uint8Array | null | undefined): PageRead {
  let inline = state ?? null;
  if (state === undefined) {
    let items = 0;
    for (const structs of ydoc.store.clients.values()) items += structs.length;
    const encoded = items > 0 && items * MIN_BYTES_PER_ITEM <= INLINE_SNAPSHOT_LIMIT ? Y.encodeStateAsUpdate(ydoc) : null;
    inline = encoded && encoded.byteLength <= INLINE_SNAPSHOT_LIMIT ? encoded : null;
  }
  const canonical = canonicalDocument(ydoc, kind);
  // A state too big to inline reaches the page over the socket, and so do its big parts: they are
  // not even read here, only counted.
  const withheld: Record<string, number> = {};
  if (inline === null) {
    for (const field of kindIndex(kind).fields) {
      if (field.type === "coverage" || (field.type === "rows" && field.competencyTable)) withheld[field.key] = sizeOf(fieldsMap(ydoc).get(field.key));
    }
  }
  const fields = readFields(ydoc, new Set(Object.keys(withheld)));
  return {
    withheld,
    snapshot: inline ? encodeState(inline) : null,
    firstPaint: renderFirstPaint(ydoc, richTextSections(kind).map((section) => section.field)),
    fields,
    completeness: completeness(kind, canonical, linked),
    canonicalFields: canonical.fields,
  };
}
