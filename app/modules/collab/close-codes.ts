/**
 * WebSocket close codes of the collaboration endpoint (/collab/<documentId>), shared by the server
 * (server/collab) and the browser editor. Plain data: safe to import anywhere.
 *
 * The stock y-websocket client (v3) treats 4400–4499 as permanent (it stops reconnecting and
 * emits `closed`) and every other code as transient (it reconnects with backoff). The codes below
 * follow that convention: 44xx mirror HTTP 4xx and mean "reconnecting cannot fix this"; everything
 * else is worth a reconnect.
 */
export const CollabCloseCode = {
  /** Server shutting down or restarting (SIGTERM). Reconnect. */
  GOING_AWAY: 1001,
  /** A malformed y-protocols message or WebSocket frame. Logged on the server. Reconnect. */
  PROTOCOL_ERROR: 1002,
  /** A text frame or an unknown message type. Reconnect. */
  UNSUPPORTED_DATA: 1003,
  /** A message larger than COLLAB_MAX_MESSAGE_BYTES. Reconnect (the update will be re-sent, so
   *  the editor should tell the person the change is too large). */
  MESSAGE_TOO_BIG: 1009,
  /** The server could not store updates (database unavailable). Reconnect; unsaved changes are
   *  re-sent by the client during the sync handshake. */
  INTERNAL_ERROR: 1011,
  /** The document has COLLAB_MAX_CONNECTIONS_PER_DOCUMENT open connections. Reconnect later. */
  TRY_AGAIN_LATER: 1013,
  /** What this person may do changed (edit ↔ read-only). Reconnect, and reload the page data to
   *  learn the new permissions (e.g. make the editor read-only after approval). */
  PERMISSIONS_CHANGED: 4001,
  /** The client could not keep up with the document's traffic (send buffer over the limit). */
  SLOW_CONSUMER: 4002,
  /** Too many messages per second from this connection. Reconnect after the backoff. */
  RATE_LIMITED: 4003,
  /** The document was locked (approved, withdrawn) while edits this client has seen were not yet
   *  stored, and they never will be: drop the local copy and reconnect with a fresh, empty Y.Doc,
   *  so no screen keeps content that is not stored (docs/decisions/0019). Reload the page data too:
   *  the person is read-only now. Not 44xx: a stock y-websocket client simply reconnects. */
  DOCUMENT_RESET: 4005,
  /** The session expired or was signed out. Sign in again. */
  UNAUTHENTICATED: 4401,
  /** Access to the document was revoked. */
  FORBIDDEN: 4403,
  /** The document no longer exists. */
  NOT_FOUND: 4404,
  /** A read-only connection (viewer, commenter, QA reviewer, locked document) kept sending edits. */
  READ_ONLY: 4405,
  /** The awareness state claimed another person's identity or another client's caret. */
  IDENTITY_MISMATCH: 4409,
} as const;

export type CollabCloseCodeName = keyof typeof CollabCloseCode;
export type CollabCloseCodeValue = (typeof CollabCloseCode)[CollabCloseCodeName];

/** The name of a code, for logs and metrics ("UNKNOWN" for codes we do not send). */
export function closeCodeName(code: number): CollabCloseCodeName | "UNKNOWN" {
  for (const [name, value] of Object.entries(CollabCloseCode)) if (value === code) return name as CollabCloseCodeName;
  return "UNKNOWN";
}
