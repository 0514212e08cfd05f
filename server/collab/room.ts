/**
 * One open document: its Y.Doc, its awareness, its connections, and when its edits are stored.
 *
 * Broadcast from memory (docs/decisions/0019, superseding 0004's write-before-broadcast): every
 * permitted local edit is applied to the Y.Doc (that validates it and yields exactly what
 * changed), sent to this instance's other connections at once, and queued for the group commit
 * beside it. What must wait for the commit waits in one ordered outbox and leaves from its durable
 * front: the author's "stored" acknowledgement, the Redis fan-out to other instances (it carries
 * only durable content) and the projection. Edits applied in the same tick go out as one merged
 * update per connection (one frame instead of one per edit, docs/decisions/0007).
 *
 * The content lock is checked twice: in memory before an edit is applied (`contentLocked`, set by
 * sign-off commands and the permission re-check), and durably in the commit. An edit that lost
 * the race (broadcast, then refused because the document was locked meanwhile) resets every
 * client of the document to the durable state (close DOCUMENT_RESET).
 */
import * as awarenessProtocol from "y-protocols/awareness";
import * as Y from "yjs";
import { CollabCloseCode } from "../../app/modules/collab/close-codes";
import { DocumentContentLockedError, type GroupCommitWriter } from "../../app/modules/documents/store/group-commit.server";
import { closeSnapshotCache, newSnapshotCache, type SnapshotCache } from "../../app/modules/documents/store/snapshot-cache";
import { applyStoredDocument } from "../../app/modules/documents/store/stored-document.server";
import { touchedPaths } from "../../app/modules/documents/model/touched";
import { log } from "../../app/utils/log.server";
import type { AwarenessOwner } from "./awareness-identity";
import type { Fanout, FanoutMessage } from "./fanout";
import type { CollabMetrics } from "./metrics";
import type { EditRecorder } from "./edit-recorder";
import type { CollaborationStore } from "./store";
import { prepareMessage, type PreparedMessage } from "./frames";
import { encodeAwareness, encodeUpdate } from "./protocol";

/** What the room needs from a socket. */
export interface RoomConnection {
  readonly id: string;
  readonly userId: string;
  /** The organization the person edits for in this document's project (authorship records). */
  readonly organizationId?: string | null;
  send(message: Uint8Array): void;
  /** The same message for many connections, framed once. */
  sendPrepared(message: PreparedMessage): void;
  close(code: number, reason: string): void;
}

export type RoomDeps = {
  store: CollaborationStore;
  writer: GroupCommitWriter;
  fanout: Fanout;
  metrics: CollabMetrics;
  /** Asks for a compaction once this many log rows were written since the last one. */
  compactAfterUpdates: number;
  requestCompaction: (room: DocumentRoom) => void;
  /** The room has failed (its updates cannot be stored); the registry forgets it. */
  onFailed: (room: DocumentRoom) => void;
  /** The document's durable content may have changed (loaded, or an update committed): re-project it. */
  onDurable?: (documentId: string) => void;
  /** Counts who touched which fields (edit-recorder.ts); written in the background, never awaited here. */
  edits?: EditRecorder;
};

/** Origins of document changes that are already durable (loaded, or committed elsewhere). */
const FROM_STORAGE = Symbol("storage");
type PeerOrigin = { peer: string; userId: string; connectionId: string };
type ClosingOrigin = { closing: RoomConnection };

/** What waits in the outbox for the commit: a local edit (for other instances), or a message (an acknowledgement) for one connection. */
type OutboxEntry = { kind: "update"; update: Uint8Array; durable: boolean } | { kind: "reply"; connection: RoomConnection; message: Uint8Array };

/** An update applied to the Y.Doc this tick, not yet sent to the room's connections. */
type Broadcast = { update: Uint8Array; origin: RoomConnection | null; local: boolean; appliedAt: number };

