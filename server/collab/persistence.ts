/**
 * Durable storage of collaborative documents: an append-only log of Yjs updates per document plus
 * a compacted snapshot (docs/decisions/0004-collaboration-server.md). Plain functions over the
 * database, no state and no side effects on import, so the Remix document loader can call
 * `loadDocumentState` for the first paint.
 */
import { eq, sql } from "drizzle-orm";
import * as Y from "yjs";
import { CONTENT_LOCKED_STATUSES } from "../../app/modules/signoff/machine";
import type { Database, Queryable } from "../../db/client";
import { yieldToEventLoop } from "../event-loop";
import { collabSnapshots, collabUpdates } from "../../db/schema/collaboration";

export type StoredDocument = {
  /** The compacted state, null before the first compaction (or when the caller holds it already). */
  snapshot: Uint8Array | null;
  /** Log rows not yet compacted, in insertion order. */
  updates: Uint8Array[];
  /**
   * The stored snapshot's compaction counter, 0 before the first compaction (no snapshot: the
   * empty document). Set by loadStoredDocument.
   */
  compactions?: number;
};

type Row = { kind: number; id: number | string; data: Uint8Array | null };

function rowsOf(result: unknown): Row[] {
  // postgres.js answers an array of rows, PGlite an object with `rows`.
  const rows = Array.isArray(result) ? result : (result as { rows: unknown[] }).rows;
  return rows as Row[];
}

/**
 * Snapshot and log read in ONE statement: a single statement sees one consistent view, so a
 * compaction committing between two separate reads cannot make us miss the rows it merged. A
 * caller that holds the snapshot of compaction `heldCompactions` applied already (an open room's
 * SnapshotCache) gets no snapshot bytes when that is still the stored one: `compactions` says so.
 */
export async function loadStoredDocument(db: Queryable, documentId: string, heldCompactions?: number): Promise<StoredDocument> {
  const result = await db.execute(sql`
    SELECT 0 AS kind, ${collabSnapshots.compactions}::bigint AS id,
        CASE WHEN ${collabSnapshots.compactions} = ${heldCompactions ?? -1}::int THEN NULL ELSE ${collabSnapshots.state} END AS data
      FROM ${collabSnapshots} WHERE ${collabSnapshots.documentId} = ${documentId}
    UNION ALL
    SELECT 1 AS kind, ${collabUpdates.id} AS id, ${collabUpdates.update} AS data
      FROM ${collabUpdates} WHERE ${collabUpdates.documentId} = ${documentId}
    ORDER BY kind, id`);
  let snapshot: Uint8Array | null = null;
  let compactions = 0;
  const updates: Uint8Array[] = [];
  for (const row of rowsOf(result)) {
    if (Number(row.kind) === 0) {
      snapshot = row.data;
      compactions = Number(row.id);
    } else updates.push(row.data as Uint8Array); // a NOT NULL column
  }
  return { snapshot, updates, compactions };
}

/**
 * Applies stored state to a Y.Doc in one transaction. Applying to a document is linear in the
 * number of updates, unlike one big Y.mergeUpdates over many small ones (superlinear: ~100 s for
 * 100k updates), which is why compaction and loading both go through a Y.Doc.
 */
export function applyStoredDocument(doc: Y.Doc, stored: StoredDocument, origin: unknown = null): void {
  Y.transact(
    doc,
    () => {
      if (stored.snapshot) Y.applyUpdate(doc, stored.snapshot);
      for (const update of stored.updates) Y.applyUpdate(doc, update);
    },
    origin,
  );
}

/**
 * Runs `use` on the document as stored (snapshot and log applied to a fresh Y.Doc), then frees it:
 * for readers that need the document itself, not its encoded state (which would be applied twice).
 */
export async function withStoredDocument<T>(db: Queryable, documentId: string, use: (doc: Y.Doc) => T): Promise<T> {
  const stored = await loadStoredDocument(db, documentId);
  const doc = new Y.Doc();
  try {
    applyStoredDocument(doc, stored);
    return use(doc);
  } finally {
    doc.destroy();
  }
}

/**
 * `applyStoredDocument` for work that runs beside live editing (compaction, projection): the log
 * is applied in slices of half a millisecond with a yield to the event loop in between, so that
 * broadcasts waiting on it are not held up for the whole document.
 */
export async function applyStoredDocumentInSlices(doc: Y.Doc, stored: StoredDocument): Promise<void> {
  if (stored.snapshot) Y.applyUpdate(doc, stored.snapshot);
  await applyUpdatesInSlices(doc, stored.updates);
}

/**
 * Work between two yields. Measured by time, not by rows: a row may be a whole paste, and the same
 * rows cost several times more on a loaded core, which is when the blocks must stay short.
 */
const SLICE_MS = 0.5;

async function applyUpdatesInSlices(doc: Y.Doc, updates: readonly Uint8Array[]): Promise<void> {
  let next = 0;
  while (next < updates.length) {
    await yieldToEventLoop();
    const started = performance.now();
    Y.transact(doc, () => {
      do Y.applyUpdate(doc, updates[next++]!);
      while (next < updates.length && performance.now() - started < SLICE_MS);
    });
  }
}

