/**
 * Durability and scale-out with the real entry point (`tsx server/index.ts`) in child processes:
 * kill -9 after "stored" acknowledgements and with clients still holding unstored edits, SIGTERM with writes still pending, two instances sharing documents
 * through Redis. Needs the Remix build (npm run build).
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, afterEach, describe, expect, it } from "vitest";
import * as Y from "yjs";
import { CollabCloseCode } from "../../app/modules/collab/close-codes";
import { seedDemo } from "../../db/seed/demo";
import { openTestDatabase, type TestDatabase } from "../../test/support/database";
import { signInCookie } from "../../test/support/server";
import { startChildServer, type ChildServer } from "../../test/support/child-server";
import { loadDocumentState } from "../../app/modules/documents/store/stored-document.server";
import { bodyText, connectClient, typeParagraph, waitFor, whenSynced, type TestClient } from "../../test/support/collab-clients";

const onPostgres = Boolean(process.env.TEST_DATABASE_URL || process.env.DATABASE_URL);
const redisUrl = process.env.REDIS_URL ?? "redis://127.0.0.1:6379";

type Child = ChildServer;
const children: Child[] = [];
const clients: TestClient[] = [];
const cleanups: Array<() => Promise<void>> = [];

afterEach(async () => {
  for (const client of clients.splice(0)) client.destroy();
  for (const child of children.splice(0)) {
    child.process.kill("SIGKILL");
    await child.exited;
  }
});
afterAll(async () => {
  for (const cleanup of cleanups.splice(0)) await cleanup();
});

/** Starts server/index.ts like `npm start` does and resolves once it listens. */
async function startChild(env: Record<string, string | undefined>, port?: number): Promise<Child> {
  const started = await startChildServer(env, port);
  children.push(started);
  return started;
}

async function stopChild(child: Child, signal: NodeJS.Signals) {
  child.process.kill(signal);
  const result = await child.exited;
  children.splice(children.indexOf(child), 1);
  return result;
}

function client(url: string, documentId: string, cookie: string, acknowledgements = false) {
  const c = connectClient(url, documentId, { cookie, acknowledgements });
  clients.push(c);
  return c;
}

/** Where the child keeps its data: a fresh seeded Postgres database, or a fresh PGlite directory. */
async function freshStorage(): Promise<{ env: Record<string, string | undefined>; database?: TestDatabase }> {
  if (onPostgres) {
    const database = await openTestDatabase();
    await seedDemo(database.db);
    cleanups.push(() => database.drop());
    return { env: { DATABASE_URL: database.url }, database };
  }
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "concord-collab-"));
  cleanups.push(async () => fs.rmSync(dataDir, { recursive: true, force: true }));
  return { env: { DATABASE_URL: undefined, TEST_DATABASE_URL: undefined, DATA_DIR: dataDir, SEED_DEMO: "true" } };
}