export class DocumentRoom {
  readonly doc = new Y.Doc();
  readonly awareness = new awarenessProtocol.Awareness(this.doc);
  readonly connections = new Set<RoomConnection>();
  /** Awareness client id → the person and connection controlling it (local or on another instance). */
  readonly owners = new Map<number, AwarenessOwner>();
  /** Local connection id → the awareness client ids it controls. */
  readonly ownedBy = new Map<string, Set<number>>();
  /** The stored snapshot, applied, for compactions and projections (the store's snapshot-cache.ts, ADR 0008). */
  readonly snapshotCache: SnapshotCache = newSnapshotCache();
  /** Log rows written since the last compaction (by this instance or found at load). */
  uncompacted = 0;
  failed = false;
  /**
   * The document's status locks its content (approved, rejected, withdrawn), as far as this
   * instance knows: edits are refused before they are applied or broadcast. Set by sign-off
   * commands on this instance (LiveDocuments.setContentLocked), on upgrade and by the periodic
   * permission re-check; the commit's durable check catches whatever this misses.
   */
  contentLocked = false;
  /** Connections being set up (upgrade in progress); the room must not unload under them. */
  pendingJoins = 0;
  lastActivity = Date.now();
  /** Local edits not committed yet and what waits for them, in order; leaves from the front once durable. */
  private outbox: OutboxEntry[] = [];
  private flushScheduled = false;
  /** Applied this tick, sent to the connections at the next microtask checkpoint. */
  private broadcasts: Broadcast[] = [];
  private broadcastScheduled = false;
  private settledWaiters: Array<() => void> = [];

  constructor(
    readonly documentId: string,
    private readonly deps: RoomDeps,
  ) {
    // The server has no caret of its own.
    this.awareness.setLocalState(null);
    this.doc.on("update", (update: Uint8Array, origin: unknown) => this.onDocumentUpdate(update, origin));
    // afterTransaction runs before Yjs collects deleted content, so a removed row still has its id.
    if (deps.edits) this.doc.on("afterTransaction", (transaction: Y.Transaction) => this.recordAuthors(transaction, deps.edits!));
    this.awareness.on("update", (changes: { added: number[]; updated: number[]; removed: number[] }, origin: unknown) =>
      this.onAwarenessUpdate(changes, origin),
    );
  }

  /** Subscribes to other instances first, then reads the database: nothing committed in between is missed. */
  async load(): Promise<void> {
    const started = performance.now();
    await this.deps.fanout.join(this.documentId, (message) => this.onPeerMessage(message));
    const stored = await this.deps.store.load(this.documentId);
    applyStoredDocument(this.doc, stored, FROM_STORAGE);
    this.uncompacted = stored.updates.length;
    this.deps.metrics.loaded(performance.now() - started);
    if (this.deps.fanout.enabled) this.deps.fanout.publish(this.documentId, { kind: "query-awareness", from: this.deps.fanout.instanceId });
    if (this.uncompacted >= this.deps.compactAfterUpdates) this.deps.requestCompaction(this);
    this.deps.onDurable?.(this.documentId);
  }

  /** Re-reads the database (after Redis was away, messages may have been missed). */
  async reloadFromStorage(): Promise<void> {
    const stored = await this.deps.store.load(this.documentId);
    if (!this.failed) applyStoredDocument(this.doc, stored, FROM_STORAGE);
  }

  /** Resolves once every update applied so far is committed (or the room failed). */
  settled(): Promise<void> {
    if (this.outbox.length === 0 || this.failed) return Promise.resolve();
    return new Promise((resolve) => this.settledWaiters.push(resolve));
  }

  /** Sends `message` once everything applied before this call is durable (acknowledgements). */
  sendWhenDurable(connection: RoomConnection, message: Uint8Array): void {
    if (this.failed) return;
    if (this.outbox.length === 0) connection.send(message);
    else this.outbox.push({ kind: "reply", connection, message });
  }

  /**
   * Stores a received update as it came. Used when it left content pending (its dependencies are
   * missing): the doc's own update event does not include pending content, but sync replies and
   * later integrations will, so it must be stored too.
   */
  persistRaw(update: Uint8Array): void {
    this.enqueueWrite(update);
  }

