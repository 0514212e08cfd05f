/**
 * The collaboration endpoint against the real server and database, with stock y-websocket clients
 * (and raw sockets where a well-behaved client would not do what we test).
 */
import { and, eq } from "drizzle-orm";
import * as decoding from "lib0/decoding";
import * as encoding from "lib0/encoding";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import WebSocket from "ws";
import * as awarenessProtocol from "y-protocols/awareness";
import * as syncProtocol from "y-protocols/sync";
import * as Y from "yjs";
import { CollabCloseCode } from "../../app/modules/collab/close-codes";
import { collabUpdates, documents, projectParticipants, sessions } from "../../db/schema/index";
import { signInCookie, startTestServer, type TestServer } from "../../test/support/server";
import { countLoggedUpdates, loadDocumentState } from "../../app/modules/documents/store/stored-document.server";
import { bodyText, commitGate, connectClient, tryUpgrade, typeParagraph, waitFor, whenSynced, type TestClient } from "../../test/support/collab-clients";

let server: TestServer;
const commits = commitGate();
let cookies: Record<"college" | "employer" | "qa" | "university", string>;
const clients: TestClient[] = [];
const sockets: WebSocket[] = [];

beforeAll(async () => {
  server = await startTestServer({
    hooks: { beforeCommit: commits.hook },
    env: { COLLAB_PERMISSION_RECHECK_MS: "500", COLLAB_MAX_CONNECTIONS_PER_DOCUMENT: "4", COLLAB_UPDATES_PER_SECOND: "20", COLLAB_MAX_MESSAGE_BYTES: "65536", METRICS_TOKEN: "operator-token", COLLAB_MAX_BUFFERED_BYTES: "262144" },
  });
  const [college, employer, qa, university] = await Promise.all(
    ["college", "employer", "qa", "university"].map((who) => signInCookie(server.url, `${who}@demo.concord.test`)),
  );
  cookies = { college: college!, employer: employer!, qa: qa!, university: university! };
});
afterEach(() => {
  commits.release();
  for (const client of clients.splice(0)) client.destroy();
  for (const socket of sockets.splice(0)) socket.terminate();
});
afterAll(async () => {
  await server?.stop();
});

function client(documentId: string, cookie: string, doc?: Y.Doc) {
  const c = connectClient(server.url, documentId, { cookie, doc });
  clients.push(c);
  return c;
}

/** A new empty document in the demo project (tests that change permissions get their own). */
async function newDocument(id: string) {
  await server.database.db.insert(documents).values({ id, projectId: "demo-project-cap", kind: "credential_spec", title: `Test ${id}`, createdBy: "demo-user-college" });
  return id;
}

/** A raw socket, for frames a well-behaved client would never send. */
async function rawSocket(documentId: string, cookie: string): Promise<{ socket: WebSocket; closed: Promise<{ code: number }>; received: Uint8Array[] }> {
  const socket = new WebSocket(`${server.url.replace(/^http/, "ws")}/collab/${documentId}`, { headers: { Cookie: cookie, Origin: server.url } });
  sockets.push(socket);
  const received: Uint8Array[] = [];
  socket.on("message", (data) => received.push(new Uint8Array(data as Buffer)));
  const closed = new Promise<{ code: number }>((resolve) => socket.on("close", (code) => resolve({ code })));
  await new Promise<void>((resolve, reject) => {
    socket.once("open", () => resolve());
    socket.once("error", reject);
  });
  return { socket, closed, received };
}

function updateMessage(update: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, 0);
  syncProtocol.writeUpdate(encoder, update);
  return encoding.toUint8Array(encoder);
}

function awarenessMessage(entries: Array<{ clientID: number; clock: number; state: unknown }>): Uint8Array {
  const inner = encoding.createEncoder();
  encoding.writeVarUint(inner, entries.length);
  for (const entry of entries) {
    encoding.writeVarUint(inner, entry.clientID);
    encoding.writeVarUint(inner, entry.clock);
    encoding.writeVarString(inner, JSON.stringify(entry.state));
  }
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, 1);
  encoding.writeVarUint8Array(encoder, encoding.toUint8Array(inner));
  return encoding.toUint8Array(encoder);
}

