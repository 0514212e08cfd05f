/**
 * Update log, compaction and group commit on the real database (Postgres when DATABASE_URL is set,
 * else PGlite).
 */
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as Y from "yjs";
import { openTestDatabase, type TestDatabase } from "../../db/testing";
import { collabSnapshots, collabUpdates, documents } from "../../db/schema/index";
import { seedDemo } from "../../db/seed/demo";
import { GroupCommitWriter } from "./group-commit";
import { appendUpdates, closeSnapshotCache, compactDocument, countLoggedUpdates, loadDocumentState, newSnapshotCache } from "./persistence";

let database: TestDatabase;
beforeAll(async () => {
  database = await openTestDatabase();
  await seedDemo(database.db);
});
afterAll(async () => {
  await database?.drop();
});

async function newDocument(id: string) {
  await database.db.insert(documents).values({ id, projectId: "demo-project-cap", kind: "credential_spec", title: id });
  return id;
}

/** Deterministic pseudo-random edits by several clients: inserts, deletes, formatting, a map. */
function simulateEditing(seed: number, count: number): { reference: Y.Doc; updates: Uint8Array[] } {
  let state = seed;
  const random = () => ((state = (state * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
  const reference = new Y.Doc();
  const updates: Uint8Array[] = [];
  const clients = [0, 1, 2].map(() => new Y.Doc());
  for (const client of clients) {
    client.on("update", (update: Uint8Array, origin: unknown) => {
      if (origin === "relay") return;
      updates.push(update);
      Y.applyUpdate(reference, update);
      // Everyone sees everything (like the server relaying), so edits interleave causally.
      for (const other of clients) if (other !== client) Y.applyUpdate(other, update, "relay");
    });
  }
  for (let i = 0; i < count; i++) {
    const client = clients[Math.floor(random() * clients.length)]!;
    const body = client.getXmlFragment("body");
    if (body.length === 0 || random() < 0.1) {
      const paragraph = new Y.XmlElement("paragraph");
      paragraph.insert(0, [new Y.XmlText(`p${i} `)]);
      body.insert(Math.floor(random() * (body.length + 1)), [paragraph]);
      continue;
    }
    const paragraph = body.get(Math.floor(random() * body.length)) as Y.XmlElement;
    const text = paragraph.get(0) as Y.XmlText;
    const roll = random();
    if (roll < 0.6) text.insert(Math.floor(random() * (text.length + 1)), String.fromCharCode(97 + (i % 26)));
    else if (roll < 0.8 && text.length > 0) text.delete(Math.floor(random() * text.length), 1);
    else if (roll < 0.9 && text.length > 1) text.format(0, 1, { bold: true });
    else client.getMap("fields").set(`field${i % 5}`, i);
  }
  return { reference, updates };
}

function docFrom(state: Uint8Array | null): Y.Doc {
  const doc = new Y.Doc();
  if (state) Y.applyUpdate(doc, state);
  return doc;
}

function sameContent(a: Y.Doc, b: Y.Doc) {
  expect(a.getXmlFragment("body").toString()).toBe(b.getXmlFragment("body").toString());
  expect(a.getMap("fields").toJSON()).toEqual(b.getMap("fields").toJSON());
  expect(Y.encodeStateVector(a)).toEqual(Y.encodeStateVector(b));
  expect(Y.equalDeleteSets(Y.createDeleteSetFromStructStore(a.store), Y.createDeleteSetFromStructStore(b.store))).toBe(true);
}

describe("compaction", () => {
  it("snapshot + log gives the same state as the log alone, at every compaction point", async () => {
    const id = await newDocument("compaction-doc");
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
    const [mine, other] = [await newDocument("paged-doc"), await newDocument("paged-neighbour")];
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
    const id = await newDocument("cached-compaction-doc");
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
    const id = await newDocument("closed-cache-doc");
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
    const id = await newDocument("concurrent-doc");
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

function simulatePrefix(updates: Uint8Array[], count: number): Y.Doc {
  const doc = new Y.Doc();
  Y.transact(doc, () => {
    for (const update of updates.slice(0, count)) Y.applyUpdate(doc, update);
  });
  return doc;
}

describe("group commit", () => {
  it("commits many concurrent updates in few statements, in order", async () => {
    const id = await newDocument("group-doc");
    const batches: number[] = [];
    const writer = new GroupCommitWriter(database.db, { onCommit: (rows) => batches.push(rows) });
    const { reference, updates } = simulateEditing(3, 400);
    await Promise.all(updates.map((update) => writer.append(id, update)));
    expect(batches.reduce((a, b) => a + b, 0)).toBe(updates.length);
    expect(batches.length).toBeLessThan(10);
    const rows = await database.db.select().from(collabUpdates).where(eq(collabUpdates.documentId, id)).orderBy(collabUpdates.id);
    expect(rows.map((row) => Buffer.from(row.update).toString("hex"))).toEqual(updates.map((update) => Buffer.from(update).toString("hex")));
    sameContent(docFrom(await loadDocumentState(database.db, id)), reference);
  });

  it("stores a mixed batch in one statement: ids that need quoting, empty updates, a locked document refused", async () => {
    const awkward = await newDocument('doc "quoted", {braced} \\ back\\slashed');
    const plain = await newDocument("plain-doc");
    const locked = await newDocument("locked-doc");
    await database.db.update(documents).set({ status: "approved" }).where(eq(documents.id, locked));
    const { updates } = simulateEditing(11, 4);
    const empty = Y.encodeStateAsUpdate(new Y.Doc());
    const { refused } = await appendUpdates(database.db, [
      { documentId: awkward, update: updates[0]! },
      { documentId: locked, update: updates[1]! },
      { documentId: plain, update: empty },
      { documentId: awkward, update: updates[2]! },
    ]);
    expect(refused).toEqual([locked]);
    const stored = await database.db.select().from(collabUpdates).where(eq(collabUpdates.documentId, awkward)).orderBy(collabUpdates.id);
    expect(stored.map((row) => Buffer.from(row.update).toString("hex"))).toEqual([updates[0]!, updates[2]!].map((update) => Buffer.from(update).toString("hex")));
    expect(await countLoggedUpdates(database.db, plain)).toBe(1);
    expect(await countLoggedUpdates(database.db, locked)).toBe(0);
  });

  it("fails only the document whose rows cannot be stored", async () => {
    const id = await newDocument("good-doc");
    const writer = new GroupCommitWriter(database.db, { retryDelaysMs: [1] });
    const { updates } = simulateEditing(5, 3);
    const results = await Promise.allSettled([
      writer.append(id, updates[0]!),
      writer.append("deleted-document", updates[1]!),
      writer.append(id, updates[2]!),
    ]);
    expect(results.map((result) => result.status)).toEqual(["fulfilled", "rejected", "fulfilled"]);
    expect(await countLoggedUpdates(database.db, id)).toBe(2);
  });
});
