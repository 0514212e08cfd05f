/**
 * Durable storage of collaborative documents: an append-only log of Yjs updates per document plus
 * a compacted snapshot (docs/decisions/0004-collaboration-server.md). The app's document
 * repository: the collaboration server (server/collab), the document pages, versions, comments and
 * sign-off all read and write documents through these plain functions over the database, which
 * hold no state and have no side effects on import. Compaction is in compaction.server.ts, the
 * content lock in content-lock.server.ts, the group commit in group-commit.server.ts.
 */
import { eq, sql } from "drizzle-orm";
import * as Y from "yjs";
import { CONTENT_LOCKED_STATUSES } from "~/modules/permissions/roles";
import { yieldToEventLoop } from "~/utils/event-loop.server";
import { resultRows, type Queryable } from "../../../../db/client";
import { collabSnapshots, collabUpdates } from "../../../../db/schema/collaboration";
import { CONTENT_LOCK_NAMESPACE } from "./content-lock.server";

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

/**
 * `data` travels as base64 text: PGlite decodes a bytea column's hex text in a JavaScript loop
 * (~180 ms for a 1.5 MB state, on every page load and room open), Node decodes base64 natively; the
 * `postgres` driver is as fast either way.
 */
type Row = { kind: number; id: number | string; data: string | null };

function bytesFromBase64(data: string): Uint8Array {
  // Postgres wraps base64 at 76 characters; Buffer's decoder skips the newlines.
  const buffer = Buffer.from(data, "base64");
  return new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength);
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
        CASE WHEN ${collabSnapshots.compactions} = ${heldCompactions ?? -1}::int THEN NULL ELSE encode(${collabSnapshots.state}, 'base64') END AS data
      FROM ${collabSnapshots} WHERE ${collabSnapshots.documentId} = ${documentId}
    UNION ALL
    SELECT 1 AS kind, ${collabUpdates.id} AS id, encode(${collabUpdates.update}, 'base64') AS data
      FROM ${collabUpdates} WHERE ${collabUpdates.documentId} = ${documentId}
    ORDER BY kind, id`);
  let snapshot: Uint8Array | null = null;
  let compactions = 0;
  const updates: Uint8Array[] = [];
  for (const row of resultRows<Row>(result)) {
    if (Number(row.kind) === 0) {
      snapshot = row.data === null ? null : bytesFromBase64(row.data);
      compactions = Number(row.id);
    } else updates.push(bytesFromBase64(row.data!)); // a NOT NULL column
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

/** Applies log rows to `doc` in slices of SLICE_MS, yielding to the event loop before each. */
export async function applyUpdatesInSlices(doc: Y.Doc, updates: readonly Uint8Array[]): Promise<void> {
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
 * was ever stored. Everything an author was told is stored is included; edits still being
 * committed may not be (they are broadcast from memory first, docs/decisions/0019).
 */
export async function loadDocumentState(db: Queryable, documentId: string): Promise<Uint8Array | null> {
  return stateOf(await loadStoredDocument(db, documentId));
}

/**
 * Which durable content the document has, as a short key: its snapshot's compaction count and the
 * number of log rows. Rows are only ever added between compactions (and every committed row is
 * visible to every later reader), so the rows a reader sees are a superset of what any earlier
 * reader saw: one count per compaction names one content. A compaction replaces rows and snapshot
 * together and bumps its count. Cheap (an index-only count), for callers that cache what they derive
 * from the content (the sign-off panel, polled by every open page).
 */
export async function durableContentKey(db: Queryable, documentId: string): Promise<string> {
  const result = await db.execute(sql`
    SELECT coalesce((SELECT ${collabSnapshots.compactions} FROM ${collabSnapshots} WHERE ${collabSnapshots.documentId} = ${documentId}), -1)::int AS compactions,
      (SELECT count(*) FROM ${collabUpdates} WHERE ${collabUpdates.documentId} = ${documentId})::int AS updates`);
  const row = resultRows<{ compactions: number | string; updates: number | string }>(result)[0];
  return contentKeyOf(Number(row?.compactions ?? -1), Number(row?.updates ?? 0));
}

/** The document's durable state with the key (durableContentKey) of exactly that state. */
export async function loadDocumentStateWithKey(db: Queryable, documentId: string): Promise<{ state: Uint8Array | null; key: string }> {
  const stored = await loadStoredDocument(db, documentId);
  return { state: stateOf(stored), key: contentKeyOf(stored.snapshot ? (stored.compactions ?? 0) : -1, stored.updates.length) };
}

function contentKeyOf(compactions: number, updates: number): string {
  return `${compactions}:${updates}`;
}

function stateOf(stored: StoredDocument): Uint8Array | null {
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
  return { refused: resultRows<{ id: string }>(result).map((row) => row.id) };
}

/** Number of log rows waiting for compaction (operators, tests). */
export async function countLoggedUpdates(db: Queryable, documentId: string): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(collabUpdates)
    .where(eq(collabUpdates.documentId, documentId));
  return Number(row?.n ?? 0);
}
