/**
 * Group commit for the update log. Edits are broadcast from memory and committed beside it; the
 * author's "stored" acknowledgement and the fan-out to other instances wait for the commit
 * (server/collab/room.ts, docs/decisions/0019). One writer per process takes whatever has queued
 * up while the previous INSERT was in flight and commits it as one statement: idle, an update
 * costs one round trip; under load, many updates share one commit (docs/decisions/0007).
 */
import { log } from "~/utils/log.server";
import { yieldToEventLoop } from "~/utils/event-loop.server";
import type { Queryable } from "../../../../db/client";
import { appendUpdates } from "./stored-document.server";

/**
 * The document's status locks its content (it was approved while this update waited): the update
 * is not stored. The room fails and its clients reconnect, read-only by then.
 */
export class DocumentContentLockedError extends Error {
  constructor(readonly documentId: string) {
    super(`document ${documentId} is locked (approved, rejected or withdrawn); the update was not stored`);
    this.name = "DocumentContentLockedError";
  }
}

type Pending = { documentId: string; update: Uint8Array; resolve: () => void; reject: (error: unknown) => void };

export type GroupCommitOptions = {
  /** Most rows in one INSERT (keeps the statement under the driver's parameter limit). */
  maxRows?: number;
  /** Most bytes in one INSERT. */
  maxBytes?: number;
  /** Delays between retries of a failed INSERT; after the last one the batch fails. */
  retryDelaysMs?: readonly number[];
  /** Called after each committed batch (metrics). */
  onCommit?: (rows: number, bytes: number, latencyMs: number) => void;
  /** Awaited before each batch's INSERT: integration tests hold commits here to force races. */
  beforeCommit?: () => Promise<void>;
};

export class GroupCommitWriter {
  private queue: Pending[] = [];
  private running: Promise<void> | null = null;
  private readonly maxRows: number;
  private readonly maxBytes: number;
  private readonly retryDelaysMs: readonly number[];

  constructor(
    private readonly db: Queryable,
    private readonly options: GroupCommitOptions = {},
  ) {
    this.maxRows = options.maxRows ?? 1000;
    this.maxBytes = options.maxBytes ?? 8 * 1024 * 1024;
    this.retryDelaysMs = options.retryDelaysMs ?? [50, 250, 1000];
  }

  /** Resolves once the update is committed; rejects when it could not be stored. */
  append(documentId: string, update: Uint8Array): Promise<void> {
    return new Promise((resolve, reject) => {
      this.queue.push({ documentId, update, resolve, reject });
      this.running ??= this.run();
    });
  }

  get pending(): number {
    return this.queue.length;
  }

  /** Resolves when everything appended so far has been committed or has failed. */
  async drain(): Promise<void> {
    while (this.running) await this.running;
  }

  private async run(): Promise<void> {
    // Let the current tick's updates join the first batch.
    await yieldToEventLoop();
    try {
      while (this.queue.length > 0) {
        const batch = this.takeBatch();
        await this.commit(batch);
      }
    } finally {
      this.running = null;
    }
  }

  private takeBatch(): Pending[] {
    let bytes = 0;
    let count = 0;
    while (count < this.queue.length && count < this.maxRows) {
      const size = this.queue[count]!.update.byteLength;
      if (count > 0 && bytes + size > this.maxBytes) break;
      bytes += size;
      count++;
    }
    return this.queue.splice(0, count);
  }

  private async commit(batch: Pending[]): Promise<void> {
    const started = performance.now();
    await this.options.beforeCommit?.();
    for (let attempt = 0; ; attempt++) {
      try {
        const { refused } = await appendUpdates(this.db, batch);
        this.settle(batch, refused, started);
        return;
      } catch (error) {
        const delay = this.retryDelaysMs[attempt];
        if (delay === undefined) {
          log.error(`collab: could not store ${batch.length} update(s) after ${attempt + 1} attempts`, error instanceof Error ? error.message : error);
          await this.commitPerDocument(batch, error);
          return;
        }
        log.warn(`collab: storing ${batch.length} update(s) failed, retrying in ${delay} ms`, error instanceof Error ? error.message : error);
        await new Promise((resolve) => setTimeout(resolve, delay));
      }
    }
  }

  /** Resolves the stored items, rejects those of documents whose content is locked. */
  private settle(items: Pending[], refused: readonly string[], started: number): void {
    const locked = new Set(refused);
    const stored = items.filter((item) => !locked.has(item.documentId));
    if (stored.length > 0) {
      this.options.onCommit?.(stored.length, stored.reduce((sum, item) => sum + item.update.byteLength, 0), performance.now() - started);
    }
    for (const item of items) {
      if (locked.has(item.documentId)) item.reject(new DocumentContentLockedError(item.documentId));
      else item.resolve();
    }
  }

  /**
   * One document's bad row (e.g. the document was deleted: foreign key) must not fail the other
   * documents that shared its batch: after the retries, each document's rows are tried alone.
   */
  private async commitPerDocument(batch: Pending[], batchError: unknown): Promise<void> {
    const groups = new Map<string, Pending[]>();
    for (const item of batch) groups.set(item.documentId, [...(groups.get(item.documentId) ?? []), item]);
    if (groups.size === 1) {
      for (const item of batch) item.reject(batchError);
      return;
    }
    for (const [documentId, items] of groups) {
      const started = performance.now();
      try {
        const { refused } = await appendUpdates(this.db, items);
        this.settle(items, refused, started);
      } catch (error) {
        log.error(`collab: could not store ${items.length} update(s) of ${documentId}`, error instanceof Error ? error.message : error);
        for (const item of items) item.reject(error);
      }
    }
  }
}
