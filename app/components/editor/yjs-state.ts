import * as Y from "yjs";

/**
 * The stored Yjs state travels to the browser as base64 inside the loader data and seeds the
 * browser's Y.Doc, so the editor opens on the stored content (and works offline) before the socket
 * has synced. Yjs updates are idempotent: the server's copy of the same state merges to nothing.
 */
export function decodeState(encoded: string): Uint8Array {
  const binary = atob(encoded);
  const bytes = new Uint8Array(binary.length);
  for (let index = 0; index < binary.length; index += 1) bytes[index] = binary.charCodeAt(index);
  return bytes;
}

/** A fresh Y.Doc holding the stored state (or empty when the document has never been saved). */
export function docFromState(state: Uint8Array | null): Y.Doc {
  const ydoc = new Y.Doc();
  if (state && state.length > 0) Y.applyUpdate(ydoc, state);
  return ydoc;
}