  addConnection(connection: RoomConnection): void {
    this.connections.add(connection);
    this.ownedBy.set(connection.id, new Set());
    this.lastActivity = Date.now();
  }

  /** Forgets a connection and removes its carets for everyone. */
  removeConnection(connection: RoomConnection): void {
    if (!this.connections.delete(connection)) return;
    const owned = this.ownedBy.get(connection.id);
    this.ownedBy.delete(connection.id);
    this.lastActivity = Date.now();
    if (owned && owned.size > 0) {
      const origin: ClosingOrigin = { closing: connection };
      awarenessProtocol.removeAwarenessStates(this.awareness, [...owned], origin);
    }
  }

  /** destroy() ran: the room holds nothing any more. */
  get destroyed(): boolean {
    return this.doc.isDestroyed;
  }

  get idle(): boolean {
    return this.connections.size === 0 && this.pendingJoins === 0;
  }

  private onDocumentUpdate(update: Uint8Array, origin: unknown): void {
    if (this.failed) return;
    if (origin === FROM_STORAGE || isPeerOrigin(origin)) {
      // Already durable (loaded, or committed by another instance): only to be shown.
      this.queueBroadcast({ update, origin: null, local: false, appliedAt: performance.now() });
      return;
    }
    this.deps.metrics.updateApplied();
    // From memory to the others at once; the commit runs beside it.
    this.queueBroadcast({ update, origin: isRoomConnection(origin) ? origin : null, local: true, appliedAt: performance.now() });
    this.enqueueWrite(update);
  }

  /**
   * Only edits received from this instance's own connections: updates from storage, from other
   * instances (recorded where they were received) and the server's repairs have no author here.
   */
  private recordAuthors(transaction: Y.Transaction, edits: EditRecorder): void {
    const origin = transaction.origin;
    if (this.failed || transaction.changed.size === 0 || !isRoomConnection(origin)) return;
    try {
      edits.record(this.documentId, { userId: origin.userId, organizationId: origin.organizationId ?? null }, touchedPaths(transaction));
    } catch (error) {
      // An error thrown here would surface from Y.applyUpdate and close the author's socket.
      log.warn(`collab: could not tell which fields an edit of ${this.documentId} touched`, error instanceof Error ? error.message : error);
    }
  }

  private enqueueWrite(update: Uint8Array): void {
    const entry: OutboxEntry = { kind: "update", update, durable: false };
    this.outbox.push(entry);
    this.uncompacted++;
    this.lastActivity = Date.now();
    this.deps.writer.append(this.documentId, update).then(
      () => {
        entry.durable = true;
        this.scheduleFlush();
      },
      (error: unknown) => this.fail(error),
    );
  }

  /**
   * One broadcast per microtask checkpoint: the updates of one socket read (or one transaction
   * burst) leave as one merged update — still in the tick they were applied in.
   */
  private queueBroadcast(broadcast: Broadcast): void {
    if (this.connections.size === 0) return;
    this.broadcasts.push(broadcast);
    if (this.broadcastScheduled) return;
    this.broadcastScheduled = true;
    queueMicrotask(() => {
      this.broadcastScheduled = false;
      const pending = this.broadcasts;
      this.broadcasts = [];
      if (!this.failed) this.deliverUpdates(pending);
    });
  }

  /**
   * One flush per microtask checkpoint: a group commit settles all its updates in one go, so they
   * are all durable by the time this runs and go to other instances as one merged update.
   */
  private scheduleFlush(): void {
    if (this.flushScheduled) return;
    this.flushScheduled = true;
    queueMicrotask(() => {
      this.flushScheduled = false;
      this.flush();
    });
  }

