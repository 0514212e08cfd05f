/**
 * Compaction of the update log into the snapshot, with and without an open room's snapshot cache,
 * on the real database (Postgres when DATABASE_URL is set, else PGlite).
 */
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { collabSnapshots, collabUpdates } from "../../../../db/schema/index";
import { useDemoDatabase } from "../../../../test/support/demo-database";
import { docFrom, sameContent, simulateEditing, simulatePrefix } from "../../../../test/support/simulated-editing";
import { compactDocument } from "./compaction.server";
import { closeSnapshotCache, newSnapshotCache } from "./snapshot-cache";
import { appendUpdates, countLoggedUpdates, loadDocumentState } from "./stored-document.server";

const database = useDemoDatabase();

describe("compaction", () => {
  it("snapshot + log gives the same state as the log alone, at every compaction point", async () => {
    const id = await database.newDocument("compaction-doc");
    const { reference, updates } = simulateEditing(42, 1500);
    expect(await loadDocumentState(database.db, id)).toBeNull();
    let written = 0;
    for (const cut of [100, 101, 700, 1200, updates.length]) {
      await appendUpdates(database.db, updates.slice(written, cut).map((update) => ({ documentId: id, update })));
      written = cut;
      const prefix = simulatePrefix(updates, cut);
      // Before compaction (log only, or snapshot + log) and after: the same document.
      sameContent(docFrom(await loadDocumentState(database.db, id)), prefix);
      const result = await compactDocument(database.db, id);
      expect(result.merged).toBeGreaterThan(0);
      expect(await countLoggedUpdates(database.db, id)).toBe(0);
      sameContent(docFrom(await loadDocumentState(database.db, id)), prefix);
    }
    sameContent(docFrom(await loadDocumentState(database.db, id)), reference);
    const [snapshot] = await database.db.select().from(collabSnapshots).where(eq(collabSnapshots.documentId, id));
    expect(snapshot?.mergedUpdates).toBe(updates.length);
    expect(snapshot?.compactions).toBe(5);
    expect((await compactDocument(database.db, id)).merged).toBe(0);
  });

  it("merges only its own document's rows, over several pages of the log", async () => {
    const [mine, other] = [await database.newDocument("paged-doc"), await database.newDocument("paged-neighbour")];
    const { reference, updates } = simulateEditing(11, 700);
    const neighbour = simulateEditing(12, 700);
    // Interleaved, so every page of one document's rows has the other's ids in between.
    for (let i = 0; i < updates.length; i += 50) {
      await appendUpdates(database.db, updates.slice(i, i + 50).map((update) => ({ documentId: mine, update })));
      await appendUpdates(database.db, neighbour.updates.slice(i, i + 50).map((update) => ({ documentId: other, update })));
    }
    expect((await compactDocument(database.db, mine)).merged).toBe(updates.length);
    expect(await countLoggedUpdates(database.db, mine)).toBe(0);
    expect(await countLoggedUpdates(database.db, other)).toBe(neighbour.updates.length);
    sameContent(docFrom(await loadDocumentState(database.db, mine)), reference);
    sameContent(docFrom(await loadDocumentState(database.db, other)), neighbour.reference);
  });

  it("an open room's snapshot cache applies only new rows, and notices another instance's compaction", async () => {
    const id = await database.newDocument("cached-compaction-doc");
    const { reference, updates } = simulateEditing(99, 900);
    const here = newSnapshotCache();
    const elsewhere = newSnapshotCache();
    const append = (from: number, to: number) => appendUpdates(database.db, updates.slice(from, to).map((update) => ({ documentId: id, update })));

    await append(0, 300);
    await compactDocument(database.db, id, here);
    const cached = here.current?.doc;
    expect(here.current?.compactions).toBe(1);
    await append(300, 500);
    await compactDocument(database.db, id, here);
    // Same document object: the snapshot was not applied again.
    expect(here.current?.doc).toBe(cached);
    expect(here.current?.compactions).toBe(2);
    sameContent(docFrom(await loadDocumentState(database.db, id)), simulatePrefix(updates, 500));

    // Another instance compacts: the counter moves, and this cache reloads the snapshot.
    await append(500, 700);
    await compactDocument(database.db, id, elsewhere);
    await append(700, updates.length);
    await compactDocument(database.db, id, here);
    expect(here.current?.doc).not.toBe(cached);
    expect(here.current?.compactions).toBe(4);
    sameContent(here.current!.doc, reference);
    sameContent(docFrom(await loadDocumentState(database.db, id)), reference);
    closeSnapshotCache(here);
    closeSnapshotCache(elsewhere);
  });

  it("keeps no document for a room that was destroyed meanwhile (a compaction that outlived it)", async () => {
    const id = await database.newDocument("closed-cache-doc");
    const { reference, updates } = simulateEditing(7, 60);
    await appendUpdates(database.db, updates.map((update) => ({ documentId: id, update })));
    const cache = newSnapshotCache();
    closeSnapshotCache(cache);
    expect((await compactDocument(database.db, id, cache)).merged).toBe(updates.length);
    expect(cache.current).toBeNull();
    sameContent(docFrom(await loadDocumentState(database.db, id)), reference);
  });

  // A second connection holds an uncommitted insert: Postgres only (PGlite has one connection).
  it.skipIf(!process.env.DATABASE_URL && !process.env.TEST_DATABASE_URL)("never drops a row committed while it runs", async () => {
    const id = await database.newDocument("concurrent-doc");
    const { reference, updates } = simulateEditing(7, 300);
    const late = updates.pop()!;
    let commitLate!: () => void;
    const lateCanCommit = new Promise<void>((resolve) => (commitLate = resolve));
    let lateInserted!: () => void;
    const lateWasInserted = new Promise<void>((resolve) => (lateInserted = resolve));
    // This transaction takes a lower id than the rows below and commits after the compaction: a
    // "merge everything up to the highest id" design would lose it.
    const lateWriter = database.db.transaction(async (tx) => {
      await tx.insert(collabUpdates).values({ documentId: id, update: late });
      lateInserted();
      await lateCanCommit;
    });
    await lateWasInserted;
    await appendUpdates(database.db, updates.map((update) => ({ documentId: id, update })));
    const result = await compactDocument(database.db, id);
    expect(result.merged).toBe(updates.length);
    commitLate();
    await lateWriter;
    expect(await countLoggedUpdates(database.db, id)).toBe(1);
    sameContent(docFrom(await loadDocumentState(database.db, id)), reference);
  });
});