describe("durability", () => {
  // Edits are broadcast from memory (docs/decisions/0019): what is guaranteed through a crash is
  // what the author was told is stored, and what any client still holds once it reconnects.
  it("keeps every update its author was told is stored through kill -9, even when every client had gone", { timeout: 120_000 }, async () => {
    const storage = await freshStorage();
    // A long grace period: the document is still open (nothing compacted) when the process dies.
    const env = { ...storage.env, COLLAB_UNLOAD_GRACE_MS: "600000" };
    const first = await startChild(env);
    const [college, employer] = [await signInCookie(first.url, "college@demo.concord.test"), await signInCookie(first.url, "employer@demo.concord.test")];
    const a = client(first.url, "demo-doc-spec", college, true);
    const b = client(first.url, "demo-doc-spec", employer);
    await Promise.all([whenSynced(a), whenSynced(b)]);
    for (let i = 0; i < 20; i++) typeParagraph(a, `line ${i} before the crash`);
    await waitFor(() => bodyText(b.doc).includes("line 19 before the crash"), { message: "broadcast to b" });
    await waitFor(() => a.allStored(), { message: "author told everything is stored" });
    a.destroy();
    b.destroy();
    const killed = await stopChild(first, "SIGKILL");
    expect(killed.signal).toBe("SIGKILL");

    const second = await startChild(env);
    const c = client(second.url, "demo-doc-spec", await signInCookie(second.url, "university@demo.concord.test"));
    await whenSynced(c);
    for (let i = 0; i < 20; i++) expect(bodyText(c.doc)).toContain(`line ${i} before the crash`);
  });

  it("after kill -9, what the clients still hold (seen, maybe never stored) is back once they reconnect", { timeout: 120_000 }, async () => {
    const storage = await freshStorage();
    const env = { ...storage.env, COLLAB_UNLOAD_GRACE_MS: "600000" };
    const first = await startChild(env);
    const port = new URL(first.url).port;
    const [college, employer] = [await signInCookie(first.url, "college@demo.concord.test"), await signInCookie(first.url, "employer@demo.concord.test")];
    const a = client(first.url, "demo-doc-spec", college, true);
    const b = client(first.url, "demo-doc-spec", employer, true);
    await Promise.all([whenSynced(a), whenSynced(b)]);
    for (let i = 0; i < 20; i++) {
      typeParagraph(a, `a${i} in flight`);
      typeParagraph(b, `b${i} in flight`);
    }
    await waitFor(() => bodyText(b.doc).includes("a19 in flight") && bodyText(a.doc).includes("b19 in flight"), { message: "broadcast" });
    // Killed at once: some of these may never have been committed.
    await stopChild(first, "SIGKILL");
    // The same address: the clients reconnect by themselves and re-send what the server lacks.
    const second = await startChild({ ...env, PORT: port });
    await waitFor(() => a.allStored() && b.allStored(), { timeoutMs: 30_000, message: "clients re-sent and were told stored" });
    a.destroy();
    b.destroy();
    const c = client(second.url, "demo-doc-spec", await signInCookie(second.url, "university@demo.concord.test"));
    await whenSynced(c);
    for (let i = 0; i < 20; i++) {
      expect(bodyText(c.doc)).toContain(`a${i} in flight`);
      expect(bodyText(c.doc)).toContain(`b${i} in flight`);
    }
  });

  // Holding a lock from a second connection needs Postgres.
  it.skipIf(!onPostgres)("on SIGTERM closes sockets with 1001, commits the writes still pending, and exits 0", { timeout: 120_000 }, async () => {
    const storage = await freshStorage();
    const child = await startChild(storage.env);
    const a = client(child.url, "demo-doc-wbl", await signInCookie(child.url, "college@demo.concord.test"));
    await whenSynced(a);
    const { default: postgres } = await import("postgres");
    const blocker = postgres(storage.database!.url!, { max: 1, onnotice: () => {} });
    let release: () => void = () => {};
    try {
      const released = new Promise<void>((resolve) => (release = resolve));
      await new Promise<void>((locked) => {
        void blocker.begin(async (tx) => {
          await tx`LOCK TABLE collab_updates IN EXCLUSIVE MODE`;
          locked();
          await released;
        });
      });
      typeParagraph(a, "pending at shutdown");
      await new Promise((resolve) => setTimeout(resolve, 500));
      child.process.kill("SIGTERM");
      await waitFor(() => a.closes.some((close) => close.code === CollabCloseCode.GOING_AWAY), { message: "close 1001" });
      a.provider.disconnect();
      await new Promise((resolve) => setTimeout(resolve, 300));
      release();
      const result = await child.exited;
      children.splice(children.indexOf(child), 1);
      expect(result.code).toBe(0);
    } finally {
      release();
      await blocker.end();
    }
    const state = await loadDocumentState(storage.database!.db, "demo-doc-wbl");
    const doc = new Y.Doc();
    Y.applyUpdate(doc, state!);
    expect(bodyText(doc)).toContain("pending at shutdown");
  });
});

describe("scale-out", () => {
  it.skipIf(!onPostgres)("two instances on one Postgres and Redis: clients on each converge, carets cross", { timeout: 120_000 }, async () => {
    const storage = await freshStorage();
    const env = { ...storage.env, REDIS_URL: redisUrl };
    const [one, two] = await Promise.all([startChild(env), startChild(env)]);
    const a = client(one.url, "demo-doc-assessment", await signInCookie(one.url, "college@demo.concord.test"));
    const b = client(two.url, "demo-doc-assessment", await signInCookie(two.url, "employer@demo.concord.test"));
    await Promise.all([whenSynced(a), whenSynced(b)]);
    a.provider.awareness.setLocalStateField("user", { id: "demo-user-college", name: "Daniel Tremblay" });
    typeParagraph(a, "typed on instance one");
    typeParagraph(b, "typed on instance two");
    await waitFor(() => bodyText(a.doc).includes("typed on instance two") && bodyText(b.doc).includes("typed on instance one"), { message: "convergence" });
    await waitFor(() => bodyText(a.doc) === bodyText(b.doc));
    await waitFor(() => (b.provider.awareness.getStates().get(a.doc.clientID) as { user?: { id: string } } | undefined)?.user?.id === "demo-user-college", {
      message: "caret across instances",
    });
    // A client joining instance two later gets everything from Postgres.
    const c = client(two.url, "demo-doc-assessment", await signInCookie(two.url, "university@demo.concord.test"));
    await whenSynced(c);
    expect(bodyText(c.doc)).toBe(bodyText(a.doc));
    // When a client leaves instance one, its caret disappears on instance two.
    a.destroy();
    await waitFor(() => !b.provider.awareness.getStates().has(a.doc.clientID), { message: "caret removed across instances" });
  });
});
