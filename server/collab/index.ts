/**
 * The collaboration server: y-websocket protocol on `/collab/<documentId>` of the app's own HTTP
 * server. Wired here, one module per concern:
 *   upgrade.ts + access.ts   origin, session and the document gate on upgrade, and again on open sockets
 *   registry.ts + room.ts    open documents, broadcast from memory + commit beside it, unload after a grace period
 *   store.ts                 the document store it uses (app/modules/documents/store: update log,
 *                            snapshot, compaction, group commit), bound to the database
 *   connection.ts            per-socket protocol, read-only rule, awareness identity, limits
 *   fanout.ts                Redis pub/sub between instances (REDIS_URL)
 *   metrics.ts               figures for logs and the operator endpoint
 *   projection.ts            documents' projections recomputed after durable writes (debounced)
 * What it needs from the app comes in through `createCollaboration`'s options, wired by
 * server/app-server.ts in the manner of Hocuspocus hooks: the store (load, store), the access
 * check (authenticate) and `project` (after store). Nothing here is global: the running server is
 * the object `createCollaboration` returns.
 * Design: docs/decisions/0004-collaboration-server.md, 0019-broadcast-from-memory.md. Close codes: app/modules/collab/close-codes.ts.
 */
import { timingSafeEqual } from "node:crypto";
import type http from "node:http";
import type { Duplex } from "node:stream";
import { WebSocketServer } from "ws";
import * as Y from "yjs";
import type { Env } from "../../app/env.server";
import { CollabCloseCode } from "../../app/modules/collab/close-codes";
import type { ProjectionOptions, ProjectionOutcome } from "../../app/modules/documents/projection.server";
import { yieldToEventLoop } from "../../app/utils/event-loop.server";
import { log } from "../../app/utils/log.server";
import { newAccessCache, type AccessCache } from "./access";
import { CollabConnection } from "./connection";
import { EditRecorder } from "./edit-recorder";
import { createFanout } from "./fanout";
import type { ConnectionLimits } from "./limits";
import { CollabMetrics, type CollabMetricsSnapshot } from "./metrics";
import { ProjectionScheduler } from "./projection";
import { RoomRegistry } from "./registry";
import type { CollaborationStore } from "./store";
import { authorizeUpgrade, refuseUpgrade, wantsAcknowledgements, type AccessCheck } from "./upgrade";

/**
 * Recomputes a document's projection from its durable content (server/app-server.ts:
 * app/modules/documents/projection.server's `refreshProjection`, with the app's content-change
 * hook). Repairs go through `applyUpdate`, i.e. the document's room. Returns the documents that
 * read this one and must be projected in turn (null: no such document).
 */
export type ProjectDocument = (
  documentId: string,
  options: Required<Pick<ProjectionOptions, "applyUpdate">> & Pick<ProjectionOptions, "snapshotCache">,
) => Promise<Pick<ProjectionOutcome, "dependents"> | null>;

export type CollaborationOptions = {
  env: Env;
  /** The HTTP server whose upgrades on /collab/ are ours. */
  server: http.Server;
  /** Loads and stores documents (store.ts's `collaborationStore(db)`). */
  store: CollaborationStore;
  /** Authenticates and authorizes a socket's session, on upgrade and on every re-check. */
  access: AccessCheck;
  /** Runs after durable writes, debounced per document. */
  project: ProjectDocument;
};

/** The running collaboration server. */
export type Collaboration = {
  /** Closes sockets with 1001 and commits every pending update. */
  close: () => Promise<void>;
  metrics: (detail?: boolean) => CollabMetricsSnapshot & { documents?: Array<{ documentId: string; connections: number; uncompactedUpdates: number }> };
  /** Serves GET /metrics (aggregates; per-document detail with the METRICS_TOKEN bearer). */
  handleMetricsRequest: (request: http.IncomingMessage, response: http.ServerResponse) => void;
  /** Re-checks the permissions of every socket on the document now, instead of within seconds. */
  refreshPermissions: (documentId: string) => Promise<void>;
  /** LiveDocuments.setContentLocked: the open room refuses (or accepts again) edits in memory. */
  setContentLocked: (documentId: string, locked: boolean) => void;
  /** LiveDocuments.readForPage (app/modules/documents/live-documents.ts). */
  readForPage: <T>(documentId: string, read: (doc: Y.Doc) => T) => Promise<T | null>;
  /** Writes the authors of edits counted so far now, instead of at the next periodic flush (tests). */
  flushEdits: () => Promise<void>;
};

