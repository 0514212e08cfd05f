/**
 * "Stored" acknowledgements (app/modules/collab/acknowledgements.ts) against the real server and
 * database: only for clients that ask, only once the update is committed, never for what is not stored.
 */
import * as decoding from "lib0/decoding";
import * as encoding from "lib0/encoding";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import WebSocket from "ws";
import * as syncProtocol from "y-protocols/sync";
import * as Y from "yjs";
import { MESSAGE_STORED } from "../../app/modules/collab/acknowledgements";
import { loadDocumentState } from "../../app/modules/documents/store/stored-document.server";
import { documents } from "../../db/schema/index";
import { bodyText, commitGate, waitFor } from "../../test/support/collab-clients";
import { signInCookie, startTestServer, type TestServer } from "../../test/support/server";

let server: TestServer;
const commits = commitGate();
let college: string;
let qa: string;
const sockets: WebSocket[] = [];

beforeAll(async () => {
  server = await startTestServer({ hooks: { beforeCommit: commits.hook } });
  college = (await signInCookie(server.url, "college@demo.concord.test"))!;
  qa = (await signInCookie(server.url, "qa@demo.concord.test"))!;
});
afterEach(() => {
  commits.release();
  for (const socket of sockets.splice(0)) socket.terminate();
});
afterAll(async () => {
  await server?.stop();
});

async function newDocument(id: string): Promise<string> {
  await server.database.db.insert(documents).values({ id, projectId: "demo-project-cap", kind: "credential_spec", title: `Test ${id}`, createdBy: "demo-user-college" });
  return id;
}

type Frames = { socket: WebSocket; stored: number[]; frames: Uint8Array[] };

async function open(documentId: string, cookie: string, query = ""): Promise<Frames> {
  const socket = new WebSocket(`${server.url.replace(/^http/, "ws")}/collab/${documentId}${query}`, { headers: { Cookie: cookie, Origin: server.url } });
  sockets.push(socket);
  const result: Frames = { socket, stored: [], frames: [] };
  socket.on("message", (data) => {
    const frame = new Uint8Array(data as Buffer);
    result.frames.push(frame);
    const decoder = decoding.createDecoder(frame);
    if (decoding.readVarUint(decoder) === MESSAGE_STORED) result.stored.push(decoding.readVarUint(decoder));
  });
  await new Promise<void>((resolve, reject) => {
    socket.once("open", () => resolve());
    socket.once("error", reject);
  });
  return result;
}

function updateMessage(text: string): Uint8Array {
  const doc = new Y.Doc();
  const paragraph = new Y.XmlElement("paragraph");
  paragraph.insert(0, [new Y.XmlText(text)]);
  doc.getXmlFragment("body").push([paragraph]);
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, 0);
  syncProtocol.writeUpdate(encoder, Y.encodeStateAsUpdate(doc));
  return encoding.toUint8Array(encoder);
}

async function storedText(documentId: string): Promise<string> {
  const state = await loadDocumentState(server.database.db, documentId);
  const doc = new Y.Doc();
  if (state) Y.applyUpdate(doc, state);
  return bodyText(doc);
}

describe("acknowledging stored updates", () => {
  it("tells a client that asked how many of its updates are stored, once they are committed", async () => {
    const id = await newDocument("ack-doc");
    const author = await open(id, college, "?ack=1");
    author.socket.send(updateMessage("first"));
    author.socket.send(updateMessage("second"));
    await waitFor(() => author.stored.includes(2), { message: "acknowledgement of 2" });
    // Told "stored" means it is in the database now.
    const text = await storedText(id);
    expect(text).toContain("first");
    expect(text).toContain("second");
    // Cumulative and in order.
    expect(author.stored).toEqual([...author.stored].sort((a, b) => a - b));
  });

  it("shows the update to a colleague from memory at once, and tells the author only after the commit", async () => {
    const id = await newDocument("ack-order-doc");
    const author = await open(id, college, "?ack=1");
    const colleague = await open(id, qa);
    commits.hold();
    try {
      author.socket.send(updateMessage("seen before stored"));
      await waitFor(() => colleague.frames.some((frame) => Buffer.from(frame).includes(Buffer.from("seen before stored"))), { message: "broadcast from memory" });
      await waitFor(() => commits.waiting > 0, { message: "commit held" });
      await new Promise((resolve) => setTimeout(resolve, 200));
      expect(author.stored).toEqual([]);
      expect(await storedText(id)).not.toContain("seen before stored");
    } finally {
      commits.release();
    }
    await waitFor(() => author.stored.includes(1), { message: "acknowledgement after the commit" });
    expect(await storedText(id)).toContain("seen before stored");
  });

  // Needs a second connection holding a lock on the update log: Postgres only (PGlite has one).
  it.skipIf(!process.env.DATABASE_URL)("holds the acknowledgement back while the commit waits", async () => {
    const id = await newDocument("ack-held-doc");
    const author = await open(id, college, "?ack=1");
    const { default: postgres } = await import("postgres");
    const blocker = postgres(server.database.url!, { max: 1, onnotice: () => {} });
    let release: () => void = () => {};
    const released = new Promise<void>((resolve) => (release = resolve));
    let locked: () => void = () => {};
    const isLocked = new Promise<void>((resolve) => (locked = resolve));
    const transaction = blocker.begin(async (tx) => {
      await tx`LOCK TABLE collab_updates IN EXCLUSIVE MODE`;
      locked();
      await released;
    });
    try {
      await isLocked;
      author.socket.send(updateMessage("waiting"));
      await new Promise((resolve) => setTimeout(resolve, 600));
      expect(author.stored).toEqual([]);
    } finally {
      release();
      await transaction;
      await blocker.end();
    }
    await waitFor(() => author.stored.includes(1), { message: "acknowledgement after the commit" });
    expect(await storedText(id)).toContain("waiting");
  });

  it("sends nothing of the kind to a client that did not ask (the stock y-websocket client)", async () => {
    const id = await newDocument("no-ack-doc");
    const stock = await open(id, college);
    stock.socket.send(updateMessage("plain"));
    await waitFor(async () => (await storedText(id)).includes("plain"), { message: "stored" });
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(stock.stored).toEqual([]);
    expect(stock.frames.every((frame) => decoding.readVarUint(decoding.createDecoder(frame)) !== MESSAGE_STORED)).toBe(true);
  });

  it("never acknowledges an edit that is not stored (a read-only reviewer's)", async () => {
    const id = await newDocument("ack-readonly-doc");
    const reviewer = await open(id, qa, "?ack=1");
    reviewer.socket.send(updateMessage("not allowed"));
    await new Promise((resolve) => setTimeout(resolve, 400));
    expect(reviewer.stored).toEqual([]);
    expect(await storedText(id)).not.toContain("not allowed");
  });
});
