/**
 * One open document: its Y.Doc, its awareness, its connections, and the rule that makes it
 * durable — content reaches other clients only after it is committed (write-before-broadcast).
 *
 * Every local edit is applied to the Y.Doc (that validates it and yields exactly what changed),
 * queued for the group commit, and broadcast once committed. Everything that sends document
 * content goes through one ordered outbox (local edits, updates from storage or other instances,
 * sync replies) and leaves it in order once everything before it is durable, so a client can never
 * be shown content the database does not have yet. The edits a flush releases together go out as
 * one merged update per connection: one frame instead of one per edit (docs/decisions/0007).
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

/** What waits in the outbox: document content for everyone, or a sync reply for one connection. */
type OutboxEntry =
  | { kind: "update"; update: Uint8Array; durable: boolean; origin: RoomConnection | null; local: boolean; appliedAt: number }
  | { kind: "reply"; connection: RoomConnection; message: Uint8Array };

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
  /** Connections being set up (upgrade in progress); the room must not unload under them. */
  pendingJoins = 0;
  lastActivity = Date.now();
  /** Content not delivered yet, in the order it was applied; leaves from the front once durable. */
  private outbox: OutboxEntry[] = [];
  private flushScheduled = false;
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

  /** Resolves once every update applied so far is committed and delivered (or the room failed). */
  settled(): Promise<void> {
    if (this.outbox.length === 0 || this.failed) return Promise.resolve();
    return new Promise((resolve) => this.settledWaiters.push(resolve));
  }

  /** Sends `message` once everything applied before this call is durable. */
  sendWhenDurable(connection: RoomConnection, message: Uint8Array): void {
    if (this.failed) return;
    if (this.outbox.length === 0) connection.send(message);
    else this.outbox.push({ kind: "reply", connection, message });
  }

  /**
   * Stores a received update as it came. Used when it left content pending (its dependencies are
   * missing): the doc's own update event does not include pending content, but sync replies and
   * later integrations will, so it must be durable before anything else is delivered.
   */
  persistRaw(update: Uint8Array): void {
    this.enqueueWrite(update, null);
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
      // Already durable; still queued behind local writes so that content which depends on a
      // not-yet-committed local update is not shown before that update is stored.
      if (this.connections.size > 0) {
        this.outbox.push({ kind: "update", update, durable: true, origin: null, local: false, appliedAt: performance.now() });
        this.scheduleFlush();
      }
      return;
    }
    this.deps.metrics.updateApplied();
    this.enqueueWrite(update, isRoomConnection(origin) ? origin : null);
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

  private enqueueWrite(update: Uint8Array, origin: RoomConnection | null): void {
    const entry: OutboxEntry = { kind: "update", update, durable: false, origin, local: true, appliedAt: performance.now() };
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
   * One flush per microtask checkpoint: a group commit settles all its updates in one go, so they
   * are all durable by the time this runs and leave as one merged update.
   */
  private scheduleFlush(): void {
    if (this.flushScheduled) return;
    this.flushScheduled = true;
    queueMicrotask(() => {
      this.flushScheduled = false;
      this.flush();
    });
  }

  /** Delivers the durable front of the outbox, in order. */
  private flush(): void {
    if (this.failed) return;
    let delivered = 0;
    let run: Array<OutboxEntry & { kind: "update" }> = [];
    for (const entry of this.outbox) {
      if (entry.kind === "update") {
        if (!entry.durable) break;
        run.push(entry);
      } else {
        this.deliverUpdates(run);
        run = [];
        if (this.connections.has(entry.connection)) entry.connection.send(entry.message);
      }
      delivered++;
    }
    this.deliverUpdates(run);
    this.outbox.splice(0, delivered);
    if (this.outbox.length === 0) this.resolveSettled();
  }

  private deliverUpdates(entries: ReadonlyArray<OutboxEntry & { kind: "update" }>): void {
    if (entries.length === 0) return;
    // Echoing a client's own edit back to it is harmless but wasted: skip it when it is the only author.
    const origin = entries[0]!.origin;
    const soleOrigin = origin !== null && entries.every((entry) => entry.origin === origin) ? origin : null;
    for (const update of mergeForDelivery(entries.map((entry) => entry.update))) this.broadcast(encodeUpdate(update), soleOrigin);
    const local = entries.filter((entry) => entry.local).map((entry) => entry.update);
    if (local.length === 0) return;
    const now = performance.now();
    for (const entry of entries) if (entry.local) this.deps.metrics.delivered(now - entry.appliedAt);
    if (this.deps.fanout.enabled) {
      for (const update of mergeForDelivery(local)) this.deps.fanout.publish(this.documentId, { kind: "update", from: this.deps.fanout.instanceId, update });
    }
    if (this.uncompacted >= this.deps.compactAfterUpdates) this.deps.requestCompaction(this);
    this.deps.onDurable?.(this.documentId);
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
   * Updates could not be stored. Nothing unstored was shown to anyone, and the clients still hold
   * their edits: closing with 1011 makes them reconnect and re-send them during the sync
   * handshake to a fresh room loaded from the database.
   */
  private fail(error: unknown): void {
    if (this.failed) return;
    this.failed = true;
    // An edit that lost the race against an approval: the document is locked now. The clients
    // reconnect read-only and reload what they may do, like any permission change.
    const locked = error instanceof DocumentContentLockedError;
    if (locked) log.warn(`collab: document ${this.documentId} was locked while an edit waited; closing its connections`);
    else {
      this.deps.metrics.counters.persistenceFailures++;
      log.error(`collab: document ${this.documentId} failed, closing its connections`, error instanceof Error ? error.message : error);
    }
    for (const connection of [...this.connections]) {
      if (locked) connection.close(CollabCloseCode.PERMISSIONS_CHANGED, "document locked");
      else connection.close(CollabCloseCode.INTERNAL_ERROR, "could not store the update");
    }
    this.deps.onFailed(this);
    this.outbox = [];
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