  /** Releases the durable front of the outbox, in order: committed edits to other instances, acknowledgements to their authors. */
  private flush(): void {
    if (this.failed) return;
    let released = 0;
    let committed: Uint8Array[] = [];
    for (const entry of this.outbox) {
      if (entry.kind === "update") {
        if (!entry.durable) break;
        committed.push(entry.update);
      } else {
        this.publishCommitted(committed);
        committed = [];
        if (this.connections.has(entry.connection)) entry.connection.send(entry.message);
      }
      released++;
    }
    this.publishCommitted(committed);
    this.outbox.splice(0, released);
    if (this.outbox.length === 0) this.resolveSettled();
  }

  /**
   * Committed local edits: to the other instances (Redis carries only what is durable, so an
   * instance that dies cannot have shown another instance's users anything lost with it), and to
   * the work that reads durable content (compaction, projection).
   */
  private publishCommitted(updates: Uint8Array[]): void {
    if (updates.length === 0) return;
    if (this.deps.fanout.enabled) {
      for (const update of mergeForDelivery(updates)) this.deps.fanout.publish(this.documentId, { kind: "update", from: this.deps.fanout.instanceId, update });
    }
    if (this.uncompacted >= this.deps.compactAfterUpdates) this.deps.requestCompaction(this);
    this.deps.onDurable?.(this.documentId);
  }

  /** Sends what was applied this tick to the room's connections, merged. */
  private deliverUpdates(entries: readonly Broadcast[]): void {
    if (entries.length === 0) return;
    // Echoing a client's own edit back to it is harmless but wasted: skip it when it is the only author.
    const origin = entries[0]!.origin;
    const soleOrigin = origin !== null && entries.every((entry) => entry.origin === origin) ? origin : null;
    for (const update of mergeForDelivery(entries.map((entry) => entry.update))) this.broadcast(encodeUpdate(update), soleOrigin);
    const now = performance.now();
    for (const entry of entries) if (entry.local) this.deps.metrics.delivered(now - entry.appliedAt);
  }

  private broadcast(message: Uint8Array, except: RoomConnection | null): void {
    if (this.connections.size === 0) return;
    const prepared = prepareMessage(message);
    for (const connection of this.connections) if (connection !== except) connection.sendPrepared(prepared);
  }

  private resolveSettled(): void {
    const waiters = this.settledWaiters;
    this.settledWaiters = [];
    for (const resolve of waiters) resolve();
  }

  private onAwarenessUpdate(changes: { added: number[]; updated: number[]; removed: number[] }, origin: unknown): void {
    const changed = [...changes.added, ...changes.updated, ...changes.removed];
    if (changed.length === 0 || this.failed) return;
    if (isRoomConnection(origin)) {
      const owned = this.ownedBy.get(origin.id);
      for (const id of [...changes.added, ...changes.updated]) {
        const previous = this.owners.get(id);
        if (previous && previous.connectionId !== origin.id) this.ownedBy.get(previous.connectionId)?.delete(id);
        this.owners.set(id, { userId: origin.userId, connectionId: origin.id });
        owned?.add(id);
      }
      for (const id of changes.removed) {
        this.owners.delete(id);
        owned?.delete(id);
      }
      this.deps.metrics.awarenessApplied();
    } else if (isPeerOrigin(origin)) {
      for (const id of [...changes.added, ...changes.updated]) this.owners.set(id, { userId: origin.userId, connectionId: origin.connectionId });
      for (const id of changes.removed) this.owners.delete(id);
    } else {
      // Removed on close or timed out.
      for (const id of changes.removed) this.owners.delete(id);
    }
    const message = encodeAwareness(this.awareness, changed);
    this.broadcast(message, null);
    const local = isRoomConnection(origin) ? origin : isClosingOrigin(origin) ? origin.closing : null;
    if (local && this.deps.fanout.enabled) {
      this.deps.fanout.publish(this.documentId, {
        kind: "awareness",
        from: this.deps.fanout.instanceId,
        userId: local.userId,
        connectionId: local.id,
        update: awarenessProtocol.encodeAwarenessUpdate(this.awareness, changed),
      });
    }
  }

