/**
 * Group commit of the update log on the real database (Postgres when DATABASE_URL is set, else
 * PGlite): many updates in few statements, and a failing document does not fail the others.
 */
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { collabUpdates } from "../../../../db/schema/index";
import { useDemoDatabase } from "../../../../test/support/demo-database";
import { docFrom, sameContent, simulateEditing } from "../../../../test/support/simulated-editing";
import { GroupCommitWriter } from "./group-commit.server";
import { countLoggedUpdates, loadDocumentState } from "./stored-document.server";

const database = useDemoDatabase();

describe("group commit", () => {
  it("commits many concurrent updates in few statements, in order", async () => {
    const id = await database.newDocument("group-doc");
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

  it("fails only the document whose rows cannot be stored", async () => {
    const id = await database.newDocument("good-doc");
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
