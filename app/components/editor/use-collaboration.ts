import { useCallback, useEffect, useReducer, useRef, useState } from "react";
import { WebsocketProvider } from "y-websocket";
import { CollabCloseCode } from "~/modules/collab/close-codes";
import { ACK_PARAM, ACK_PARAM_VALUE, MESSAGE_STORED, readStoredCount } from "~/modules/collab/acknowledgements";
import type * as Y from "yjs";
import { describeConnection, initialConnectionState, reduceConnection } from "~/components/editor/connection";
import { decodeState, docFromState } from "~/components/editor/yjs-state";
import { acknowledgingSocketClass, isAcknowledgingSocket } from "~/components/editor/acknowledging-socket";
import { describeSave, initialSaveState, reduceSave, type SaveEvent, type SaveView } from "~/components/editor/save-state";
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
  // Bumped when the server resets the document (DOCUMENT_RESET): a new Y.Doc and provider, unseeded.
  const [generation, setGeneration] = useState(0);
  // Loader revalidations hand us a newer snapshot; the live Y.Doc already has (or will sync) it, so
  // only the first state seen for a document seeds its doc, and a new one must not rebuild the
  // session. The seed is tied to its document id: seeding another document's Y.Doc with it would
  // merge one document's content into the other for good.
  const seedRef = useRef({ documentId, state: initialState });
  if (seedRef.current.documentId !== documentId) seedRef.current = { documentId, state: initialState };
  const { id: userId, name: userName } = user;
  const onPermissionsChangedRef = useRef(onPermissionsChanged);
  onPermissionsChangedRef.current = onPermissionsChanged;
  // Every keystroke is a save event: the counts live in a ref, and the page re-renders only when
  // what it shows ("Saving…", "All changes saved", …) changes.
  const saveRef = useRef(initialSaveState);
  const [save, setSave] = useState<SaveView>(() => describeSave(initialSaveState));
  const applySave = useCallback((event: SaveEvent) => {
    saveRef.current = reduceSave(saveRef.current, event);
    const view = describeSave(saveRef.current);
    setSave((previous) => (previous.label === view.label && previous.pending === view.pending ? previous : view));
  }, []);

  useEffect(() => {
    const seed = seedRef.current.documentId === documentId ? seedRef.current.state : null;
    const ydoc = docFromState(seed ? decodeState(seed) : null);
    const me = awarenessUser({ id: userId, name: userName });
    // BroadcastChannel sync between tabs is off: every change goes through the server, which is the
    // one place that enforces read-only access and persists; a tab must not learn edits it could not.
    saveRef.current = initialSaveState;
    setSave(describeSave(initialSaveState));
    // Our socket counts what it sends and `?ack=1` asks the server to say how much of it is stored.
    const WebSocketPolyfill = acknowledgingSocketClass((socket, kind) => applySave({ type: "sent", connection: socket.connection, count: socket.updatesSent, kind }));
    const provider = new WebsocketProvider(collabServerUrl(window.location), documentId, ydoc, {
      connect: false,
      disableBc: true,
      params: { [ACK_PARAM]: ACK_PARAM_VALUE },
      WebSocketPolyfill,
    });
    provider.awareness.setLocalStateField("user", me);
    // y-websocket passes a handler only the current socket's messages (an old socket's are dropped),
    // and sends nothing back when the handler writes nothing: an acknowledgement needs no answer.
    provider.messageHandlers[MESSAGE_STORED] = (_encoder, decoder, current) => {
      const count = readStoredCount(decoder);
      if (isAcknowledgingSocket(current.ws)) applySave({ type: "stored", connection: current.ws.connection, count });
    };

    const onStatus = ({ status }: { status: "connecting" | "connected" | "disconnected" }) => {
      dispatch({ type: "status", status });
      if (status === "connected" && isAcknowledgingSocket(provider.ws)) applySave({ type: "opened", connection: provider.ws.connection });
    };
    const onSync = (synced: boolean) => dispatch({ type: "synced", synced });
    const onClosed = ({ code, reason }: { code: number; reason: string }) => {
      dispatch({ type: "closed", code, reason });
      applySave({ type: "halted" });
    };
    const onConnectionClose = (event: CloseEvent | null) => {
      if (event?.code === CollabCloseCode.DOCUMENT_RESET) {
        // The document was locked while edits we hold were not stored, and they never will be:
        // drop this Y.Doc (reconnecting with it would bring them back) and start over from the
        // server's durable copy, with the page data reloaded (read-only now). The seed is dropped
        // too: it may predate the lock, and the server is the one source of what is stored.
        provider.shouldConnect = false;
        seedRef.current = { documentId, state: null };
        dispatch({ type: "reset" });
        setGeneration((n) => n + 1);
        onPermissionsChangedRef.current();
        return;
      }
      applySave({ type: "closed" });
      dispatch({ type: "dropped", code: event?.code ?? null });
      if (event?.code === CollabCloseCode.PERMISSIONS_CHANGED) onPermissionsChangedRef.current();
    };
    const onAwareness = () => {
      const next = presentUsers(provider.awareness.getStates(), me.id);
      setPeople((previous) => (samePresence(previous, next) ? previous : next));
    };
    // The person's edits (the provider's own origin marks what came from the server).
    const onDocUpdate = (_update: Uint8Array, origin: unknown) => {
      if (origin !== provider) applySave({ type: "edit" });
    };
    const onOnline = () => dispatch({ type: "online", online: true });
    const onOffline = () => dispatch({ type: "online", online: false });

    provider.on("status", onStatus);
    provider.on("sync", onSync);
    provider.on("closed", onClosed);
    provider.on("connection-close", onConnectionClose);
    provider.awareness.on("change", onAwareness);
    ydoc.on("update", onDocUpdate);
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
      ydoc.off("update", onDocUpdate);
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
  }, [documentId, userId, userName, applySave, generation]);

  // Leaving with edits the server has not stored would lose them: let the browser ask first.
  useEffect(() => {
    if (!save.pending) return;
    const onBeforeUnload = (event: BeforeUnloadEvent) => {
      event.preventDefault();
      // Older Chromium asks only when returnValue is set.
      event.returnValue = true;
    };
    window.addEventListener("beforeunload", onBeforeUnload);
    return () => window.removeEventListener("beforeunload", onBeforeUnload);
  }, [save.pending]);

  // Without a seed the Y.Doc is empty until the first sync: binding editors and inputs to it would
  // blank the server-rendered page meanwhile, so the page gets the session once it holds the document.
  const seeded = seedRef.current.documentId === documentId && seedRef.current.state !== null;
  return { session: seeded || connection.everSynced ? session : null, people, connection: describeConnection(connection), closed: connection.closed, save };
}