  private onPeerMessage(message: FanoutMessage): void {
    if (this.failed) return;
    try {
      switch (message.kind) {
        case "update":
          Y.applyUpdate(this.doc, message.update, { peer: message.from, userId: "", connectionId: "" } satisfies PeerOrigin);
          break;
        case "awareness":
          awarenessProtocol.applyAwarenessUpdate(this.awareness, message.update, {
            peer: message.from,
            userId: message.userId,
            connectionId: `${message.from}:${message.connectionId}`,
          } satisfies PeerOrigin);
          break;
        case "query-awareness":
          this.publishLocalAwareness();
          break;
      }
    } catch (error) {
      log.warn(`collab: could not apply a fan-out message for ${this.documentId}`, error instanceof Error ? error.message : error);
    }
  }

  /** Tells other instances about the carets of this instance's connections. */
  private publishLocalAwareness(): void {
    for (const connection of this.connections) {
      const ids = [...(this.ownedBy.get(connection.id) ?? [])].filter((id) => this.awareness.meta.has(id));
      if (ids.length === 0) continue;
      this.deps.fanout.publish(this.documentId, {
        kind: "awareness",
        from: this.deps.fanout.instanceId,
        userId: connection.userId,
        connectionId: connection.id,
        update: awarenessProtocol.encodeAwarenessUpdate(this.awareness, ids),
      });
    }
  }

  /**
   * Updates could not be stored.
   * - The database failed: the clients still hold every edit they have seen (Yjs keeps them), so
   *   closing with 1011 makes them reconnect and re-send them during the sync handshake to a fresh
   *   room loaded from the database; nothing anyone saw is lost.
   * - The document was locked (approved, withdrawn) while an edit that was already broadcast waited
   *   for its commit: that edit will never be stored, yet people have seen it. Every client is
   *   reset (DOCUMENT_RESET): it drops its copy and reconnects, read-only, with a fresh document
   *   read from the database, so no screen keeps content that is not stored.
   */
  private fail(error: unknown): void {
    if (this.failed) return;
    this.failed = true;
    const locked = error instanceof DocumentContentLockedError;
    if (locked) this.contentLocked = true;
    if (locked) log.warn(`collab: document ${this.documentId} was locked while an edit waited for its commit; resetting its clients`);
    else {
      this.deps.metrics.counters.persistenceFailures++;
      log.error(`collab: document ${this.documentId} failed, closing its connections`, error instanceof Error ? error.message : error);
    }
    for (const connection of [...this.connections]) {
      if (locked) connection.close(CollabCloseCode.DOCUMENT_RESET, "document locked; reload it");
      else connection.close(CollabCloseCode.INTERNAL_ERROR, "could not store the update");
    }
    this.deps.onFailed(this);
    this.outbox = [];
    this.broadcasts = [];
    this.resolveSettled();
  }

  /** Frees memory; call after `settled()`. */
  destroy(): void {
    closeSnapshotCache(this.snapshotCache);
    this.awareness.destroy();
    this.doc.destroy();
  }
}

/**
 * Several updates as one (a list of one). Merging a few small updates is cheap (the superlinear
 * case is one merge over a huge log, which loading and compaction avoid). They were all applied to
 * the room's document, so they decode; should merging fail anyway, they go out one by one.
 */
function mergeForDelivery(updates: Uint8Array[]): Uint8Array[] {
  if (updates.length < 2) return updates;
  try {
    return [Y.mergeUpdates(updates)];
  } catch (error) {
    log.warn("collab: could not merge updates for delivery; sending them one by one", error instanceof Error ? error.message : error);
    return updates;
  }
}

function isPeerOrigin(origin: unknown): origin is PeerOrigin {
  return typeof origin === "object" && origin !== null && "peer" in origin;
}

function isClosingOrigin(origin: unknown): origin is ClosingOrigin {
  return typeof origin === "object" && origin !== null && "closing" in origin;
}

function isRoomConnection(origin: unknown): origin is RoomConnection {
  return typeof origin === "object" && origin !== null && "send" in origin && "userId" in origin && "id" in origin;
}
