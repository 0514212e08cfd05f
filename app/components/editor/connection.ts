import { CollabCloseCode } from "~/modules/collab/close-codes";
import enEditor from "~/locales/en/editor";

/**
 * The connection indicator as a small state machine, fed by the y-websocket provider's events and
 * the browser's online/offline events. The three labels a person sees most are product wording
 * (tests and help pages rely on them): "Connected", "Reconnecting…", "Offline — changes will sync".
 */
export type ProviderStatus = "connecting" | "connected" | "disconnected";

export type ConnectionState = {
  status: ProviderStatus;
  /** The server has answered our sync request since the socket opened. */
  synced: boolean;
  /** navigator.onLine: false means the browser knows there is no network at all. */
  online: boolean;
  /** We have been in sync at least once: losing the connection after that is a reconnect. */
  everSynced: boolean;
  /** Socket attempts so far; the provider retries with backoff, so a second attempt is a reconnect. */
  attempts: number;
  /** The server closed the socket with a code that reconnecting cannot fix. */
  closed: { code: number; reason: string } | null;
  /** Close code of the last dropped socket while we retry; cleared once back in sync. */
  dropCode: number | null;
};

export type ConnectionEvent =
  | { type: "status"; status: ProviderStatus }
  | { type: "synced"; synced: boolean }
  | { type: "online"; online: boolean }
  | { type: "closed"; code: number; reason: string }
  /** The socket closed (any reason, `null` when we closed it ourselves); the provider will retry. */
  | { type: "dropped"; code: number | null }
  /** The local copy was dropped (DOCUMENT_RESET): a fresh document syncs from the server. */
  | { type: "reset" };

export function initialConnectionState(online: boolean): ConnectionState {
  return { status: "connecting", synced: false, online, everSynced: false, attempts: 0, closed: null, dropCode: null };
}

export function reduceConnection(state: ConnectionState, event: ConnectionEvent): ConnectionState {
  switch (event.type) {
    case "status":
      // A socket that opens again after a permanent close means someone called connect(): clear it.
      return {
        ...state,
        status: event.status,
        attempts: event.status === "connecting" ? state.attempts + 1 : state.attempts,
        synced: event.status === "connected" ? state.synced : false,
        closed: event.status === "connected" ? null : state.closed,
      };
    case "synced":
      return { ...state, synced: event.synced, everSynced: state.everSynced || event.synced, dropCode: event.synced ? null : state.dropCode };
    case "online":
      return { ...state, online: event.online };
    case "dropped":
      return { ...state, dropCode: event.code };
    case "closed":
      return { ...state, status: "disconnected", synced: false, closed: { code: event.code, reason: event.reason } };
    case "reset":
      // Not synced since: the page waits for the fresh document instead of binding to an empty one.
      return { ...state, status: "connecting", synced: false, everSynced: false, closed: null, dropCode: CollabCloseCode.DOCUMENT_RESET };
  }
}

export type ConnectionTone = "ok" | "pending" | "offline" | "error";
export type ConnectionView = { label: string; tone: ConnectionTone; detail?: string };

/**
 * Every text the indicator can show, by a stable name: the English messages (tests and help pages
 * quote them); connection-indicator.tsx words them in the reader's language (editor.connection.<name>).
 */
export const CONNECTION_WORDS = enEditor.connection;
const W = CONNECTION_WORDS;

/** What a person can do about a permanent close (the server's codes, app/modules/collab/close-codes.ts). */
const PERMANENT_CLOSE_ADVICE: Record<number, string> = {
  [CollabCloseCode.UNAUTHENTICATED]: W.unauthenticated,
  [CollabCloseCode.FORBIDDEN]: W.forbidden,
  [CollabCloseCode.NOT_FOUND]: W.notFound,
  [CollabCloseCode.READ_ONLY]: W.readOnly,
  [CollabCloseCode.IDENTITY_MISMATCH]: W.identityMismatch,
};

/** Transient closes worth explaining while the provider retries. */
const RETRY_ADVICE: Record<number, string> = {
  [CollabCloseCode.MESSAGE_TOO_BIG]: W.messageTooBig,
  [CollabCloseCode.TRY_AGAIN_LATER]: W.tryAgainLater,
  [CollabCloseCode.RATE_LIMITED]: W.rateLimited,
  [CollabCloseCode.INTERNAL_ERROR]: W.internalError,
  [CollabCloseCode.DOCUMENT_RESET]: W.documentReset,
};

export function describeConnection(state: ConnectionState): ConnectionView {
  if (state.closed) {
    return { label: W.disconnected, tone: "error", detail: PERMANENT_CLOSE_ADVICE[state.closed.code] ?? W.closed };
  }
  if (!state.online) return { label: W.offline, tone: "offline" };
  if (state.status === "connected" && state.synced) return { label: W.connected, tone: "ok" };
  const detail = state.dropCode === null ? undefined : RETRY_ADVICE[state.dropCode];
  if (state.everSynced || state.attempts > 1) return detail ? { label: W.reconnecting, tone: "pending", detail } : { label: W.reconnecting, tone: "pending" };
  return { label: W.connecting, tone: "pending" };
}
