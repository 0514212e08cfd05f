/**
 * The open documents of this process. A document is loaded when its first connection arrives and
 * unloaded (compacted, Y.Doc and awareness destroyed) after a grace period without connections.
 */
import { log } from "../../app/utils/log.server";
import type { CollabMetrics } from "./metrics";
import { DocumentRoom, type RoomDeps } from "./room";

type Entry = { ready: Promise<DocumentRoom>; room: DocumentRoom; unloadTimer?: NodeJS.Timeout };

/** A room waiting for its compaction; `done` resolves once it has run (or was skipped). */
type QueuedCompaction = { room: DocumentRoom; done: Promise<void>; ran: () => void };

export type RegistryOptions = {
  metrics: CollabMetrics;
  unloadGraceMs: number;
  roomDeps: Omit<RoomDeps, "requestCompaction" | "onFailed">;
};

export class RoomRegistry {
  private readonly entries = new Map<string, Entry>();
  /** Rooms held for pages about to connect: the timers that release each hold. */
  private readonly pageHolds = new Map<DocumentRoom, Set<NodeJS.Timeout>>();
  /** Unloads in progress: a new connection waits for them so one document never has two rooms. */
  private readonly unloading = new Map<string, Promise<void>>();
  private readonly compactionQueue: QueuedCompaction[] = [];
  private compacting: Promise<void> | null = null;
  /** The compaction the queue is running now. */
  private running: QueuedCompaction | null = null;
  private closed = false;

  constructor(private readonly options: RegistryOptions) {}

  get rooms(): DocumentRoom[] {
    return [...this.entries.values()].map((entry) => entry.room);
  }

  find(documentId: string): DocumentRoom | undefined {
    return this.entries.get(documentId)?.room;
  }

  /**
   * The loaded room for a document, held open for one joining connection: call `release()` once
   * the connection is added (or failed to open).
   */
  async acquire(documentId: string): Promise<DocumentRoom> {
    if (this.closed) throw new Error("collaboration is shutting down");
    await this.unloading.get(documentId);
    let entry = this.entries.get(documentId);
    if (!entry) {
      const room = new DocumentRoom(documentId, {
        ...this.options.roomDeps,
        requestCompaction: (r) => void this.requestCompaction(r),
        onFailed: (r) => this.discard(r),
      });
      const ready = room.load().then(() => room);
      entry = { room, ready };
      this.entries.set(documentId, entry);
      ready.catch(() => {
        if (this.entries.get(documentId) === entry) this.entries.delete(documentId);
        room.failed = true;
        room.destroy();
        void this.options.roomDeps.fanout.leave(documentId);
      });
    }
    if (entry.unloadTimer) {
      clearTimeout(entry.unloadTimer);
      entry.unloadTimer = undefined;
    }
    entry.room.pendingJoins++;
    try {
      return await entry.ready;
    } catch (error) {
      entry.room.pendingJoins--;
      throw error;
    }
  }

  /**
   * The loaded room, held for a page that will connect to it shortly (its loader read the
   * document): until a connection joins (endPageHolds) or `ms` pass, whichever comes first.
   */
  async holdForPage(documentId: string, ms: number): Promise<DocumentRoom> {
    const room = await this.acquire(documentId);
    const timers = this.pageHolds.get(room) ?? new Set<NodeJS.Timeout>();
    this.pageHolds.set(room, timers);
    const timer = setTimeout(() => {
      timers.delete(timer);
      if (timers.size === 0 && this.pageHolds.get(room) === timers) this.pageHolds.delete(room);
      this.release(room);
    }, ms);
    timer.unref();
    timers.add(timer);
    return room;
  }

  /** A connection joined the room: the pages' holds have done their job. */
  endPageHolds(room: DocumentRoom): void {
    const timers = this.pageHolds.get(room);
    if (!timers) return;
    this.pageHolds.delete(room);
    for (const timer of timers) {
      clearTimeout(timer);
      this.release(room);
    }
  }

  release(room: DocumentRoom): void {
    room.pendingJoins--;
    this.unloadWhenIdle(room);
  }

  /** Starts the grace period when the last connection has gone. */
  unloadWhenIdle(room: DocumentRoom): void {
    const entry = this.entries.get(room.documentId);
    if (!entry || entry.room !== room || !room.idle || entry.unloadTimer || this.closed) return;
    entry.unloadTimer = setTimeout(() => {
      entry.unloadTimer = undefined;
      void this.unload(room);
    }, this.options.unloadGraceMs);
    entry.unloadTimer.unref();
  }

