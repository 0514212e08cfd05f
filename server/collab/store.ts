/**
 * The document store as the collaboration server uses it: load a room's document, append to the
 * update log, compact it, commit edits in groups. The store itself is the app's
 * (app/modules/documents/store); server/app-server.ts binds it to the database with
 * `collaborationStore` and hands it to `createCollaboration`, so rooms and the registry see this
 * interface only (tests may hand in another).
 */
import { sql } from "drizzle-orm";
import { compactDocument, type CompactionResult } from "../../app/modules/documents/store/compaction.server";
import { GroupCommitWriter, type GroupCommitOptions } from "../../app/modules/documents/store/group-commit.server";
import type { SnapshotCache } from "../../app/modules/documents/store/snapshot-cache";
import { appendUpdates, loadStoredDocument, type StoredDocument } from "../../app/modules/documents/store/stored-document.server";
import { recordEdits, type EditRecord } from "../../app/modules/documents/edits.server";
import { resultRows, type Database } from "../../db/client";

export type CollaborationStore = {
  /** Snapshot and log of a document, read as one. */
  load(documentId: string): Promise<StoredDocument>;
  /** Appends updates in one statement, outside the group commit; documents whose content is locked are refused. */
  append(rows: ReadonlyArray<{ documentId: string; update: Uint8Array }>): Promise<{ refused: string[] }>;
  /** Merges the document's log into its snapshot, starting from the open room's cached snapshot. */
  compact(documentId: string, cache: SnapshotCache): Promise<CompactionResult>;
  /** The writer that commits edits beside their broadcast (one per process). */
  groupCommit(options: GroupCommitOptions): GroupCommitWriter;
  /** Names the database: instances sharing it share fan-out channels (REDIS_URL). */
  databaseName(): Promise<string>;
  /** Adds authorship counters (document_edits); absent: authors are not recorded. */
  recordEdits?(records: EditRecord[]): Promise<void>;
};

/** `beforeCommit`: integration tests hold the group commit with it (app-server.ts's hooks). */
export function collaborationStore(db: Database, { beforeCommit }: Pick<GroupCommitOptions, "beforeCommit"> = {}): CollaborationStore {
  return {
    load: (documentId) => loadStoredDocument(db, documentId),
    append: (rows) => appendUpdates(db, rows),
    compact: (documentId, cache) => compactDocument(db, documentId, cache),
    groupCommit: (options) => new GroupCommitWriter(db, { ...options, beforeCommit }),
    recordEdits: (records) => recordEdits(db, records),
    databaseName: async () => resultRows<{ name: string }>(await db.execute(sql`select current_database() as name`))[0]?.name ?? "default",
  };
}