function paragraphUpdate(text: string): Uint8Array {
  const doc = new Y.Doc();
  const paragraph = new Y.XmlElement("paragraph");
  paragraph.insert(0, [new Y.XmlText(text)]);
  doc.getXmlFragment("body").push([paragraph]);
  return Y.encodeStateAsUpdate(doc);
}

async function storedText(documentId: string): Promise<string> {
  const state = await loadDocumentState(server.database.db, documentId);
  const doc = new Y.Doc();
  if (state) Y.applyUpdate(doc, state);
  return bodyText(doc);
}

const ws = () => `${server.url.replace(/^http/, "ws")}/collab`;

describe("opening a socket", () => {
  it("refuses an upgrade without a session with 401", async () => {
    expect((await tryUpgrade(`${ws()}/demo-doc-spec`, { Origin: server.url })).status).toBe(401);
    expect((await tryUpgrade(`${ws()}/demo-doc-spec`, { Origin: server.url, Cookie: "concord_session=forged" })).status).toBe(401);
  });

  it("refuses a person whose organization is not in the project, like the document page (404)", async () => {
    const cookie = await signUp("outsider@example.com");
    expect((await tryUpgrade(`${ws()}/demo-doc-spec`, { Origin: server.url, Cookie: cookie })).status).toBe(404);
    expect((await tryUpgrade(`${ws()}/no-such-document`, { Origin: server.url, Cookie: cookies.college })).status).toBe(404);
    expect((await tryUpgrade(`${server.url.replace(/^http/, "ws")}/elsewhere`, { Origin: server.url, Cookie: cookies.college })).status).toBe(404);
  });

  it("refuses a cross-site upgrade carrying a valid cookie with 403", async () => {
    expect((await tryUpgrade(`${ws()}/demo-doc-spec`, { Origin: "http://evil.test", Cookie: cookies.college })).status).toBe(403);
    expect((await tryUpgrade(`${ws()}/demo-doc-spec`, { Cookie: cookies.college })).status).toBe(403);
  });

  it("caps the connections per document (close 1013)", async () => {
    const id = await newDocument("cap-doc");
    const open = await Promise.all([0, 1, 2, 3].map(() => rawSocket(id, cookies.college)));
    const fifth = await rawSocket(id, cookies.college);
    expect((await fifth.closed).code).toBe(CollabCloseCode.TRY_AGAIN_LATER);
    for (const { socket } of open) socket.terminate();
  });
});

