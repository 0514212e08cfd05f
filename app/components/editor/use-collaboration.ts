import { useEffect, useReducer, useRef, useState } from "react";
import { WebsocketProvider } from "y-websocket";
import { CollabCloseCode } from "~/modules/collab/close-codes";
import type * as Y from "yjs";
import { describeConnection, initialConnectionState, reduceConnection } from "~/components/editor/connection";
import { decodeState, docFromState } from "~/components/editor/yjs-state";
import { awarenessUser, presentUsers, samePresence, type AwarenessUser, type PresentUser } from "~/components/editor/presence";

export type CollaborationSession = { ydoc: Y.Doc; provider: WebsocketProvider; user: AwarenessUser };

/** ws(s)://host/collab — the collaboration endpoint lives on the page's own origin. */
export function collabServerUrl(location: Pick<Location, "protocol" | "host">): string {
  return `${location.protocol === "https:" ? "wss:" : "ws:"}//${location.host}/collab`;
}

type Options = {
  documentId: string;
  /** base64 Yjs state the page was rendered from; seeds the Y.Doc so the editor opens on it. */
  initialState: string | null;
  user: { id: string; name: string };
  /** The server says this person's rights changed (e.g. editor → read-only): reload the page data. */
  onPermissionsChanged: () => void;
};

/**
 * One Y.Doc and one y-websocket provider per open document, created in the browser only (the
 * provider opens a socket) and destroyed on unmount. Reconnecting with backoff is the provider's
 * job; this hook only turns its events into what the page shows.
 */
export function useCollaboration({ documentId, initialState, user, onPermissionsChanged }: Options) {
  const [session, setSession] = useState<CollaborationSession | null>(null);
  // Before the socket is up the only person known to be here is the viewer (also what the server renders).
  const [people, setPeople] = useState<PresentUser[]>(() => presentUsers(new Map([[0, { user: awarenessUser(user) }]]), user.id));
  const [connection, dispatch] = useReducer(reduceConnection, true, initialConnectionState);
  // Loader revalidations hand us a newer snapshot; the live Y.Doc already has (or will sync) it, so
  // only the first state seen for a document seeds its doc, and a new one must not rebuild the
  // session. The seed is tied to its document id: seeding another document's Y.Doc with it would
  // merge one document's content into the other for good.
  const seedRef = useRef({ documentId, state: initialState });
  if (seedRef.current.documentId !== documentId) seedRef.current = { documentId, state: initialState };
  const { id: userId, name: userName } = user;
  const onPermissionsChangedRef = useRef(onPermissionsChanged);
  onPermissionsChangedRef.current = onPermissionsChanged;

  useEffect(() => {
    const seed = seedRef.current.documentId === documentId ? seedRef.current.state : null;
    const ydoc = docFromState(seed ? decodeState(seed) : null);
    const me = awarenessUser({ id: userId, name: userName });
    // BroadcastChannel sync between tabs is off: every change goes through the server, which is the
    // one place that enforces read-only access and persists; a tab must not learn edits it could not.
    const provider = new WebsocketProvider(collabServerUrl(window.location), documentId, ydoc, { connect: false, disableBc: true });
    provider.awareness.setLocalStateField("user", me);

    const onStatus = ({ status }: { status: "connecting" | "connected" | "disconnected" }) => dispatch({ type: "status", status });
    const onSync = (synced: boolean) => dispatch({ type: "synced", synced });
    const onClosed = ({ code, reason }: { code: number; reason: string }) => dispatch({ type: "closed", code, reason });
    const onConnectionClose = (event: CloseEvent | null) => {
      dispatch({ type: "dropped", code: event?.code ?? null });
      if (event?.code === CollabCloseCode.PERMISSIONS_CHANGED) onPermissionsChangedRef.current();
    };
    const onAwareness = () => {
      const next = presentUsers(provider.awareness.getStates(), me.id);
      setPeople((previous) => (samePresence(previous, next) ? previous : next));
    };
    const onOnline = () => dispatch({ type: "online", online: true });
    const onOffline = () => dispatch({ type: "online", online: false });

    provider.on("status", onStatus);
    provider.on("sync", onSync);
    provider.on("closed", onClosed);
    provider.on("connection-close", onConnectionClose);
    provider.awareness.on("change", onAwareness);
    window.addEventListener("online", onOnline);
    window.addEventListener("offline", onOffline);
    dispatch({ type: "online", online: navigator.onLine });
    onAwareness();
    // Listeners first, then connect: the provider emits its first "connecting" synchronously.
    provider.connect();
    setSession({ ydoc, provider, user: me });

    return () => {
      window.removeEventListener("online", onOnline);
      window.removeEventListener("offline", onOffline);
      provider.awareness.off("change", onAwareness);
      provider.off("status", onStatus);
      provider.off("sync", onSync);
      provider.off("closed", onClosed);
      provider.off("connection-close", onConnectionClose);
      setSession(null);
      // destroy() disconnects, which tells the others we left (our awareness state set to null).
      provider.destroy();
      provider.awareness.destroy();
      // The editors bound to this doc are destroyed by their own effects, which React may run after
      // this one; destroying the doc a task later keeps their teardown from touching a dead doc.
      setTimeout(() => ydoc.destroy(), 0);
    };
  }, [documentId, userId, userName]);

  // Without a seed the Y.Doc is empty until the first sync: binding editors and inputs to it would
  // blank the server-rendered page meanwhile, so the page gets the session once it holds the document.
  const seeded = seedRef.current.documentId === documentId && seedRef.current.state !== null;
  return { session: seeded || connection.everSynced ? session : null, people, connection: describeConnection(connection), closed: connection.closed };
}
