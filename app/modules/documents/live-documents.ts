/**
 * The documents open live on the collaboration server, as the app's verbs see them. The server
 * (server/http-app.ts) hands the running collaboration to every loader and action through
 * AppLoadContext's `liveDocuments`, so app code never imports server/ and finds it through no
 * global.
 */
import type * as Y from "yjs";

export type LiveDocuments = {
  /**
   * Re-checks the permissions of every socket on the document now instead of at the next periodic
   * re-check (e.g. an approval turns its editors read-only at once).
   */
  refreshPermissions(documentId: string): Promise<void>;
  /**
   * The document's content lock changed (a sign-off command committed approved, withdrawn, reopened…):
   * its open room refuses edits before they are applied and broadcast, or accepts them again.
   * Edits are broadcast from memory before their commit (docs/decisions/0019), so this is what keeps
   * a locked document's edits off other people's screens; the commit's durable check stays the rule.
   */
  setContentLocked(documentId: string, locked: boolean): void;
  /**
   * For a document page about to open its socket: opens the document's room (or finds it open),
   * runs `read` on its Y.Doc (do not change it), and keeps the room loaded until a connection joins
   * it or a few seconds pass — so the page's data and its socket share ONE load of the document
   * instead of decoding a 1 MB state twice. Null without a collaboration server.
   */
  readForPage<T>(documentId: string, read: (doc: Y.Doc) => T): Promise<T | null>;
};

/** No collaboration server (tests, the seed, a server still starting): nothing to refresh or read. */
export const NO_LIVE_DOCUMENTS: LiveDocuments = {
  refreshPermissions: async () => {},
  setContentLocked: () => {},
  readForPage: async () => null,
};