async function signUp(email: string): Promise<string> {
  const response = await fetch(`${server.url}/signup`, {
    method: "POST",
    redirect: "manual",
    headers: { Origin: server.url, "Content-Type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ name: "Out Sider", email, password: "outsider-password" }),
  });
  return response.headers.get("set-cookie")!.split(";")[0]!;
}

describe("editing together", () => {
  it("two editors converge, and what they saw is stored", async () => {
    const a = client("demo-doc-spec", cookies.college);
    const b = client("demo-doc-spec", cookies.employer);
    await Promise.all([whenSynced(a), whenSynced(b)]);
    typeParagraph(a, "from college");
    typeParagraph(b, "from employer");
    await waitFor(() => bodyText(a.doc) === bodyText(b.doc) && bodyText(b.doc).includes("from college") && bodyText(a.doc).includes("from employer"));
    // Seen from memory at once, stored beside it (docs/decisions/0019).
    await waitFor(async () => (await storedText("demo-doc-spec")).includes("from employer"), { message: "stored" });
    const stored = await storedText("demo-doc-spec");
    expect(stored).toContain("from college");
    expect(stored).toContain("from employer");
  });

  it("a late joiner receives the document and everyone's carets", async () => {
    const a = client("demo-doc-assessment", cookies.college);
    await whenSynced(a);
    a.provider.awareness.setLocalStateField("user", { id: "demo-user-college", name: "Daniel Tremblay", color: "#123456" });
    typeParagraph(a, "first");
    const b = client("demo-doc-assessment", cookies.university);
    await whenSynced(b);
    await waitFor(() => bodyText(b.doc).includes("first"));
    await waitFor(() => (b.provider.awareness.getStates().get(a.doc.clientID) as { user?: { id: string } } | undefined)?.user?.id === "demo-user-college", {
      message: "a's caret at b",
    });
  });

  it("answers queryAwareness (message type 3) with everyone's states", async () => {
    const a = client("demo-doc-assessment", cookies.college);
    await whenSynced(a);
    a.provider.awareness.setLocalStateField("user", { id: "demo-user-college", name: "Daniel Tremblay" });
    await waitFor(() => server.collaboration.metrics().totals.awarenessUpdates > 0);
    const raw = await rawSocket("demo-doc-assessment", cookies.employer);
    const before = raw.received.length;
    raw.socket.send(new Uint8Array([3]));
    await waitFor(() => raw.received.slice(before).some((message) => message[0] === 1), { message: "awareness reply" });
    const reply = raw.received.slice(before).find((message) => message[0] === 1)!;
    const probe = new awarenessProtocol.Awareness(new Y.Doc());
    const decoder = decoding.createDecoder(reply);
    decoding.readVarUint(decoder);
    awarenessProtocol.applyAwarenessUpdate(probe, decoding.readVarUint8Array(decoder), "test");
    expect((probe.getStates().get(a.doc.clientID) as { user: { id: string } }).user.id).toBe("demo-user-college");
    probe.destroy();
  });

  it("a read-only reviewer receives updates and carets, but their edits reach no one and are not stored", async () => {
    const id = await newDocument("readonly-doc");
    const editor = client(id, cookies.college);
    const reviewer = client(id, cookies.qa);
    await Promise.all([whenSynced(editor), whenSynced(reviewer)]);
    editor.provider.awareness.setLocalStateField("user", { id: "demo-user-college", name: "Daniel Tremblay" });
    typeParagraph(editor, "editor text");
    await waitFor(() => bodyText(reviewer.doc).includes("editor text"));
    await waitFor(() => reviewer.provider.awareness.getStates().has(editor.doc.clientID), { message: "caret at reviewer" });
    // Seen from memory first; counted once stored.
    await waitFor(async () => (await storedText(id)).includes("editor text"), { message: "editor text stored" });
    const rowsBefore = await countLoggedUpdates(server.database.db, id);

    typeParagraph(reviewer, "reviewer edit");
    await new Promise((resolve) => setTimeout(resolve, 400));
    typeParagraph(editor, "after");
    await waitFor(() => bodyText(reviewer.doc).includes("after"));
    await waitFor(async () => (await storedText(id)).includes("after"), { message: "after stored" });
    expect(bodyText(editor.doc)).not.toContain("reviewer edit");
    expect(await storedText(id)).not.toContain("reviewer edit");
    expect(await countLoggedUpdates(server.database.db, id)).toBe(rowsBefore + 1);

    // A third client joining later does not get it either (it was never applied on the server).
    const late = client(id, cookies.university);
    await whenSynced(late);
    expect(bodyText(late.doc)).toContain("after");
    expect(bodyText(late.doc)).not.toContain("reviewer edit");

    // Repeated attempts close the socket for good.
    typeParagraph(reviewer, "again");
    typeParagraph(reviewer, "and again");
    await waitFor(() => reviewer.closes.some((close) => close.code === CollabCloseCode.READ_ONLY), { message: "close 4405" });
  });
});

describe("identity in awareness", () => {
  it("closes a socket whose caret claims to be another person", async () => {
    const { socket, closed } = await rawSocket("demo-doc-wbl", cookies.employer);
    socket.send(awarenessMessage([{ clientID: 777, clock: 1, state: { user: { id: "demo-user-college", name: "Daniel Tremblay", color: "#000" } } }]));
    expect((await closed).code).toBe(CollabCloseCode.IDENTITY_MISMATCH);

    const other = await rawSocket("demo-doc-wbl", cookies.employer);
    other.socket.send(awarenessMessage([{ clientID: 778, clock: 1, state: { user: { id: "demo-user-employer", name: "Someone Else" } } }]));
    expect((await other.closed).code).toBe(CollabCloseCode.IDENTITY_MISMATCH);
  });

  it("closes a socket that tries to move or hide another participant's caret", async () => {
    const victim = client("demo-doc-wbl", cookies.college);
    const watcher = client("demo-doc-wbl", cookies.university);
    await Promise.all([whenSynced(victim), whenSynced(watcher)]);
    victim.provider.awareness.setLocalStateField("user", { id: "demo-user-college", name: "Daniel Tremblay" });
    await waitFor(() => watcher.provider.awareness.getStates().has(victim.doc.clientID));
    const clock = victim.provider.awareness.meta.get(victim.doc.clientID)!.clock;

    const attacker = await rawSocket("demo-doc-wbl", cookies.employer);
    attacker.socket.send(awarenessMessage([{ clientID: victim.doc.clientID, clock: clock + 10, state: { user: { id: "demo-user-employer", name: "Maya Okafor" }, cursor: null } }]));
    expect((await attacker.closed).code).toBe(CollabCloseCode.IDENTITY_MISMATCH);

    const hider = await rawSocket("demo-doc-wbl", cookies.employer);
    hider.socket.send(awarenessMessage([{ clientID: victim.doc.clientID, clock: clock + 10, state: null }]));
    expect((await hider.closed).code).toBe(CollabCloseCode.IDENTITY_MISMATCH);
    expect((watcher.provider.awareness.getStates().get(victim.doc.clientID) as { user: { id: string } }).user.id).toBe("demo-user-college");
  });

  it("accepts echoes of other people's states (y-websocket re-sends every awareness change it sees)", async () => {
    const a = client("demo-doc-wbl", cookies.college);
    const b = client("demo-doc-wbl", cookies.employer);
    await Promise.all([whenSynced(a), whenSynced(b)]);
    a.provider.awareness.setLocalStateField("user", { id: "demo-user-college", name: "Daniel Tremblay" });
    b.provider.awareness.setLocalStateField("user", { id: "demo-user-employer", name: "Maya Okafor" });
    await waitFor(() => a.provider.awareness.getStates().has(b.doc.clientID) && b.provider.awareness.getStates().has(a.doc.clientID));
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(a.closes).toEqual([]);
    expect(b.closes).toEqual([]);
  });
});

describe("limits and malformed input", () => {
  it("closes an oversized message with 1009 and keeps serving", async () => {
    const { socket, closed } = await rawSocket("demo-doc-spec", cookies.college);
    socket.send(updateMessage(new Uint8Array(100_000).fill(1)));
    expect((await closed).code).toBe(1009);
    const after = client("demo-doc-spec", cookies.college);
    await whenSynced(after);
  });

  it("closes garbage with 1002 or 1003, never crashes", async () => {
    const cases: Array<[Uint8Array | string, number]> = [
      ["hello", 1003],
      [new Uint8Array([9, 9, 9]), 1003],
      [new Uint8Array([0, 7, 1, 2]), 1002],
      [new Uint8Array([0, 2, 200]), 1002],
      [updateMessage(new Uint8Array([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12])), 1002],
      [new Uint8Array([1, 5, 1, 2, 3, 4, 5]), 1002],
      [awarenessMessage([{ clientID: 5, clock: 1, state: ["not", "an", "object"] }]), 1002],
    ];
    for (const [frame, code] of cases) {
      const { socket, closed } = await rawSocket("demo-doc-spec", cookies.college);
      socket.send(frame);
      expect((await closed).code, `frame ${String(frame)}`).toBe(code);
    }
    const after = client("demo-doc-spec", cookies.college);
    await whenSynced(after);
    expect(bodyText(after.doc)).toContain("from college");
  });

  it("drops a client that stops reading instead of buffering for it without bound (close 4002)", async () => {
    const id = await newDocument("slow-doc");
    const slow = await rawSocket(id, cookies.university);
    // Stop reading: the kernel buffers fill, then ws starts queueing (bufferedAmount).
    (slow.socket as unknown as { _socket: import("node:net").Socket })._socket.pause();
    const writer = await rawSocket(id, cookies.college);
    const big = "x".repeat(60_000);
    for (let i = 0; i < 90; i++) writer.socket.send(updateMessage(paragraphUpdate(`${i} ${big}`)));
    await waitFor(() => server.collaboration.metrics().closes[`${CollabCloseCode.SLOW_CONSUMER} SLOW_CONSUMER`] === 1, { timeoutMs: 15_000, message: "slow consumer dropped" });
    expect(writer.socket.readyState).toBe(WebSocket.OPEN);
    // Let the server store and compact these megabytes before the next test measures timings.
    writer.socket.close();
    await waitFor(() => !server.collaboration.metrics(true).documents?.some((d) => d.documentId === id), { timeoutMs: 50_000, message: "slow-doc unloaded" });
    await waitFor(async () => (await countLoggedUpdates(server.database.db, id)) === 0, { timeoutMs: 50_000, message: "slow-doc compacted" });
  }, 60_000);

  it("rate-limits updates per connection (close 4003)", async () => {
    const { socket, closed } = await rawSocket("demo-doc-assessment", cookies.college);
    for (let i = 0; i < 200; i++) socket.send(updateMessage(paragraphUpdate(`flood ${i}`)));
    expect((await closed).code).toBe(CollabCloseCode.RATE_LIMITED);
  });
});

describe("permission changes on open sockets", () => {
  it("an approved (locked) document turns editors read-only within seconds", async () => {
    const id = await newDocument("lock-doc");
    const editor = client(id, cookies.college);
    await whenSynced(editor);
    typeParagraph(editor, "before approval");
    await waitFor(async () => (await storedText(id)).includes("before approval"));
    const started = Date.now();
    await server.database.db.update(documents).set({ status: "approved" }).where(eq(documents.id, id));
    await waitFor(() => editor.closes.some((close) => close.code === CollabCloseCode.PERMISSIONS_CHANGED), { message: "close 4001" });
    expect(Date.now() - started).toBeLessThan(3_000);
    await whenSynced(editor);
    typeParagraph(editor, "after approval");
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(await storedText(id)).not.toContain("after approval");
  });

  it("a revoked project role closes the socket (4403); a signed-out session too (4401)", async () => {
    const id = await newDocument("revoke-doc");
    const reviewer = client(id, cookies.qa);
    await whenSynced(reviewer);
    await server.database.db
      .delete(projectParticipants)
      .where(and(eq(projectParticipants.projectId, "demo-project-cap"), eq(projectParticipants.organizationId, "demo-org-pqab")));
    await waitFor(() => reviewer.closes.some((close) => close.code === CollabCloseCode.FORBIDDEN), { message: "close 4403" });
    await server.database.db.insert(projectParticipants).values({ projectId: "demo-project-cap", organizationId: "demo-org-pqab", role: "qa_reviewer" });

    const cookie = await signInCookie(server.url, "profbody@demo.concord.test");
    const member = client(id, cookie);
    await whenSynced(member);
    await server.database.db.delete(sessions).where(eq(sessions.id, cookie.split("=")[1]!));
    await waitFor(() => member.closes.some((close) => close.code === CollabCloseCode.UNAUTHENTICATED), { message: "close 4401" });
  });
});

describe("memory and storage", () => {
  it("unloads a document after the grace period and compacts its log into the snapshot", async () => {
    const id = await newDocument("unload-doc");
    const a = client(id, cookies.college);
    await whenSynced(a);
    for (let i = 0; i < 5; i++) typeParagraph(a, `line ${i}`);
    await waitFor(async () => (await storedText(id)).includes("line 4"));
    expect(server.collaboration.metrics(true).documents?.some((d) => d.documentId === id)).toBe(true);
    a.destroy();
    await waitFor(() => !server.collaboration.metrics(true).documents?.some((d) => d.documentId === id), { message: "unload" });
    await waitFor(async () => (await countLoggedUpdates(server.database.db, id)) === 0, { message: "compaction" });
    expect(await storedText(id)).toContain("line 4");

    const again = client(id, cookies.employer);
    await whenSynced(again);
    expect(bodyText(again.doc)).toContain("line 0");
    expect(bodyText(again.doc)).toContain("line 4");
  });

  it("reports figures for operators", async () => {
    const figures = server.collaboration.metrics();
    expect(figures.totals.updatesApplied).toBeGreaterThan(0);
    expect(figures.persistence.rows).toBeGreaterThan(0);
    expect(figures.persistence.commitLatencyMs.max).toBeGreaterThan(0);
    // Delays over the last completed 10 s window (zero until one has passed).
    for (const delay of [figures.deliveryDelayMs, figures.eventLoopDelayMs]) expect(delay).toEqual({ p50: expect.any(Number), p99: expect.any(Number), max: expect.any(Number) });
    // The compaction after the unload above, listed so that a latency spike can be matched to it.
    expect(figures.backgroundRuns).toContainEqual({ work: "compaction", startedAt: expect.any(Number), ms: expect.any(Number) });
    expect(figures).not.toHaveProperty("documents");
    expect(figures.refusedUpgrades["401"]).toBeGreaterThan(0);

    const open = client("demo-doc-spec", cookies.college);
    await whenSynced(open);
    const anonymous = await (await fetch(`${server.url}/metrics`)).json();
    expect(anonymous.connections).toBe(1);
    expect(anonymous.openDocuments).toBeGreaterThanOrEqual(1);
    expect(anonymous).not.toHaveProperty("documents");
    const wrong = await (await fetch(`${server.url}/metrics`, { headers: { Authorization: "Bearer nope" } })).json();
    expect(wrong).not.toHaveProperty("documents");
    const operator = await (await fetch(`${server.url}/metrics`, { headers: { Authorization: "Bearer operator-token" } })).json();
    expect(operator.documents).toContainEqual(expect.objectContaining({ documentId: "demo-doc-spec", connections: 1 }));
  });
});

describe("broadcast from memory (docs/decisions/0019)", () => {
  /** Frames of one sync type (1: step 2, 2: update) among a raw socket's frames. */
  function syncFrames(frames: Uint8Array[], syncType: number): Uint8Array[] {
    return frames.flatMap((frame) => {
      const decoder = decoding.createDecoder(frame);
      if (decoding.readVarUint(decoder) !== 0 || decoding.readVarUint(decoder) !== syncType) return [];
      return [decoding.readVarUint8Array(decoder)];
    });
  }
  const syncStep2Frames = (frames: Uint8Array[]) => syncFrames(frames, 1);

  function syncStep1(doc: Y.Doc): Uint8Array {
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, 0);
    syncProtocol.writeSyncStep1(encoder, doc);
    return encoding.toUint8Array(encoder);
  }

  const rowsOf = async (id: string) => (await server.database.db.select({ id: collabUpdates.id }).from(collabUpdates).where(eq(collabUpdates.documentId, id))).length;

  it("shows an edit to the others while its commit is held, and stores it once released", async () => {
    const id = await newDocument("mem-doc");
    const a = client(id, cookies.college);
    const b = client(id, cookies.employer);
    await Promise.all([whenSynced(a), whenSynced(b)]);
    commits.hold();
    try {
      typeParagraph(a, "from memory");
      await waitFor(() => bodyText(b.doc).includes("from memory"), { message: "broadcast before the commit" });
      expect(await rowsOf(id)).toBe(0);
    } finally {
      commits.release();
    }
    await waitFor(async () => (await storedText(id)).includes("from memory"), { message: "stored after release" });
  });

  it("a client joining while an edit waits for its commit gets it in the sync reply at once", async () => {
    const id = await newDocument("mem-join-doc");
    const a = client(id, cookies.college);
    await whenSynced(a);
    commits.hold();
    try {
      typeParagraph(a, "not yet stored");
      await waitFor(() => commits.waiting > 0, { message: "commit held" });
      const joiner = await rawSocket(id, cookies.employer);
      joiner.socket.send(syncStep1(new Y.Doc()));
      await waitFor(() => syncStep2Frames(joiner.received).length === 1, { message: "sync reply" });
      const joined = new Y.Doc();
      Y.applyUpdate(joined, syncStep2Frames(joiner.received)[0]!);
      expect(bodyText(joined)).toContain("not yet stored");
    } finally {
      commits.release();
    }
  });

  it("refuses an edit to a document locked in memory before anyone sees it, and resets its author", async () => {
    const id = await newDocument("mem-locked-doc");
    const a = client(id, cookies.college);
    const b = client(id, cookies.employer);
    await Promise.all([whenSynced(a), whenSynced(b)]);
    // What a sign-off command does once its approval committed, before the sockets are re-checked.
    await server.database.db.update(documents).set({ status: "approved" }).where(eq(documents.id, id));
    server.collaboration.setContentLocked(id, true);
    typeParagraph(a, "too late");
    await waitFor(() => a.closes.some((close) => close.code === CollabCloseCode.DOCUMENT_RESET), { message: "author reset" });
    // The stock client reconnects with its copy and re-sends the edit: read-only now, it is dropped.
    await whenSynced(a);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(bodyText(b.doc)).not.toContain("too late");
    // Nobody else saw it, so nobody else is reset (the re-check turns them read-only with 4001).
    expect(b.closes.some((close) => close.code === CollabCloseCode.DOCUMENT_RESET)).toBe(false);
    expect(await storedText(id)).not.toContain("too late");
  });

  it("locked after the fact: an edit already broadcast and then refused by the commit resets every client to the durable state", async () => {
    const id = await newDocument("mem-race-doc");
    const a = client(id, cookies.college);
    const b = client(id, cookies.employer);
    await Promise.all([whenSynced(a), whenSynced(b)]);
    typeParagraph(a, "stored first");
    await waitFor(async () => (await storedText(id)).includes("stored first"), { message: "first edit stored" });
    const observer = await rawSocket(id, cookies.qa);
    await waitFor(() => observer.received.length > 0);
    commits.hold();
    try {
      typeParagraph(a, "refused later");
      await waitFor(() => bodyText(b.doc).includes("refused later"), { message: "broadcast from memory" });
      await waitFor(() => commits.waiting > 0, { message: "commit held" });
      // The race: the document is approved (locked) while the broadcast edit waits for its commit,
      // and no sign-off command told the room (another instance, say).
      await server.database.db.update(documents).set({ status: "approved" }).where(eq(documents.id, id));
    } finally {
      commits.release();
    }
    await waitFor(() => [a, b].every((c) => c.closes.some((close) => close.code === CollabCloseCode.DOCUMENT_RESET)), { message: "every client reset" });
    expect((await observer.closed).code).toBe(CollabCloseCode.DOCUMENT_RESET);
    expect(await storedText(id)).toContain("stored first");
    expect(await storedText(id)).not.toContain("refused later");
    // A client starting over (what the editor does on DOCUMENT_RESET) gets the durable state only, read-only.
    a.destroy();
    b.destroy();
    const fresh = client(id, cookies.employer);
    await whenSynced(fresh);
    expect(bodyText(fresh.doc)).toContain("stored first");
    expect(bodyText(fresh.doc)).not.toContain("refused later");
    typeParagraph(fresh, "read-only now");
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(await storedText(id)).not.toContain("read-only now");
  });
});
