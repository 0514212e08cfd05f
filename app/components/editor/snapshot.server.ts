import { db } from "~/db.server";
import { loadDocumentState } from "../../../server/collab/persistence";
import { encodeState, renderFirstPaint } from "./first-paint";

export type EditorSnapshot = {
  /** base64 Yjs state that seeds the browser's Y.Doc; null for a document never written. */
  snapshot: string | null;
  /** Server-rendered HTML per rich-text field, for the first paint. */
  firstPaint: Record<string, string>;
};

/** The stored content of a document's rich-text fields, for the page's first paint. */
export async function loadEditorSnapshot(documentId: string, fields: readonly string[]): Promise<EditorSnapshot> {
  const state = await loadDocumentState(db(), documentId);
  return { snapshot: state ? encodeState(state) : null, firstPaint: renderFirstPaint(state, fields) };
}
