/**
 * The registry's compaction queue against a real database (PGlite in memory, or Postgres with
 * TEST_DATABASE_URL / DATABASE_URL): one compaction at a time, also for the one an unload runs.
 */
import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { useDemoDatabase } from "../../test/support/demo-database";
import { countLoggedUpdates, loadDocumentState } from "../../app/modules/documents/store/stored-document.server";
import { createFanout } from "./fanout";
import { CollabMetrics } from "./metrics";
import { RoomRegistry } from "./registry";
import type { DocumentRoom } from "./room";
import { collaborationStore } from "./store";

const database = useDemoDatabase();

async function setUp(documentId: string) {
  await database.newDocument(documentId);
  const metrics = new CollabMetrics();
  const store = collaborationStore(database.db);
  const registry = new RoomRegistry({
    metrics,
    unloadGraceMs: 20,
    roomDeps: { store, writer: store.groupCommit({}), fanout: await createFanout(undefined, ""), metrics, compactAfterUpdates: 1_000_000 },
  });
  return { metrics, registry };
}

/** Types `count` characters into the room's document, as edits from a client would arrive. */
async function type(room: DocumentRoom, text: string, count: number): Promise<void> {
  const client = new Y.Doc();
  Y.applyUpdate(client, Y.encodeStateAsUpdate(room.doc));
  client.on("update", (update: Uint8Array) => Y.applyUpdate(room.doc, update, "a client"));
  const target = client.getText(text);
  for (let i = 0; i < count; i++) target.insert(target.length, String.fromCharCode(97 + (i % 26)));
  client.destroy();
  await room.settled();
}

/** The log is empty and the snapshot holds every character typed into each named text. */
async function expectAllCompacted(documentId: string, lengths: Record<string, number>): Promise<void> {
  expect(await countLoggedUpdates(database.db, documentId)).toBe(0);
  const stored = new Y.Doc();
  Y.applyUpdate(stored, (await loadDocumentState(database.db, documentId))!);
  for (const [text, length] of Object.entries(lengths)) expect(stored.getText(text).length).toBe(length);
}

async function until(condition: () => boolean, message: string): Promise<void> {
  const deadline = Date.now() + 20_000;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out: ${message}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

describe("RoomRegistry compaction", () => {
  it("an unload compacts the rows written since the last compaction, through the queue", async () => {
    const id = "registry-unload-doc";
    const { metrics, registry } = await setUp(id);
    const room = await registry.acquire(id);
    await type(room, "first", 400);
    const first = registry.requestCompaction(room);
    // Asking again while it is queued or running is the same compaction.
    expect(registry.requestCompaction(room)).toBe(first);
    await first;
    expect(metrics.counters.compactions).toBe(1);
    await type(room, "second", 300);
    registry.release(room);
    await until(() => metrics.counters.documentsUnloaded === 1, "the room unloaded");

    expect(room.destroyed).toBe(true);
    expect(metrics.counters.compactions).toBe(2);
    await expectAllCompacted(id, { first: 400, second: 300 });
    await registry.closeAll();
  });

  // Another session holds the snapshot row: Postgres only (PGlite has one connection).
  it.skipIf(!process.env.DATABASE_URL && !process.env.TEST_DATABASE_URL)("an unload never compacts beside the room's running compaction", async () => {
    const id = "registry-overlap-doc";
    const { metrics, registry } = await setUp(id);
    const room = await registry.acquire(id);
    await type(room, "first", 100);
    const { default: postgres } = await import("postgres");
    const blocker = postgres(database.url!, { max: 2, onnotice: () => {} });
    let unblock = () => {};
    const held = new Promise<void>((resolve) => (unblock = resolve));
    let locked = () => {};
    const isLocked = new Promise<void>((resolve) => (locked = resolve));
    const holding = blocker
      .begin(async (tx) => {
        await tx`INSERT INTO collab_snapshots (document_id, state) VALUES (${id}, ${Buffer.from([0, 0])}) ON CONFLICT DO NOTHING`;
        locked();
        await held;
        throw new Error("roll back");
      })
      .catch(() => undefined);
    await isLocked;
    const waitingOnLocks = async () => {
      const [row] = await blocker`SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'`;
      return Number(row!.n);
    };
    try {
      const first = registry.requestCompaction(room);
      for (let tries = 0; (await waitingOnLocks()) < 1; tries++) {
        if (tries > 200) throw new Error("the first compaction never reached the snapshot row");
        await new Promise((resolve) => setTimeout(resolve, 10));
      }
      await type(room, "second", 50);
      registry.release(room);
      // The grace period (20 ms) is over and the unload waits: only the first compaction is at the lock.
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(await waitingOnLocks()).toBe(1);
      unblock();
      await first;
      await until(() => metrics.counters.documentsUnloaded === 1, "the room unloaded");
    } finally {
      unblock();
      await holding;
      await blocker.end();
    }
    // The first compaction, let through after the second edits were committed, merged them all.
    await expectAllCompacted(id, { first: 100, second: 50 });
    await registry.closeAll();
  });

  it("skips a room destroyed before its turn, and queues nothing once shutting down", async () => {
    const id = "registry-closed-doc";
    const { metrics, registry } = await setUp(id);
    const room = await registry.acquire(id);
    await type(room, "body", 50);
    registry.release(room);
    await registry.closeAll();
    expect(room.destroyed).toBe(true);
    await registry.requestCompaction(room);
    expect(metrics.counters.compactions).toBe(0);
    // The rows stay in the log, durable, for the next start.
    expect(await countLoggedUpdates(database.db, id)).toBe(50);
  });
});
