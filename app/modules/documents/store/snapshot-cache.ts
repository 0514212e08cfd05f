/**
 * The document as its stored snapshot says, kept in memory by an open room of the collaboration
 * server for its compactions (compaction.server.ts) and projections
 * (app/modules/documents/projection.server.ts); docs/decisions/0008. No database access: plain
 * bookkeeping over a Y.Doc.
 */
import type * as Y from "yjs";

/**
 * Applying a large snapshot to a fresh Y.Doc is the longest single step of a compaction and of a
 * projection; with the snapshot already applied only the log rows are. `compactions` is the
 * snapshot row's counter when `doc` was built from it; another instance compacting the document
 * moves the counter, and the next user here reloads the snapshot. `doc` may be ahead of that
 * snapshot, with durable content only (log rows, stored repairs): applying those again is a no-op.
 * A user takes it (sets `current` to null) while it works, so two never change one document at once.
 */
export type SnapshotCache = {
  current: SnapshotDocument | null;
  /** The room was destroyed: documents given back now are destroyed instead of kept. */
  closed: boolean;
};

export type SnapshotDocument = { doc: Y.Doc; compactions: number };

export function newSnapshotCache(): SnapshotCache {
  return { current: null, closed: false };
}

/** Takes the cached document for the caller's exclusive use (null when there is none). */
export function takeSnapshotDocument(cache: SnapshotCache): SnapshotDocument | null {
  const taken = cache.current;
  cache.current = null;
  return taken;
}

/**
 * Gives a document back to the cache. Another user may have put one there meanwhile: the one built
 * on the later snapshot stays (on a tie, the one already there) and the other is destroyed.
 */
export function putBackSnapshotDocument(cache: SnapshotCache, returned: SnapshotDocument): void {
  // A compaction or projection that outlived its room (it unloaded meanwhile) has nobody to keep it for.
  if (cache.closed) {
    returned.doc.destroy();
    return;
  }
  const present = cache.current;
  if (present && present.compactions >= returned.compactions) {
    returned.doc.destroy();
    return;
  }
  present?.doc.destroy();
  cache.current = returned;
}

/** Destroys the cached document (it may be wrong); the next user loads the snapshot again. */
export function clearSnapshotCache(cache: SnapshotCache): void {
  cache.current?.doc.destroy();
  cache.current = null;
}

/** Destroys the cached document and keeps none from now on (the room is being destroyed). */
export function closeSnapshotCache(cache: SnapshotCache): void {
  cache.closed = true;
  clearSnapshotCache(cache);
}
