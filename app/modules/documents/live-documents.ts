/**
 * The documents open live on the collaboration server, as the app's verbs see them. The server
 * (server/http-app.ts) hands the running collaboration to every loader and action through
 * AppLoadContext's `liveDocuments`, so app code never imports server/ and finds it through no
 * global.
 */
export type LiveDocuments = {
  /**
   * Re-checks the permissions of every socket on the document now instead of at the next periodic
   * re-check (e.g. an approval turns its editors read-only at once).
   */
  refreshPermissions(documentId: string): Promise<void>;
};

/** No collaboration server (tests, the seed, a server still starting): nothing to refresh. */
export const NO_LIVE_DOCUMENTS: LiveDocuments = {
  refreshPermissions: async () => {},
};