/**
 * The latest durable state of a document (snapshot + log) as one Yjs update, or null when nothing
 * was ever stored. Everything any client has been shown is included (write-before-broadcast).
 */
export async function loadDocumentState(db: Queryable, documentId: string): Promise<Uint8Array | null> {
  const stored = await loadStoredDocument(db, documentId);
  if (!stored.snapshot && stored.updates.length === 0) return null;
  if (stored.updates.length === 0 && stored.snapshot) return stored.snapshot;
  const doc = new Y.Doc();
  try {
    applyStoredDocument(doc, stored);
    return Y.encodeStateAsUpdate(doc);
  } finally {
    doc.destroy();
  }
}

/** Advisory-lock namespace (first key of the two-int form) for "the content of one document". */
const CONTENT_LOCK_NAMESPACE = 0x436f6e63;

/**
 * Takes the per-document content lock for the rest of the transaction. Writers of the update log
 * take it shared (they never wait for each other; `collab_append_updates` of migration 0006 takes
 * it with this namespace and key, in the same order); sign-off takes it exclusive to read the
 * durable content and decide on it (app/modules/signoff/signoff.server.ts), so no update can
 * commit between the hash an approval is checked against and the approval's commit. Locks are
 * taken in hash order so two writers locking several documents cannot deadlock behind an
 * exclusive waiter. Must run inside a transaction (xact locks end with it).
 */
export async function lockDocumentContent(tx: Queryable, documentIds: readonly string[], mode: "shared" | "exclusive"): Promise<void> {
  const ids = [...new Set(documentIds)];
  if (ids.length === 0) return;
  const lock = mode === "shared" ? sql`pg_advisory_xact_lock_shared` : sql`pg_advisory_xact_lock`;
  await tx.execute(sql`
    SELECT ${lock}(${CONTENT_LOCK_NAMESPACE}::int, h) FROM (
      SELECT DISTINCT hashtext(id) AS h FROM unnest(ARRAY[${sql.join(ids.map((id) => sql`${id}`), sql`, `)}]::text[]) AS id ORDER BY h
    ) AS keys`);
}

/** A Postgres array literal of `values`, for a text parameter cast to an array type. */
function arrayLiteral(values: readonly string[]): string {
  return `{${values.map((value) => `"${value.replace(/[\\"]/g, "\\$&")}"`).join(",")}}`;
}

/**
 * Appends updates to the log in ONE statement, which is also its commit (group commit): the
 * database function of migration 0006 takes each document's content lock shared, reads which
 * documents' status locks content (approved, rejected, withdrawn: the sign-off machine's table) and
 * stores the other rows. An edit that raced an approval and lost must not change approved content;
 * the status is read after the lock is held, so it sees any approval that committed while we
 * waited. One round trip instead of five matters: every collaborator waits for this commit before
 * seeing an edit (docs/decisions/0007). Returns the ids of the refused documents.
 */
export async function appendUpdates(db: Queryable, rows: ReadonlyArray<{ documentId: string; update: Uint8Array }>): Promise<{ refused: string[] }> {
  if (rows.length === 0) return { refused: [] };
  // Arrays go as text literals: both drivers pass a string through unchanged, and the casts
  // make Postgres parse them (bytea elements in hex).
  const documentIds = arrayLiteral(rows.map((row) => row.documentId));
  const updates = arrayLiteral(rows.map((row) => `\\x${Buffer.from(row.update.buffer, row.update.byteOffset, row.update.byteLength).toString("hex")}`));
  const result = await db.execute(sql`
    SELECT refused.id FROM unnest(collab_append_updates(${CONTENT_LOCK_NAMESPACE}::int, ${arrayLiteral(CONTENT_LOCKED_STATUSES)}::text[],
      ${documentIds}::text[], ${updates}::bytea[])) AS refused(id)`);
  return { refused: (rowsOf(result) as unknown as Array<{ id: string }>).map((row) => row.id) };
}

export type CompactionResult = { merged: number; stateBytes: number };

const EMPTY_STATE = Y.encodeStateAsUpdate(new Y.Doc());

/**
 * The document as its stored snapshot says, kept in memory by an open room for its compactions and
 * projections: applying a large snapshot to a fresh Y.Doc is the longest single step of both, and
 * with the snapshot already applied only the log rows are. `compactions` is the snapshot row's
 * counter when `doc` was built from it; another instance compacting the document moves the
 * counter, and the next user here reloads the snapshot. `doc` may be ahead of that snapshot, with
 * durable content only (log rows, stored repairs): applying those again is a no-op. A user takes
 * it (sets `current` to null) while it works, so two never change one document at once.
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

/** Number of log rows waiting for compaction (operators, tests). */
export async function countLoggedUpdates(db: Queryable, documentId: string): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(collabUpdates)
    .where(eq(collabUpdates.documentId, documentId));
  return Number(row?.n ?? 0);
}
