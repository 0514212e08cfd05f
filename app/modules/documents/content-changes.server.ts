/**
 * Where the document's content hash changes are announced after the projection is committed.
 * The projection row (documents.content_hash) is the record; listeners (sign-off outdating) must be
 * idempotent and re-derivable from it, since a crash between commit and notification skips them.
 * Registered once at boot (server/app-server.ts), kept on globalThis so dev rebuilds don't double it.
 */
export type DocumentContentChanged = {
  documentId: string;
  /** SHA-256 of the canonical JSON form (app/modules/documents/model canonicalHash). */
  contentHash: string;
  previousHash: string | null;
};

type Listener = (event: DocumentContentChanged) => Promise<void>;
type Registry = { concordContentListeners?: Map<string, Listener> };
const registry = globalThis as typeof globalThis & Registry;

function listeners(): Map<string, Listener> {
  registry.concordContentListeners ??= new Map();
  return registry.concordContentListeners;
}

/** Registers (or replaces, by name) a listener. */
export function onDocumentContentChanged(name: string, listener: Listener): () => void {
  listeners().set(name, listener);
  return () => listeners().delete(name);
}

/** Runs every listener in turn; one failing does not stop the others. Returns the failures. */
export async function notifyDocumentContentChanged(event: DocumentContentChanged): Promise<unknown[]> {
  const failures: unknown[] = [];
  for (const listener of listeners().values()) {
    try {
      await listener(event);
    } catch (error) {
      failures.push(error);
    }
  }
  return failures;
}
