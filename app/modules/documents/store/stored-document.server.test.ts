/**
 * The update log on the real database (Postgres when DATABASE_URL is set, else PGlite): one
 * statement appends a mixed batch and refuses the rows of documents whose content is locked.
 */
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { collabUpdates, documents } from "../../../../db/schema/index";
import { useDemoDatabase } from "../../../../test/support/demo-database";
import { simulateEditing } from "../../../../test/support/simulated-editing";
import { compactDocument } from "./compaction.server";
import { appendUpdates, countLoggedUpdates, durableContentKey, loadDocumentStateWithKey } from "./stored-document.server";

const database = useDemoDatabase();

describe("update log", () => {
  it("stores a mixed batch in one statement: ids that need quoting, empty updates, a locked document refused", async () => {
    const awkward = await database.newDocument('doc "quoted", {braced} \\ back\\slashed');
    const plain = await database.newDocument("plain-doc");
    const locked = await database.newDocument("locked-doc");
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
});

describe("durable content key", () => {
  it("names the stored content: the same until a row is appended, a new one after it and after a compaction", async () => {
    const id = await database.newDocument("keyed-doc");
    const { updates } = simulateEditing(12, 3);
    const empty = await durableContentKey(database.db, id);
    expect((await loadDocumentStateWithKey(database.db, id)).key).toBe(empty);

    await appendUpdates(database.db, [{ documentId: id, update: updates[0]! }]);
    const one = await durableContentKey(database.db, id);
    expect(one).not.toBe(empty);
    expect(await durableContentKey(database.db, id)).toBe(one);
    const loaded = await loadDocumentStateWithKey(database.db, id);
    expect(loaded.key).toBe(one);
    expect(loaded.state).not.toBeNull();

    await compactDocument(database.db, id);
    const compacted = await durableContentKey(database.db, id);
    expect(compacted).not.toBe(one);
    expect((await loadDocumentStateWithKey(database.db, id)).key).toBe(compacted);

    await appendUpdates(database.db, [{ documentId: id, update: updates[1]! }]);
    expect(await durableContentKey(database.db, id)).not.toBe(compacted);
    expect((await loadDocumentStateWithKey(database.db, id)).key).toBe(await durableContentKey(database.db, id));
  });
});
