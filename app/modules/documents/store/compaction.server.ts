/**
 * Compaction: merges a document's update log into its snapshot, beside live editing
 * (docs/decisions/0004 and 0008). Run by the collaboration server's rooms (server/collab/registry.ts)
 * with their snapshot cache, and by anyone else without one.
 */
import { eq, sql } from "drizzle-orm";
import * as Y from "yjs";
import { yieldToEventLoop } from "~/utils/event-loop.server";
import type { Database } from "../../../../db/client";
import { collabSnapshots, collabUpdates } from "../../../../db/schema/collaboration";
import { clearSnapshotCache, closeSnapshotCache, newSnapshotCache, putBackSnapshotDocument, takeSnapshotDocument, type SnapshotCache } from "./snapshot-cache";
import { applyUpdatesInSlices } from "./stored-document.server";

export type CompactionResult = { merged: number; stateBytes: number };

const EMPTY_STATE = Y.encodeStateAsUpdate(new Y.Doc());

/**
 * Merges the document's log into its snapshot. The rows merged are exactly the rows deleted
 * (DELETE … RETURNING), so a row committed concurrently by another writer (another instance, or
 * a transaction holding a lower id that commits late) is never dropped: it stays in the log for
 * the next compaction. The snapshot row is locked first so that two compactions of one document
 * serialize instead of overwriting each other's snapshot. With a `cache` (an open room's), the
 * snapshot is applied once and kept; without one, it is applied for this compaction only.
 */
export async function compactDocument(db: Database, documentId: string, roomCache?: SnapshotCache): Promise<CompactionResult> {
  const cache = roomCache ?? newSnapshotCache();
  try {
    return await db.transaction(async (tx) => {
      await tx.insert(collabSnapshots).values({ documentId, state: EMPTY_STATE }).onConflictDoNothing();
      const [row] = await tx
        .select({ compactions: collabSnapshots.compactions, bytes: sql<number>`octet_length(${collabSnapshots.state})` })
        .from(collabSnapshots)
        .where(eq(collabSnapshots.documentId, documentId))
        .for("update");
      const merged = await tx
        .delete(collabUpdates)
        .where(eq(collabUpdates.documentId, documentId))
        .returning({ id: collabUpdates.id, update: collabUpdates.update });
      if (merged.length === 0) return { merged: 0, stateBytes: Number(row?.bytes ?? 0) };
      merged.sort((a, b) => a.id - b.id);
      const compactions = row?.compactions ?? 0;
      // Until this transaction commits, the cached document is ahead of the stored snapshot.
      let base = takeSnapshotDocument(cache);
      if (!base || base.compactions !== compactions) {
        base?.doc.destroy();
        const [stored] = await tx.select({ state: collabSnapshots.state }).from(collabSnapshots).where(eq(collabSnapshots.documentId, documentId));
        base = { doc: new Y.Doc(), compactions };
        if (stored) Y.applyUpdate(base.doc, stored.state);
      }
      // Beside live editing: in slices (the rows stay locked by this transaction meanwhile).
      await applyUpdatesInSlices(base.doc, merged.map((r) => r.update));
      await yieldToEventLoop();
      const state = Y.encodeStateAsUpdate(base.doc);
      await tx
        .update(collabSnapshots)
        .set({
          state,
          mergedUpdates: sql`${collabSnapshots.mergedUpdates} + ${merged.length}`,
          compactions: sql`${collabSnapshots.compactions} + 1`,
          updatedAt: new Date(),
        })
        .where(eq(collabSnapshots.documentId, documentId));
      base.compactions = compactions + 1;
      putBackSnapshotDocument(cache, base);
      return { merged: merged.length, stateBytes: state.byteLength };
    });
  } catch (error) {
    // Rolled back: the cached document may hold rows that are back in the log; start over next time.
    clearSnapshotCache(cache);
    throw error;
  } finally {
    if (!roomCache) closeSnapshotCache(cache);
  }
}
