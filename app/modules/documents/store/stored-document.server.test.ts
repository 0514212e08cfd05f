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
import { appendUpdates, countLoggedUpdates } from "./stored-document.server";

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