  private async unload(room: DocumentRoom): Promise<void> {
    const entry = this.entries.get(room.documentId);
    if (!entry || entry.room !== room || !room.idle) return;
    this.entries.delete(room.documentId);
    const done = (async () => {
      await room.settled();
      // Its last rows are compacted like any others, in the queue (one compaction at a time), after
      // the one it may have queued or running already.
      await this.pendingCompaction(room);
      if (room.uncompacted > 0 && !room.failed) await this.requestCompaction(room);
      // Who made its last edits is written now rather than at the next periodic flush.
      await this.options.roomDeps.edits?.flush(room.documentId);
      await this.options.roomDeps.fanout.leave(room.documentId);
      room.destroy();
      this.options.metrics.counters.documentsUnloaded++;
    })();
    this.unloading.set(room.documentId, done);
    try {
      await done;
    } catch (error) {
      log.error(`collab: unloading ${room.documentId} failed`, error);
    } finally {
      if (this.unloading.get(room.documentId) === done) this.unloading.delete(room.documentId);
    }
  }

  /** Drops a failed room at once (its connections were closed with 1011). */
  private discard(room: DocumentRoom): void {
    const entry = this.entries.get(room.documentId);
    if (entry?.room === room) {
      if (entry.unloadTimer) clearTimeout(entry.unloadTimer);
      this.entries.delete(room.documentId);
    }
    void this.options.roomDeps.fanout.leave(room.documentId);
    void room.settled().then(() => room.destroy());
  }

  /** Queues a compaction of the room; resolves once it has run. */
  requestCompaction(room: DocumentRoom): Promise<void> {
    // A room keeps asking while its compaction runs (its count drops when it ends): asking again
    // would compact the few rows written meanwhile at the price of the whole document's encoding.
    const pending = this.pendingCompaction(room);
    if (pending) return pending;
    // Shutting down: the log is durable, compaction can wait for the next start.
    if (this.closed) return Promise.resolve();
    let ran = () => {};
    const done = new Promise<void>((resolve) => (ran = resolve));
    this.compactionQueue.push({ room, done, ran });
    // One compaction at a time: it is CPU work on the event loop, and there are two cores.
    this.compacting ??= this.runCompactions();
    return done;
  }

  /** The room's queued or running compaction, if any. */
  private pendingCompaction(room: DocumentRoom): Promise<void> | undefined {
    if (this.running?.room === room) return this.running.done;
    return this.compactionQueue.find((queued) => queued.room === room)?.done;
  }

  private async runCompactions(): Promise<void> {
    try {
      while (this.compactionQueue.length > 0) {
        const next = (this.running = this.compactionQueue.shift()!);
        try {
          // A failed room was dropped; its rows stay in the log for whoever opens it next.
          if (!next.room.failed && !next.room.destroyed) await this.compact(next.room);
        } finally {
          next.ran();
        }
      }
    } finally {
      this.running = null;
      this.compacting = null;
    }
  }

  private async compact(room: DocumentRoom): Promise<void> {
    try {
      const started = performance.now();
      const result = await this.options.metrics.background("compaction", () => this.options.roomDeps.store.compact(room.documentId, room.snapshotCache));
      // Rows still in flight when the DELETE ran stay counted; rows other instances wrote may be merged too.
      room.uncompacted = Math.max(0, room.uncompacted - result.merged);
      this.options.metrics.counters.compactions++;
      this.options.metrics.counters.rowsCompacted += result.merged;
      if (result.merged > 0) {
        log.info(`collab: compacted ${room.documentId}: ${result.merged} updates → ${result.stateBytes} bytes in ${Math.round(performance.now() - started)} ms`);
      }
    } catch (error) {
      log.error(`collab: compacting ${room.documentId} failed`, error);
    }
  }

  /** Compacts rooms that have log rows and have been quiet for a while (periodic sweep). */
  compactQuietRooms(quietMs: number): void {
    const now = Date.now();
    for (const room of this.rooms) if (room.uncompacted > 0 && now - room.lastActivity >= quietMs) void this.requestCompaction(room);
  }

  /** Shutdown: waits until every room's updates are committed and unloads them all. */
  async closeAll(): Promise<void> {
    this.closed = true;
    for (const queued of this.compactionQueue.splice(0)) queued.ran();
    const rooms = [...this.entries.values()];
    this.entries.clear();
    for (const entry of rooms) if (entry.unloadTimer) clearTimeout(entry.unloadTimer);
    await Promise.allSettled([...this.unloading.values()]);
    await Promise.allSettled(
      rooms.map(async ({ room, ready }) => {
        await ready.catch(() => undefined);
        await room.settled();
        await this.options.roomDeps.fanout.leave(room.documentId);
        room.destroy();
      }),
    );
    await this.compacting;
  }
}
