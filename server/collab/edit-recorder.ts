/**
 * Who changed what (issue #15): the rooms report, per transaction applied from a connection, the
 * fields and rows it touched (model/touched.ts); the recorder counts them in memory per person,
 * place and minute and writes the counters in one batch every `flushMs`, and for a document when
 * its room unloads. Nothing here is on an edit's path to the group commit or the broadcast: the
 * edit waits for no write of ours, and a failed write is logged and dropped — authorship is a
 * record beside the update log, not part of it (docs/decisions/0015-authorship-of-edits.md).
 */
import type { EditRecord } from "../../app/modules/documents/edits.server";
import type { TouchedPath } from "../../app/modules/documents/model/touched";
import { log } from "../../app/utils/log.server";

/** Writes a batch (app/modules/documents/edits.server's recordEdits, bound to the database). */
export type EditSink = (records: EditRecord[]) => Promise<void>;

/** Who is behind a connection, as recorded. */
export type EditAuthor = { userId: string; organizationId: string | null };

export class EditRecorder {
  /** Counters not written yet, by document, then by person + place + minute. */
  private pending = new Map<string, Map<string, EditRecord>>();
  private writing: Promise<void> = Promise.resolve();
  private readonly timer: NodeJS.Timeout;

  constructor(
    private readonly sink: EditSink,
    flushMs: number,
    private readonly onWritten?: (rows: number) => void,
  ) {
    this.timer = setInterval(() => void this.flush(), flushMs);
    this.timer.unref();
  }

  /** Counts one transaction's touched places for its author; cheap, synchronous. */
  record(documentId: string, author: EditAuthor, touched: readonly TouchedPath[], now = Date.now()): void {
    if (touched.length === 0) return;
    const minute = Math.floor(now / 60_000) * 60_000;
    let counters = this.pending.get(documentId);
    if (!counters) this.pending.set(documentId, (counters = new Map()));
    for (const { field, row } of touched) {
      const key = `${author.userId}\u0000${field}\u0000${row ?? ""}\u0000${minute}`;
      const counter = counters.get(key);
      if (counter) {
        counter.edits++;
        counter.organizationId = author.organizationId;
      } else {
        counters.set(key, { documentId, userId: author.userId, organizationId: author.organizationId, fieldKey: field, rowId: row, minute: new Date(minute), edits: 1 });
      }
    }
  }

  /** Counters waiting to be written (tests, metrics). */
  get pendingRecords(): number {
    let count = 0;
    for (const counters of this.pending.values()) count += counters.size;
    return count;
  }

  /** Writes what was counted (for one document, or all); resolves once written or logged as failed. */
  flush(documentId?: string): Promise<void> {
    let batch: EditRecord[];
    if (documentId === undefined) {
      batch = [...this.pending.values()].flatMap((counters) => [...counters.values()]);
      this.pending = new Map();
    } else {
      batch = [...(this.pending.get(documentId)?.values() ?? [])];
      this.pending.delete(documentId);
    }
    // One write at a time, in order: two batches of the same counter must not race their upserts.
    this.writing = this.writing.then(() => (batch.length ? this.write(batch) : undefined));
    return this.writing;
  }

  private async write(batch: EditRecord[]): Promise<void> {
    try {
      await this.sink(batch);
      this.onWritten?.(batch.length);
    } catch (error) {
      // Dropped, not retried: the edits themselves are stored; only who made them is lost (e.g. the document was deleted).
      log.warn(`collab: could not record the authors of ${batch.length} edits`, error instanceof Error ? error.message : error);
    }
  }

  /** Shutdown: stops the timer and writes everything counted. */
  async close(): Promise<void> {
    clearInterval(this.timer);
    await this.flush();
  }
}
