/**
 * "Saving…" / "All changes saved" as a small state machine (issue 21), fed by the acknowledging
 * socket (what this client sent on a connection), the server's "stored" acknowledgements
 * (app/modules/collab/acknowledgements.ts), the provider's socket opening and closing, and the
 * person's own edits. Plain code: the hook (use-collaboration.ts) feeds it, the tests replay it.
 *
 * Only the person's own edits count. Every acknowledgement is cumulative and per connection, so on
 * the open connection it is enough to know the number of the last message that carried unsaved
 * edits: a local update (y-protocols' update message, which y-websocket sends only for edits made
 * here), or the sync reply (step 2) sent while edits were waiting for a connection — that reply
 * carries whatever the server lacks. A sync reply with nothing of ours waiting is not watched: it
 * would flash "Saving…" on every page load, and keep a read-only viewer's page "unsaved" forever.
 *
 * Edits that no open socket carried (made while disconnected, or sent on a socket that died before
 * their acknowledgement) wait in `unsent` until a later connection's sync reply is acknowledged.
 *
 * Disconnected with nothing unsaved still says "All changes saved": it is true, and the connection
 * indicator beside it already says that the connection is down.
 */
export const SAVE_LABELS = {
  saving: "Saving…",
  saved: "All changes saved",
  offline: "Offline — your changes will be saved when you reconnect",
  /** The server closed the connection for good (the connection indicator says why and what to do). */
  notSaved: "Changes not saved",
} as const;

/** What an update-carrying message sent by this client was: a local edit, or a sync reply (step 2). */
export type SentKind = "update" | "sync-reply";

export type SaveEvent =
  /** The provider's socket `connection` (a number unique per socket) is open: a new count from 0. */
  | { type: "opened"; connection: number }
  /** The socket closed, for any reason: what it sent and was not acknowledged is unsaved again. */
  | { type: "closed" }
  /** The server closed the connection with a code reconnecting cannot fix. */
  | { type: "halted" }
  /** `count` update-carrying messages sent so far on `connection`; the last one was of `kind`. */
  | { type: "sent"; connection: number; count: number; kind: SentKind }
  /** The server has stored the first `count` update-carrying messages sent on `connection`. */
  | { type: "stored"; connection: number; count: number }
  /** The person changed the document (a Y.Doc update whose origin is not the provider). */
  | { type: "edit" };

type OpenConnection = {
  id: number;
  /** Acknowledged so far (cumulative). */
  stored: number;
  /** The number of the last message on this connection that carried unsaved edits (0: none). */
  awaited: number;
};

export type SaveState = {
  connection: OpenConnection | null;
  /** Edits no open socket has carried yet: saved once a later connection's sync reply is stored. */
  unsent: boolean;
  halted: boolean;
};

export const initialSaveState: SaveState = { connection: null, unsent: false, halted: false };

export function reduceSave(state: SaveState, event: SaveEvent): SaveState {
  const connection = state.connection;
  switch (event.type) {
    case "opened":
      return { ...state, connection: { id: event.connection, stored: 0, awaited: 0 }, halted: false };
    case "closed":
      if (!connection) return state;
      return { ...state, connection: null, unsent: state.unsent || connection.stored < connection.awaited };
    case "halted":
      return state.halted ? state : { ...state, halted: true };
    case "edit":
      // While a socket is open y-websocket sends the edit at once and the socket reports it ("sent").
      return connection || state.unsent ? state : { ...state, unsent: true };
    case "sent":
      // A socket counts from 0, so an old socket's late report must not move this one's numbers.
      if (!connection || connection.id !== event.connection) return state;
      if (event.kind === "update") return { ...state, connection: { ...connection, awaited: Math.max(connection.awaited, event.count) } };
      // The sync reply carries everything the server lacks, so the waiting edits travel with it.
      if (!state.unsent) return state;
      return { ...state, unsent: false, connection: { ...connection, awaited: Math.max(connection.awaited, event.count) } };
    case "stored":
      if (!connection || connection.id !== event.connection || event.count <= connection.stored) return state;
      return { ...state, connection: { ...connection, stored: event.count } };
  }
}

export type SaveView = { label: (typeof SAVE_LABELS)[keyof typeof SAVE_LABELS]; pending: boolean };

/** Unsaved edits: worth a leave-page warning. */
export function hasUnsavedChanges(state: SaveState): boolean {
  return state.unsent || (state.connection !== null && state.connection.stored < state.connection.awaited);
}

export function describeSave(state: SaveState): SaveView {
  if (!hasUnsavedChanges(state)) return { label: SAVE_LABELS.saved, pending: false };
  if (state.halted) return { label: SAVE_LABELS.notSaved, pending: true };
  if (state.connection === null) return { label: SAVE_LABELS.offline, pending: true };
  return { label: SAVE_LABELS.saving, pending: true };
}