const KEEPALIVE_MS = 30_000;
const COMPACTION_SWEEP_MS = 60_000;
const COMPACT_WHEN_QUIET_MS = 10_000;
/** How long a page's read keeps its room loaded for the socket the page opens next (it usually connects in a second or two). */
const PAGE_HOLD_MS = 15_000;
const METRICS_LOG_MS = 60_000;
/** Edits a read-only connection may attempt before it is closed with READ_ONLY (4405). */
const READ_ONLY_STRIKES = 3;
/**
 * A document edited without pause is still projected this often. Each run loads and hashes the
 * whole document, so it stays rare under sustained typing; any pause of
 * COLLAB_PROJECTION_DEBOUNCE_MS projects it sooner.
 */
const PROJECTION_MAX_WAIT_MS = 30_000;
/** How often the authors of edits are written (edit-recorder.ts): off every keystroke's path, soon enough for a page reload. */
const EDIT_RECORD_FLUSH_MS = 2_000;
/** Sockets whose permissions are re-checked together before yielding to other work. */
const RECHECK_SLICE = 8;
/** Origin of changes the server itself makes (layout and assessment-row repairs). */
const SERVER_EDIT = Symbol("server edit");

export async function createCollaboration({ env, server, store, access: checkAccess, project }: CollaborationOptions): Promise<Collaboration> {
  const metrics = new CollabMetrics();
  const fanout = await createFanout(env.REDIS_URL, env.REDIS_URL ? await store.databaseName() : "");
  const writer = store.groupCommit({ onCommit: (rows, bytes, ms) => metrics.committed(rows, bytes, ms) });
  const projections = new ProjectionScheduler(
    async (documentId) =>
      (
        await metrics.background("projection", () =>
          project(documentId, {
            applyUpdate: (update) => applyServerUpdate(documentId, update),
            snapshotCache: registry.find(documentId)?.snapshotCache,
          }),
        )
      )?.dependents ?? [],
    {
      debounceMs: env.COLLAB_PROJECTION_DEBOUNCE_MS,
      maxWaitMs: PROJECTION_MAX_WAIT_MS,
      onError: (documentId, error) => log.warn(`collab: projecting ${documentId} failed`, error instanceof Error ? error.message : error),
    },
  );
  const edits = store.recordEdits ? new EditRecorder((records) => store.recordEdits!(records), EDIT_RECORD_FLUSH_MS) : undefined;
  const registry = new RoomRegistry({
    metrics,
    unloadGraceMs: env.COLLAB_UNLOAD_GRACE_MS,
    roomDeps: {
      store,
      writer,
      fanout,
      metrics,
      compactAfterUpdates: env.COLLAB_COMPACT_AFTER_UPDATES,
      onDurable: (documentId) => projections.schedule(documentId),
      edits,
    },
  });

  /**
   * A change made by the server (projection repairs) goes through the document's room like any
   * edit — shown to the people who have it open and committed beside it — and resolves once
   * stored. The room is loaded for it if nobody has the document open. During shutdown (rooms
   * closed, nobody connected) it is appended to the log directly.
   */
  async function applyServerUpdate(documentId: string, update: Uint8Array): Promise<void> {
    if (closing) {
      const { refused } = await store.append([{ documentId, update }]);
      if (refused.length > 0) throw new Error(`document ${documentId} is locked; the server's change was not stored`);
      return;
    }
    const room = await registry.acquire(documentId);
    try {
      // Shown at once like any edit: a locked document must not get it at all.
      if (room.contentLocked) throw new Error(`document ${documentId} is locked; the server's change was not applied`);
      Y.applyUpdate(room.doc, update, SERVER_EDIT);
      await room.settled();
      if (room.failed) throw new Error(`document ${documentId} could not store the server's change`);
    } finally {
      registry.release(room);
    }
  }
  const limits: ConnectionLimits = {
    updatesPerSecond: env.COLLAB_UPDATES_PER_SECOND,
    awarenessPerSecond: env.COLLAB_AWARENESS_PER_SECOND,
    maxBufferedBytes: env.COLLAB_MAX_BUFFERED_BYTES,
    readOnlyStrikes: READ_ONLY_STRIKES,
  };
  // maxPayload: ws closes oversized messages with 1009 (its default would accept 100 MiB).
  const wss = new WebSocketServer({ noServer: true, maxPayload: env.COLLAB_MAX_MESSAGE_BYTES, perMessageDeflate: false });
  const connections = new Set<CollabConnection>();
  let closing = false;

  async function onUpgrade(request: http.IncomingMessage, socket: Duplex, head: Buffer) {
    // A client resetting the connection while we check it must not become an uncaught error.
    socket.on("error", () => socket.destroy());
    const refuse = (status: number, message: string) => {
      metrics.refused(status);
      refuseUpgrade(socket, status, message);
    };
    if (closing) return refuse(503, "Shutting down");
    const decision = await authorizeUpgrade(request, checkAccess, env.ALLOWED_ORIGINS);
    if (!decision.ok) return refuse(decision.status, decision.message);
    let room;
    try {
      room = await registry.acquire(decision.documentId);
    } catch (error) {
      log.error(`collab: could not open document ${decision.documentId}`, error);
      return refuse(503, "Document unavailable, try again");
    }
    try {
      if (closing) return refuse(503, "Shutting down");
      if (socket.destroyed) return;
      wss.handleUpgrade(request, socket, head, (ws) => {
        // Awareness traffic grows with the square of the participants: cap them per document.
        if (room.connections.size >= env.COLLAB_MAX_CONNECTIONS_PER_DOCUMENT) {
          ws.on("error", () => ws.terminate());
          metrics.closed(CollabCloseCode.TRY_AGAIN_LATER);
          ws.close(CollabCloseCode.TRY_AGAIN_LATER, "document is full");
          return;
        }
        const connection = new CollabConnection({
          ws,
          room,
          identity: { userId: decision.access.user.id, name: decision.access.user.name },
          sessionId: decision.sessionId,
          canEdit: decision.access.canEdit,
          organizationId: decision.access.organizationId,
          wantsAcknowledgements: wantsAcknowledgements(request.url),
          limits,
          metrics,
          onClosed: (closed) => {
            connections.delete(closed);
            registry.unloadWhenIdle(closed.room);
          },
        });
        connections.add(connection);
        room.contentLocked = decision.access.contentLocked;
        connection.open();
        registry.endPageHolds(room);
      });
    } finally {
      registry.release(room);
    }
  }

  server.on("upgrade", (request: http.IncomingMessage, socket: Duplex, head: Buffer) => {
    onUpgrade(request, socket, head).catch((error: unknown) => {
      log.error("collab: upgrade failed", error);
      refuseUpgrade(socket, 503, "Try again");
    });
  });

  /**
   * Re-checks session and permissions of open sockets: a signed-out session, a revoked role or a
   * document that got approved (and locked) takes effect within COLLAB_PERMISSION_RECHECK_MS.
   */
  async function recheck(targets: CollabConnection[]) {
    const cache = newAccessCache();
    // A few sockets at a time, yielding in between: checking every socket at once would hold the
    // event loop (and every edit waiting to be broadcast) for tens of milliseconds.
    for (let start = 0; start < targets.length; start += RECHECK_SLICE) {
      if (start > 0) await yieldToEventLoop();
      if (closing) return;
      await recheckSlice(targets.slice(start, start + RECHECK_SLICE), cache);
    }
  }

  async function recheckSlice(targets: CollabConnection[], cache: AccessCache) {
    await Promise.all(
      targets.map(async (connection) => {
        let access;
        try {
          access = await checkAccess(connection.sessionId, connection.room.documentId, cache);
        } catch (error) {
          log.warn("collab: permission re-check failed", error instanceof Error ? error.message : error);
          return;
        }
        switch (access.kind) {
          case "unauthenticated":
            return connection.close(CollabCloseCode.UNAUTHENTICATED, "session ended");
          case "not_found":
            return connection.close(CollabCloseCode.NOT_FOUND, "document not found");
          case "forbidden":
            return connection.close(CollabCloseCode.FORBIDDEN, "access revoked");
          case "granted":
            // The in-memory content lock follows the database here too (a sign-off on another instance).
            connection.room.contentLocked = access.contentLocked;
            if (access.canEdit !== connection.canEdit) {
              // Edits already applied stay; the client reconnects and reloads what it may do.
              connection.setCanEdit(access.canEdit);
              connection.close(CollabCloseCode.PERMISSIONS_CHANGED, access.canEdit ? "you may now edit" : "read-only now");
            }
            return;
        }
      }),
    );
  }

  let rechecking = false;
  const recheckTimer = setInterval(() => {
    if (rechecking || connections.size === 0) return;
    rechecking = true;
    void metrics.background("permission-recheck", () => recheck([...connections])).finally(() => {
      rechecking = false;
    });
  }, env.COLLAB_PERMISSION_RECHECK_MS);

  // Peers that vanished without a close (network loss) are found by missing pongs.
  const keepaliveTimer = setInterval(() => {
    for (const connection of connections) connection.heartbeat();
  }, KEEPALIVE_MS);

  const compactionTimer = setInterval(() => registry.compactQuietRooms(COMPACT_WHEN_QUIET_MS), COMPACTION_SWEEP_MS);

  let lastLoggedUpdates = -1;
  const metricsTimer = setInterval(() => {
    const figures = snapshot();
    if (figures.connections === 0 && figures.totals.updatesApplied === lastLoggedUpdates) return;
    lastLoggedUpdates = figures.totals.updatesApplied;
    log.info("collab metrics", {
      connections: figures.connections,
      openDocuments: figures.openDocuments,
      updatesPerSecond: figures.updatesPerSecond,
      commitLatencyMs: figures.persistence.commitLatencyMs,
      pendingWrites: figures.persistence.pendingWrites,
    });
  }, METRICS_LOG_MS);
  for (const timer of [recheckTimer, keepaliveTimer, compactionTimer, metricsTimer]) timer.unref();

  fanout.onResubscribed(() => {
    for (const room of registry.rooms) {
      room.reloadFromStorage().catch((error: unknown) => log.warn(`collab: reload of ${room.documentId} failed`, error instanceof Error ? error.message : error));
    }
  });

  function snapshot() {
    return metrics.snapshot({ connections: connections.size, documents: registry.rooms.length, pendingWrites: writer.pending, redis: fanout.enabled });
  }

  /** Aggregate figures; with `detail`, per-document counts (document ids: operators only). */
  function collabMetrics(detail = false) {
    const figures = snapshot();
    if (!detail) return figures;
    return {
      ...figures,
      documents: registry.rooms.map((room) => ({ documentId: room.documentId, connections: room.connections.size, uncompactedUpdates: room.uncompacted })),
    };
  }

  /** GET /metrics: aggregates for anyone; per-document detail with `Authorization: Bearer $METRICS_TOKEN`. */
  function handleMetricsRequest(request: http.IncomingMessage, response: http.ServerResponse) {
    const detail = hasMetricsToken(request.headers.authorization, env.METRICS_TOKEN);
    response.writeHead(200, { "Content-Type": "application/json", "Cache-Control": "no-store" });
    response.end(JSON.stringify(collabMetrics(detail)));
  }

  async function readForPage<T>(documentId: string, read: (doc: Y.Doc) => T): Promise<T | null> {
    if (closing) return null;
    const room = await registry.holdForPage(documentId, PAGE_HOLD_MS);
    return room.failed || room.destroyed ? null : read(room.doc);
  }

  async function refreshPermissions(documentId: string) {
    await recheck([...connections].filter((connection) => connection.room.documentId === documentId));
  }

  function setContentLocked(documentId: string, locked: boolean) {
    const room = registry.find(documentId);
    if (room) room.contentLocked = locked;
  }

  async function close() {
    if (closing) return;
    closing = true;
    for (const timer of [recheckTimer, keepaliveTimer, compactionTimer, metricsTimer]) clearInterval(timer);
    metrics.stop();
    for (const connection of [...connections]) connection.close(CollabCloseCode.GOING_AWAY, "server shutting down");
    // Everything received before the sockets closed is committed before we return (the caller
    // closes the database next).
    await registry.closeAll();
    await writer.drain();
    await edits?.close();
    await projections.close(5_000);
    wss.close();
    await fanout.close();
    log.info(`collab: stopped (${metrics.counters.rowsCommitted} updates stored this run)`);
  }

  return { close, metrics: collabMetrics, handleMetricsRequest, refreshPermissions, setContentLocked, readForPage, flushEdits: async () => edits?.flush() };
}

function hasMetricsToken(header: string | undefined, token: string | undefined): boolean {
  if (!token || !header) return false;
  const expected = Buffer.from(`Bearer ${token}`);
  const given = Buffer.from(header);
  return given.length === expected.length && timingSafeEqual(given, expected);
}
